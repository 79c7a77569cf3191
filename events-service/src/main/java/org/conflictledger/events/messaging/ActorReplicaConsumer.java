package org.conflictledger.events.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conflictledger.contracts.CloudEventAttributes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Keeps the actor replica from {@code ledger.actors.v1}: polls, applies each event in its own
 * transaction, and commits the offsets only after the batch is applied. After a failure it
 * starts again from the last committed offsets, so nothing is lost; the updater skips what it
 * has already applied.
 */
@ApplicationScoped
public class ActorReplicaConsumer {
    private static final Logger LOG = Logger.getLogger(ActorReplicaConsumer.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(2);

    private final ActorReplicaUpdater updater;
    private final ObjectMapper json = new ObjectMapper();
    private final String bootstrapServers;
    private final String topic;
    private final String groupId;
    private final boolean enabled;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    ActorReplicaConsumer(ActorReplicaUpdater updater,
                         @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                         @ConfigProperty(name = "actor-replica.topic") String topic,
                         @ConfigProperty(name = "actor-replica.group-id", defaultValue = "events-service.actor-replica") String groupId,
                         @ConfigProperty(name = "actor-replica.enabled", defaultValue = "true") boolean enabled) {
        this.updater = updater;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.groupId = groupId;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.info("Actor replica consumer disabled");
            return;
        }
        running = true;
        thread = new Thread(this::run, "actor-replica-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties())) {
                consumer = kafka;
                kafka.subscribe(List.of(topic));
                LOG.infof("Keeping the actor replica from %s on %s", topic, bootstrapServers);
                while (running) {
                    var records = kafka.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<String, byte[]> record : records) {
                        apply(record);
                    }
                    if (!records.isEmpty()) {
                        kafka.commitSync();
                    }
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (RuntimeException e) {
                LOG.errorf(e, "Actor replica consumer failed; resuming from the last committed offsets in %s", RETRY_DELAY);
                sleep();
            } finally {
                consumer = null;
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        JsonNode cloudEvent;
        try {
            cloudEvent = json.readTree(record.value());
        } catch (IOException e) {
            // A message that is not JSON can never be applied; retrying it would stop the replica for good.
            LOG.errorf("Skipping an unreadable message at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return;
        }
        if (!isActorEvent(cloudEvent)) {
            // Likewise a message that is not an actor CloudEvent: log it loudly and go on.
            LOG.errorf("Skipping a message that is not an actor CloudEvent at %s-%d@%d", record.topic(),
                    record.partition(), record.offset());
            return;
        }
        updater.apply(cloudEvent);
    }

    private static boolean isActorEvent(JsonNode cloudEvent) {
        try {
            java.util.UUID.fromString(cloudEvent.path(CloudEventAttributes.SUBJECT).asText());
            java.time.Instant.parse(cloudEvent.path(CloudEventAttributes.TIME).asText());
        } catch (RuntimeException e) {
            return false;
        }
        return cloudEvent.path(CloudEventAttributes.TYPE).asText().startsWith("ledger.actor.")
                && cloudEvent.path(CloudEventAttributes.SEQUENCE).canConvertToLong()
                && cloudEvent.path(CloudEventAttributes.DATA).isObject();
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
