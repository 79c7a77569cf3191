package org.conflictledger.agreements.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.agreements.support.AgreementFixtures;
import org.conflictledger.agreements.support.TopicEvents;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.SecuredKafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Against a broker that requires SCRAM-SHA-512, holds the production overlay's topics and allows agreements-service
 * only what its KafkaUser allows (deploy/k8s/overlays/prod/kafka-users.yaml), the actor replica reads
 * ledger.actors.v1, the violation follower reads ledger.events.v1, each under its group, and the outbox publishes to
 * ledger.agreements.v1.
 */
@QuarkusTest
@TestProfile(FollowingAndPublishingUnderKafkaAclsTest.SecuredBroker.class)
class FollowingAndPublishingUnderKafkaAclsTest {

    public static class SecuredBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(SecuredKafkaBrokerTestResource.forProductionUser("agreements-service"));
        }
    }

    @Inject
    ActorDirectory directory;

    @Test
    void theReplicaAndTheFollowerReadAndTheOutboxPublishes() throws Exception {
        AgreementFixtures fixtures = new AgreementFixtures()
                .actorsKnown(directory, new TopicEvents(SecuredKafkaBrokerTestResource.adminClient()));
        UUID agreement = fixtures.recordStatement();
        UUID term = fixtures.addTermOk(agreement, fixtures.ceasefire(1));

        try (TopicEvents topics = new TopicEvents(SecuredKafkaBrokerTestResource.adminClient())) {
            topics.violationReported(UUID.randomUUID(), agreement, "1", "2020-11-12");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "VIOLATED".equals(given()
                .get("/api/v1/agreements/" + agreement + "/terms/" + term).then().statusCode(200)
                .extract().path("compliance.status")));

        SecuredKafkaBrokerTestResource.awaitRecordKeyed(Topics.AGREEMENTS, agreement.toString(), Duration.ofSeconds(60));
    }
}
