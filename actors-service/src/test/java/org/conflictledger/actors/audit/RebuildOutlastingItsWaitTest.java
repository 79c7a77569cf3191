package org.conflictledger.actors.audit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A rebuild that outlasts its request's wait is answered 503 with how far it got, never 200 over a read model that is
 * still filling; the replay goes on and the read model ends complete.
 */
@QuarkusTest
@TestProfile(RebuildOutlastingItsWaitTest.NoWait.class)
@WithTestResource(KafkaBrokerTestResource.class)
class RebuildOutlastingItsWaitTest {
    private static final int ACTORS = 30;

    public static class NoWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ledger.axon.rebuild-wait", "0s");
        }
    }

    @Test
    void theAnswerSaysTheReplayGoesOnAndItFinishes() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ACTORS; i++) {
            names.add("Rebuilt " + i + " " + UUID.randomUUID().toString().substring(0, 6));
            given().contentType(ContentType.JSON)
                    .body("{\"key\": \"RB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
                            + "\", \"name\": \"" + names.get(i) + "\", \"kind\": \"ARMED_GROUP\"}")
                    .post("/api/v1/actors").then().statusCode(201);
        }

        given().post("/api/v1/actors/admin/read-model/rebuild").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", containsString("rebuild-not-finished"))
                .body("detail", containsString("replayed up to event"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String name : names) {
                given().queryParam("q", name).get("/api/v1/actors").then().statusCode(200)
                        .body("items.size()", equalTo(1));
            }
        });
    }
}
