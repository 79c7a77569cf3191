package org.conflictledger.actors.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.platform.axon.ReadModels;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** Tampering with the store is detectable; snapshots and read-model rebuilds keep the record intact. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ActorAuditTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReadModels readModels;

    @Test
    void alteringAStoredEventBreaksTheHashChainFromThatEventOn() throws Exception {
        String id = register("Libya GNA");
        rename(id, "Government of National Accord");
        rename(id, "GNA");
        given().get("/api/v1/actors/" + id + "/verify").then().body("valid", equalTo(true)).body("events", equalTo(3));

        byte[] payload = storedPayload(id, 1);
        String forged = new String(payload, StandardCharsets.UTF_8).replace("Government of National Accord", "Forged name");
        update("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = 1",
                forged.getBytes(StandardCharsets.UTF_8), id);

        given().get("/api/v1/actors/" + id + "/verify").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("brokenAt", equalTo(1));
    }

    @Test
    void removingAStoredEventIsDetected() throws Exception {
        String id = register("Haftar forces");
        rename(id, "Libyan National Army");
        rename(id, "LNA");
        update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", null, id);

        given().get("/api/v1/actors/" + id + "/verify").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("brokenAt", equalTo(1));
    }

    @Test
    void anActorWithALongHistoryIsSnapshottedAndStillLoadsCorrectly() throws Exception {
        String id = register("Wagner");
        for (int i = 1; i <= 7; i++) {
            rename(id, "Name " + i);
        }
        assertThat(countRows("SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", id)).isPositive();
        // Loading from the snapshot must keep the version check and the state right.
        given().contentType(ContentType.JSON).header("If-Match", "\"8\"").body("{\"name\": \"Wagner Group\"}")
                .post("/api/v1/actors/" + id + "/rename").then().statusCode(200)
                .header("ETag", "\"9\"").body("name", equalTo("Wagner Group"));
        given().contentType(ContentType.JSON).header("If-Match", "\"8\"").body("{\"name\": \"Stale\"}")
                .post("/api/v1/actors/" + id + "/rename").then().statusCode(412);
        given().get("/api/v1/actors/" + id + "/verify").then().body("valid", equalTo(true)).body("events", equalTo(9));
    }

    @Test
    void theReadModelCanBeRebuiltByReplayingTheEvents() {
        String id = register("Kurdish groups in northern Syria");
        rename(id, "SDF");
        given().post("/api/v1/actors/admin/read-model/rebuild").then().statusCode(200)
                .body("readModel", equalTo("actor-read-model"))
                .body("actors", greaterThanOrEqualTo(1));
        given().get("/api/v1/actors/" + id).then().statusCode(200)
                .body("name", equalTo("SDF"))
                .body("version", equalTo(2));

        rename(id, "Syrian Democratic Forces");
        assertThat(readModels.awaitCaughtUp()).as("the rebuilt read model keeps up with new writes").isTrue();
        given().get("/api/v1/actors/" + id).then().body("name", equalTo("Syrian Democratic Forces"));
    }

    private static String register(String name) {
        String key = "AUD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
        return given().contentType(ContentType.JSON)
                .body("{\"key\": \"" + key + "\", \"name\": \"" + name + "\", \"kind\": \"ARMED_GROUP\"}")
                .post("/api/v1/actors").then().statusCode(201).extract().path("id");
    }

    private static void rename(String id, String name) {
        given().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\"}")
                .post("/api/v1/actors/" + id + "/rename").then().statusCode(200);
    }

    private byte[] storedPayload(String id, long sequence) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            s.setString(1, id);
            s.setLong(2, sequence);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getBytes(1);
            }
        }
    }

    private void update(String sql, byte[] bytes, String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (bytes != null) {
                s.setBytes(i++, bytes);
            }
            s.setString(i, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private long countRows(String sql, String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
