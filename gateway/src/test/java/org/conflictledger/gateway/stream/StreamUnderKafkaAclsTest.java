package org.conflictledger.gateway.stream;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import org.conflictledger.devstack.kafka.SecuredKafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Against a broker that requires SCRAM-SHA-512, holds the production overlay's topics and allows the gateway only
 * what its KafkaUser allows (deploy/k8s/overlays/prod/kafka-users.yaml: read the three topics), the broker
 * readiness check sees the broker and the stream carries what a service publishes.
 */
@QuarkusTest
@TestProfile(StreamUnderKafkaAclsTest.SecuredBroker.class)
class StreamUnderKafkaAclsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    public static class SecuredBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(SecuredKafkaBrokerTestResource.forProductionUser("gateway"));
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void theBrokerIsReadyAndTheStreamCarriesWhatIsPublished() throws Exception {
        // the services are not running here: only the broker's check is asked about
        given().get("/q/health/ready").then().body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));

        UUID actor = UUID.randomUUID();
        try (SseClient client = SseClient.open(base.toURI().resolve("api/v1/stream?actor=" + actor), null);
             LedgerTopics topics = new LedgerTopics(SecuredKafkaBrokerTestResource.adminClient())) {
            JsonObject published = topics.actorRenamed(actor, "Read under the gateway's ACLs");
            assertThat(new JsonObject(client.next(WAIT).data())).isEqualTo(published);
        }
    }
}
