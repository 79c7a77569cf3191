package org.conflictledger.actors.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conflictledger.contracts.ActorEventTypes;
import org.conflictledger.contracts.LogEventTypes;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.SecuredKafkaBrokerTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Against a broker that requires SCRAM-SHA-512, holds the production overlay's topics (kafka.yaml) and allows
 * actors-service only what its KafkaUser there allows (kafka-users.yaml), the outbox and the checkpoint publisher
 * publish;
 * and the broker does enforce: no client gets in without credentials, and the service's own may not read.
 */
@QuarkusTest
@TestProfile(PublishingUnderKafkaAclsTest.SecuredBroker.class)
class PublishingUnderKafkaAclsTest {

    public static class SecuredBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(SecuredKafkaBrokerTestResource.forProductionUser("actors-service"));
        }
    }

    @Test
    void writesArePublishedWithTheProductionAcls() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"key\": \"ACL" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
                        + "\", \"name\": \"Published under ACLs\", \"kind\": \"STATE\"}")
                .post("/api/v1/actors").then().statusCode(201).extract().path("id");

        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                client(SecuredKafkaBrokerTestResource.adminClient()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACTORS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    if (id.equals(record.key())) {
                        types.add(ActorEventTypes.REGISTERED);
                    } else if (value.contains(LogEventTypes.CHECKPOINT)) {
                        types.add(LogEventTypes.CHECKPOINT);
                    }
                }
                return types.contains(ActorEventTypes.REGISTERED) && types.contains(LogEventTypes.CHECKPOINT);
            });
        }
    }

    @Test
    void noClientGetsInWithoutCredentials() {
        Properties anonymous = new Properties();
        anonymous.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        anonymous.put("request.timeout.ms", 3000);
        anonymous.put("default.api.timeout.ms", 5000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, java.util.concurrent.TimeoutException.class);
        }
    }

    @Test
    void theServiceMayWriteItsTopicButNotReadIt() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                client(SecuredKafkaBrokerTestResource.serviceClient()))) {
            TopicPartition partition = new TopicPartition(Topics.ACTORS, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static Properties client(Properties base) {
        Properties props = new Properties();
        props.putAll(base);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}
