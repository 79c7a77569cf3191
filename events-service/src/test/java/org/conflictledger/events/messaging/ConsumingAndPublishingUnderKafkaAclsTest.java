package org.conflictledger.events.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.SecuredKafkaBrokerTestResource;
import org.conflictledger.events.api.ActorEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Against a broker that requires SCRAM-SHA-512, holds the production overlay's topics and allows events-service only
 * what its KafkaUser allows (deploy/k8s/overlays/prod/kafka-users.yaml), the actor replica reads ledger.actors.v1
 * under its consumer group and the outbox publishes to ledger.events.v1.
 */
@QuarkusTest
@TestProfile(ConsumingAndPublishingUnderKafkaAclsTest.SecuredBroker.class)
class ConsumingAndPublishingUnderKafkaAclsTest {

    public static class SecuredBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(SecuredKafkaBrokerTestResource.forProductionUser("events-service"));
        }
    }

    @Inject
    ActorDirectory directory;

    @Test
    void theReplicaReadsActorsAndTheOutboxPublishesEvents() throws Exception {
        String key = "ACL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        try (ActorEvents actors = new ActorEvents(SecuredKafkaBrokerTestResource.adminClient())) {
            actors.registered(key, "Published by an administrator", 0);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.byReference(key).isPresent());

        String id = given().contentType(ContentType.JSON)
                .body("{\"theater\": \"SYRIA\", \"type\": \"EXPLOSION_REMOTE_VIOLENCE\", \"subType\": \"AIR_DRONE_STRIKE\","
                        + " \"date\": \"2020-02-27\", \"actors\": [{\"actor\": \"" + key + "\", \"role\": \"PERPETRATOR\"}],"
                        + " \"fatalities\": {\"best\": 34}}")
                .post("/api/v1/events").then().statusCode(201).extract().path("id");

        SecuredKafkaBrokerTestResource.awaitRecordKeyed(Topics.EVENTS, id, Duration.ofSeconds(60));
    }
}
