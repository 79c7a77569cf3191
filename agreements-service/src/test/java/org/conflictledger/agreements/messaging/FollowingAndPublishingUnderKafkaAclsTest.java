package org.conflictledger.agreements.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.agreements.support.AgreementFixtures;
import org.conflictledger.agreements.support.TopicEvents;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.SecuredKafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

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
            return List.of(new TestResourceEntry(SecuredKafkaBrokerTestResource.class, Map.of(
                    "user", "agreements-service", "users", "../deploy/k8s/overlays/prod/kafka-users.yaml",
                    "topics", "../deploy/k8s/overlays/prod/kafka.yaml")));
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

        Properties props = SecuredKafkaBrokerTestResource.adminClient();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AGREEMENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            AtomicBoolean published = new AtomicBoolean();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    published.compareAndSet(false, agreement.toString().equals(record.key()));
                }
                return published.get();
            });
        }
    }
}
