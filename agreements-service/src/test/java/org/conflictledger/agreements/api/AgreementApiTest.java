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

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** Recording agreements and their terms, and reading them back, over HTTP. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class AgreementApiTest {
    @Inject
    ActorDirectory directory;

    private AgreementFixtures fixtures;

    @BeforeEach
    void signatoriesKnownFromTheActorTopic() throws Exception {
        fixtures = new AgreementFixtures().actorsKnown(directory);
    }

    @Test
    void recordingAnAgreementNamesItsSignatoriesAndKeepsItsZone() {
        given().contentType(ContentType.JSON).body(fixtures.statement()).post("/api/v1/agreements").then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/agreements/[0-9a-f-]{36}"))
                .header("ETag", "\"1\"")
                .body("status", equalTo("IN_FORCE"))
                .body("inForceAt", equalTo("2020-11-09T21:00:00Z"))
                .body("inForceZone", equalTo("Europe/Moscow"))
                .body("inForceLocal", equalTo("2020-11-10T00:00:00"))
                .body("signatories.key", contains(fixtures.aze, fixtures.arm, fixtures.rus))
                .body("inForce", equalTo(true));
    }

    @Test
    void termsOverdueOnTheSecondOfDecemberAreTheThreeDistrictsWhenNoneWasFulfilled() {
        UUID agreement = fixtures.recordStatement();
        fixtures.addTermOk(agreement, fixtures.ceasefire(1));
        fixtures.addTermOk(agreement, fixtures.kalbajar(5));
        fixtures.addTermOk(agreement, fixtures.agdam(6));
        fixtures.addTermOk(agreement, fixtures.lachin(7));

        given().queryParam("overdueAt", "2020-12-02T00:00:00Z").get("/api/v1/agreements/" + agreement + "/terms").then()
                .statusCode(200)
                .body("items.order", contains(5, 6, 7))
                .body("items.overdue", contains(true, true, true))
                .body("items.compliance.status", contains("PENDING", "PENDING", "PENDING"));
        // On 20 November (Moscow), only Kalbajar's deadline had passed.
        given().queryParam("overdueAt", "2020-11-20T12:00:00Z").get("/api/v1/agreements/" + agreement + "/terms").then()
                .statusCode(200).body("items.order", contains(5));
    }
}
