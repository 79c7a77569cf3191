package org.conflictledger.devstack.tokens;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every service checks of the caller's token itself, whatever the gateway did (defence in depth). A service's
 * test extends it, names its collection, and runs with {@link TokenChecksOn}.
 */
public abstract class ServiceAccessChecks {

    /** The service's collection, e.g. {@code /api/v1/events}. */
    protected abstract String collection();

    @Test
    void aReadWithoutATokenIsUnauthorizedWithABearerChallenge() {
        given().get(collection()).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer realm=\"conflict-ledger\""))
                .body("type", equalTo("urn:conflict-ledger:problem:unauthorized"));
    }

    @Test
    void aReaderMayReadButNotWrite() {
        String reader = TestTokens.bearer("rita@example.org", "reader");
        given().header("Authorization", reader).get(collection()).then().statusCode(200);
        given().header("Authorization", reader).contentType(ContentType.JSON).body("{}").post(collection()).then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:conflict-ledger:problem:forbidden"))
                .body("detail", containsString("editor"));
    }

    @Test
    void anEditorsTokenPassesTheCheckAndMeetsTheUsualValidation() {
        given().header("Authorization", TestTokens.bearer("ana@example.org", "editor"))
                .contentType(ContentType.JSON).body("{}").post(collection()).then().statusCode(400);
    }

    @Test
    void expiredAndForeignTokensAreUnauthorized() {
        given().header("Authorization", TestTokens.expiredBearer("late@example.org", "admin"))
                .get(collection()).then().statusCode(401).body("detail", containsString("expired"));
        given().header("Authorization", TestTokens.forgedBearer("mallory@example.org", "admin"))
                .get(collection()).then().statusCode(401).body("detail", containsString("signature"));
    }

    @Test
    void rebuildingTheReadModelNeedsAnAdmin() {
        String rebuild = collection() + "/admin/read-model/rebuild";
        given().header("Authorization", TestTokens.bearer("ed@example.org", "editor")).post(rebuild).then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer("root@example.org", "admin")).post(rebuild).then()
                .statusCode(200);
    }
}
