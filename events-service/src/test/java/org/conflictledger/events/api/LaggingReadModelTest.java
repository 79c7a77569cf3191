package org.conflictledger.events.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.events.query.ConflictEventProjection;
import org.conflictledger.platform.axon.AxonRuntime;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Writes while the read model lags behind the store (a rebuild, a restart, another replica): a correction is merged
 * onto the record as stored, so a field corrected in between is never silently reverted; and a write the read model
 * does not show within the wait is still answered with what was recorded, never 404 or 500.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class LaggingReadModelTest {

    @Inject
    ActorDirectory directory;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AxonRuntime axon;

    @Test
    void aWriteTheReadModelDoesNotShowWithinTheWaitIsAnsweredWithWhatWasRecorded() throws Exception {
        String key = registeredActor();
        TrackingEventProcessor projection = axon.processor(ConflictEventProjection.PROCESSOR).orElseThrow();
        projection.shutDown();
        String id;
        try {
            id = given().contentType(ContentType.JSON)
                    .body("{\"theater\": \"SYRIA\", \"type\": \"BATTLE\", \"date\": \"2020-03-01\", \"notes\": \"while it lags\","
                            + " \"actors\": [{\"actor\": \"" + key + "\", \"role\": \"PERPETRATOR\"}]}")
                    .post("/api/v1/events").then().statusCode(201)
                    .header("ETag", equalTo("\"1\""))
                    .body("notes", equalTo("while it lags"))
                    .extract().path("id");
            given().get("/api/v1/events/" + id).then().statusCode(404);
            // history and verification read the store: they answer already
            given().get("/api/v1/events/" + id + "/history").then().statusCode(200).body("items", hasSize(1));
            given().get("/api/v1/events/" + id + "/verify").then().statusCode(200).body("valid", equalTo(true));
        } finally {
            projection.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/events/" + id).then().statusCode(200).body("notes", equalTo("while it lags")));
    }

    @Test
    void aCorrectionOnALaggingReadModelKeepsTheChangesItDidNotSee() throws Exception {
        String key = registeredActor();
        String id = given().contentType(ContentType.JSON)
                .body("{\"theater\": \"SYRIA\", \"type\": \"BATTLE\", \"date\": \"2020-02-27\", \"notes\": \"first account\","
                        + " \"actors\": [{\"actor\": \"" + key + "\", \"role\": \"PERPETRATOR\"}]}")
                .post("/api/v1/events").then().statusCode(201).extract().path("id");
        String firstRow = readModelDetails(id);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"notes\": \"second account\", \"reason\": \"better source\"}")
                .post("/api/v1/events/" + id + "/corrections").then().statusCode(200);

        // The read model falls back to version 1, as it is while it lags behind the store.
        setReadModel(id, firstRow, 1);
        given().get("/api/v1/events/" + id).then().body("notes", equalTo("first account"));

        given().contentType(ContentType.JSON).body("{\"fatalities\": {\"best\": 3}, \"reason\": \"casualty figure\"}")
                .post("/api/v1/events/" + id + "/corrections").then().statusCode(200);

        String now = java.time.Instant.now().plusSeconds(1).toString();
        given().queryParam("asOf", now).get("/api/v1/events/" + id).then().statusCode(200)
                .body("notes", equalTo("second account"))
                .body("fatalities.best", equalTo(3))
                .body("version", equalTo(3));
        // A correction naming the version the lagging read model shows is stale, not applied.
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"notes\": \"an old view's notes\", \"reason\": \"stale\"}")
                .post("/api/v1/events/" + id + "/corrections").then().statusCode(412);
    }

    private String registeredActor() throws Exception {
        String key = "LAG" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
        try (ActorEvents actors = new ActorEvents()) {
            actors.registered(key, "Lagging " + key, 0);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.byReference(key).isPresent());
        return key;
    }

    private String readModelDetails(String id) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT details FROM conflict_event_view WHERE id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private void setReadModel(String id, String details, long version) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE conflict_event_view SET details = ?, version = ? WHERE id = ?")) {
            update.setString(1, details);
            update.setLong(2, version);
            update.setObject(3, UUID.fromString(id));
            update.executeUpdate();
        }
    }
}
