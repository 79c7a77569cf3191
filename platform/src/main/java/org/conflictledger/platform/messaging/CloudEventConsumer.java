package org.conflictledger.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conflictledger.contracts.CloudEventAttributes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads the ledger CloudEvents of one topic on a thread of its own and hands each to a handler,
 * committing the offsets only after the whole batch was handled. After a failure it starts again
 * from the last committed offsets, so nothing is lost: handlers must be idempotent (a redelivered
 * event carries the same {@code id} and {@code sequence}).
 *
 * <p>A message that can never be handled (not JSON, not a ledger CloudEvent of the expected
 * type prefix) is logged as an error and skipped: retrying it would stop the consumer for good.
 */
public final class CloudEventConsumer {
    private static final Logger LOG = Logger.getLogger(CloudEventConsumer.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(2);

    private final String name;
    private final String bootstrapServers;
    private final String topic;
    private final String groupId;
    private final String typePrefix;
    private final Consumer<JsonNode> handler;
    private final ObjectMapper json = new ObjectMapper();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param name       names the thread and the log lines, e.g. {@code actor-replica}
     * @param typePrefix the CloudEvent {@code type}s this consumer handles, e.g. {@code ledger.actor.}
     * @param handler    applies one CloudEvent; an exception stops the batch, which is then read again
     */
    public CloudEventConsumer(String name, String bootstrapServers, String topic, String groupId, String typePrefix,
                              Consumer<JsonNode> handler) {
        this.name = name;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.groupId = groupId;
        this.typePrefix = typePrefix;
        this.handler = handler;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, name + "-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() throws InterruptedException {
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
                LOG.infof("%s: reading %s on %s as %s", name, topic, bootstrapServers, groupId);
                while (running) {
                    var records = kafka.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<String, byte[]> record : records) {
                        handle(record);
                    }
                    if (!records.isEmpty()) {
                        kafka.commitSync();
                    }
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s failed; resuming from the last committed offsets in %s", name, RETRY_DELAY);
                sleep();
            } finally {
                consumer = null;
            }
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        JsonNode cloudEvent;
        try {
            cloudEvent = json.readTree(record.value());
        } catch (IOException e) {
            LOG.errorf("%s: skipping an unreadable message at %s-%d@%d", name, record.topic(), record.partition(),
                    record.offset());
            return;
        }
        if (!isLedgerEvent(cloudEvent)) {
            LOG.errorf("%s: skipping a message that is not a %s* CloudEvent at %s-%d@%d", name, typePrefix,
                    record.topic(), record.partition(), record.offset());
            return;
        }
        handler.accept(cloudEvent);
    }

    /** A CloudEvent of the expected types, about a record (UUID subject), with a time, sequence and data. */
    private boolean isLedgerEvent(JsonNode cloudEvent) {
        if (cloudEvent == null || !cloudEvent.isObject()) {
            return false;
        }
        try {
            UUID.fromString(cloudEvent.path(CloudEventAttributes.SUBJECT).asText());
            Instant.parse(cloudEvent.path(CloudEventAttributes.TIME).asText());
        } catch (RuntimeException e) {
            return false;
        }
        return cloudEvent.path(CloudEventAttributes.TYPE).asText().startsWith(typePrefix)
                && cloudEvent.path(CloudEventAttributes.SEQUENCE).canConvertToLong()
                && cloudEvent.path(CloudEventAttributes.DATA).isObject();
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // The outbox publishes in transactions: an aborted batch is sent again, so only committed events count.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
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
