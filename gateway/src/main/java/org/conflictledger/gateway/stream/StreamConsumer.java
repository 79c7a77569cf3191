package org.conflictledger.gateway.stream;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conflictledger.contracts.Topics;
import org.conflictledger.gateway.broker.BrokerClients;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Reads the three ledger topics on a thread of its own, by manual assignment of every partition from the beginning
 * of the broker's retention (no consumer group, nothing committed: each gateway instance reads the whole window), and
 * appends each CloudEvent to the {@link StreamJournal}. Partitions that appear later are picked up from their start.
 */
@ApplicationScoped
public class StreamConsumer {
    static final List<String> TOPICS = List.of(Topics.ACTORS, Topics.EVENTS, Topics.AGREEMENTS);
    private static final Logger LOG = Logger.getLogger(StreamConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final StreamJournal journal;
    private final String bootstrapServers;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    StreamConsumer(StreamJournal journal, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.journal = journal;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "gateway-stream-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    private void run() {
        Properties props = BrokerClients.properties(bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-stream");
        // The outbox publishes in transactions: only committed events are changes (an aborted batch is sent again).
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(props)) {
                consumer = kafka;
                consume(kafka);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("The stream's Kafka consumer failed (%s); restarting it in 5s", e.toString());
                    sleep(5_000);
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void consume(KafkaConsumer<String, byte[]> kafka) {
        Set<TopicPartition> assigned = new HashSet<>();
        long nextRefresh = 0;
        while (running) {
            if (System.currentTimeMillis() >= nextRefresh) {
                List<TopicPartition> found = partitions(kafka);
                if (!assigned.containsAll(found) || found.size() != assigned.size()) {
                    List<TopicPartition> added = new ArrayList<>(found);
                    added.removeAll(assigned);
                    kafka.assign(found);
                    kafka.seekToBeginning(added);
                    kafka.beginningOffsets(added).forEach((partition, first) ->
                            journal.partitionBegins(partition.topic(), partition.partition(), first));
                    assigned = new HashSet<>(found);
                    LOG.infof("Streaming %d partitions of %s", assigned.size(), TOPICS);
                }
                boolean allTopics = assigned.stream().map(TopicPartition::topic).distinct().count() == TOPICS.size();
                nextRefresh = System.currentTimeMillis() + (allTopics ? 30_000 : 1_000);
            }
            if (assigned.isEmpty()) {
                sleep(POLL.toMillis());
                continue;
            }
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                append(record);
            }
        }
    }

    private void append(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            JsonObject cloudEvent = new JsonObject(Buffer.buffer(record.value()));
            if (journal.append(record.topic(), record.partition(), record.offset(), cloudEvent) == null) {
                LOG.debugf("Skipped %s-%d@%d: a duplicate or not a CloudEvent", record.topic(), record.partition(),
                        record.offset());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Skipped %s-%d@%d: not a CloudEvent in JSON (%s)", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> found = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(info -> found.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        return found;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
