package org.conflictledger.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads the ledger CloudEvents of one topic on a thread of its own and hands each to a handler,
 * committing the offsets only after the whole batch was handled. Handlers must be idempotent (a
 * redelivered event carries the same {@code id} and {@code sequence}).
 *
 * <p>A message the handler cannot apply is tried again a few times, then parked with
 * {@link MessageParking} (listed, counted, replayable) and the consumer moves on; so is a message
 * that is no ledger CloudEvent of the expected type prefix. Only when a message can be neither
 * applied nor parked (the database is down) does the consumer start again from the last committed
 * offsets, after a pause.
 */
public final class CloudEventConsumer {
    private static final Logger LOG = Logger.getLogger(CloudEventConsumer.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(2);
    // Small batches: a batch of failing messages, each tried a few times, must not outlast max.poll.interval.ms.
    private static final int MAX_POLL_RECORDS = 100;

    private final String name;
    private final String bootstrapServers;
    private final String topic;
    private final String groupId;
    private final MessageParking parking;
    private final MessageDelivery delivery;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param name       names the thread, the log lines, the meters and the parked messages, e.g. {@code actor-replica}
     * @param accepted   the CloudEvent {@code type}s this consumer handles and the source it takes them from
     * @param handler    applies one CloudEvent; an exception is a failure to apply it (retried, then parked)
     * @param parking    where the messages it cannot apply are parked, and replayed from
     */
    public CloudEventConsumer(String name, String bootstrapServers, String topic, String groupId, AcceptedEvents accepted,
                              Consumer<JsonNode> handler, MessageParking parking) {
        this.name = name;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.groupId = groupId;
        this.parking = parking;
        this.delivery = new MessageDelivery(name, accepted, handler, parking, MessageDelivery.Retries.DEFAULT);
        parking.register(name, accepted, handler);
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
                    List<IncomingMessage> batch = new ArrayList<>(records.count());
                    for (ConsumerRecord<String, byte[]> record : records) {
                        batch.add(new IncomingMessage(record.topic(), record.partition(), record.offset(), record.key(),
                                record.value()));
                    }
                    delivery.deliver(batch, () -> running);
                    if (!batch.isEmpty()) {
                        kafka.commitSync();
                    }
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (RuntimeException e) {
                if (!running) {
                    LOG.debugf(e, "%s: stopped during a batch; it is read again on the next start", name);
                    break;
                }
                parking.failed(name);
                LOG.errorf(e, "%s failed; resuming from the last committed offsets in %s", name, RETRY_DELAY);
                sleep();
            } finally {
                consumer = null;
            }
        }
    }

    private Properties properties() {
        Properties props = KafkaBootstrap.client(bootstrapServers);
        // The outbox publishes in transactions: an aborted batch is sent again, so only committed events count.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
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
