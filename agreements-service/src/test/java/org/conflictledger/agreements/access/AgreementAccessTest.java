package org.conflictledger.agreements.access;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.devstack.tokens.TestTokens;
import org.conflictledger.devstack.tokens.TokenChecksOn;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The service checks the caller's token itself, whatever the gateway did (defence in depth). */
@QuarkusTest
@TestProfile(TokenChecksOn.class)
@WithTestResource(KafkaBrokerTestResource.class)
class AgreementAccessTest {
    private static final String LIST = "/api/v1/agreements";
    private static final String REBUILD = "/api/v1/agreements/admin/read-model/rebuild";

    @Test
    void aReadWithoutATokenIsUnauthorizedWithABearerChallenge() {
        given().get(LIST).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer realm=\"conflict-ledger\""))
                .body("type", equalTo("urn:conflict-ledger:problem:unauthorized"));
    }

    @Test
    void aReaderMayReadButNotWrite() {
        String reader = TestTokens.bearer("rita@example.org", "reader");
        given().header("Authorization", reader).get(LIST).then().statusCode(200);
        given().header("Authorization", reader).contentType(ContentType.JSON).body("{}").post(LIST).then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:conflict-ledger:problem:forbidden"))
                .body("detail", containsString("editor"));
    }

    @Test
    void anEditorsTokenPassesTheCheckAndMeetsTheUsualValidation() {
        given().header("Authorization", TestTokens.bearer("ana@example.org", "editor"))
                .contentType(ContentType.JSON).body("{}").post(LIST).then().statusCode(400);
    }

    @Test
    void expiredAndForeignTokensAreUnauthorized() {
        given().header("Authorization", TestTokens.expiredBearer("late@example.org", "admin"))
                .get(LIST).then().statusCode(401).body("detail", containsString("expired"));
        given().header("Authorization", TestTokens.forgedBearer("mallory@example.org", "admin"))
                .get(LIST).then().statusCode(401).body("detail", containsString("signature"));
    }

    @Test
    void rebuildingTheReadModelNeedsAnAdmin() {
        given().header("Authorization", TestTokens.bearer("ed@example.org", "editor")).post(REBUILD).then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer("root@example.org", "admin")).post(REBUILD).then()
                .statusCode(200);
    }
}
