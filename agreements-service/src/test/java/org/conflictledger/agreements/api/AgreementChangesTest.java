package org.conflictledger.agreements.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.agreements.support.AgreementFixtures;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** GET /api/v1/agreements/changes: the changes of every agreement, newest first, by principal. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class AgreementChangesTest {
    private static final String CHANGES = "/api/v1/agreements/changes";

    @Inject
    ActorDirectory directory;

    private AgreementFixtures fixtures;

    @BeforeEach
    void signatoriesKnownFromTheActorTopic() throws Exception {
        fixtures = new AgreementFixtures().actorsKnown(directory);
    }

    @Test
    void anAgreementsChangesByOnePrincipalComeNewestFirst() {
        String negotiator = "negotiator-" + UUID.randomUUID() + "@example.org";
        String id = given().contentType(ContentType.JSON).header("X-Ledger-Principal", negotiator)
                .body(fixtures.statement()).post("/api/v1/agreements").then().statusCode(201).extract().path("id");
        fixtures.recordStatement();
        given().contentType(ContentType.JSON).header("X-Ledger-Principal", negotiator).body(fixtures.kalbajar(5))
                .post("/api/v1/agreements/" + id + "/terms").then().statusCode(201);

        given().queryParam("principal", negotiator).get(CHANGES).then().statusCode(200)
                .body("items.recordId", equalTo(List.of(id, id)))
                .body("items.sequence", equalTo(List.of(1, 0)))
                .body("items.recordType", everyItem(equalTo("agreement")))
                .body("items.type", everyItem(startsWith("ledger.agreement.")))
                .body("items.principal", everyItem(equalTo(negotiator)))
                .body("next", nullValue());
        given().get("/api/v1/agreements/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aRecordTypeThisServiceDoesNotKeepIsA400NamingIt() {
        given().queryParam("recordType", "actor").get(CHANGES).then().statusCode(400)
                .body("errors.field", equalTo(List.of("recordType")));
        given().queryParam("recordType", "agreement").queryParam("limit", "1").get(CHANGES).then().statusCode(200);
    }
}
