package org.conflictledger.events.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** GET /api/v1/events/changes is served next to /api/v1/events/{id} and knows the record it keeps. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ConflictEventChangesTest {

    @Test
    void theChangesOfConflictEventsAreListedAndOtherRecordTypesRefused() {
        given().queryParam("recordType", "event").get("/api/v1/events/changes").then().statusCode(200)
                .body("items", notNullValue());
        given().queryParam("recordType", "agreement").get("/api/v1/events/changes").then().statusCode(400)
                .body("errors.field", equalTo(List.of("recordType")));
        given().queryParam("format", "json").get("/openapi").then().statusCode(200)
                .body("paths.'/api/v1/events/changes'.get.summary", equalTo("Changes across all records"));
    }
}
