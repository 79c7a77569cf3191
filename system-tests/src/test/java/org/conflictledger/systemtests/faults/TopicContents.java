package org.conflictledger.systemtests.faults;

import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.conflictledger.contracts.LogEventTypes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Everything on a topic now, read the way a plain subscriber reads it: from the beginning, committed records only.
 */
record TopicContents(List<CloudEvent> events) {

    record CloudEvent(String id, String type, String subject, long sequence, int partition, long offset) {
    }

    static TopicContents read(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!readTo(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonPath json = JsonPath.from(record.value());
                    if (LogEventTypes.isLogEvent(json.getString("type"))) {
                        continue; // checkpoints of the service's log: no record's events
                    }
                    events.add(new CloudEvent(json.getString("id"), json.getString("type"), json.getString("subject"),
                            json.getLong("sequence"), record.partition(), record.offset()));
                }
            }
        }
        return new TopicContents(Collections.unmodifiableList(events));
    }

    private static boolean readTo(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** How many CloudEvents are on the topic more than once (each extra copy counts). */
    long duplicates() {
        Map<String, Integer> copies = new HashMap<>();
        events.forEach(e -> copies.merge(e.id(), 1, Integer::sum));
        return copies.values().stream().mapToInt(c -> c - 1).sum();
    }

    /** The subjects of the events of a type that ends with {@code typeSuffix}, e.g. {@code .registered.v1}. */
    List<String> subjectsOf(String typeSuffix) {
        return events.stream().filter(e -> e.type().endsWith(typeSuffix)).map(CloudEvent::subject).toList();
    }

    /** Whether each record's events come in sequence order (per record, the topic keeps the store's order). */
    boolean inSequencePerRecord() {
        Map<String, Long> last = new HashMap<>();
        for (CloudEvent event : events) {
            Long before = last.put(event.subject(), event.sequence());
            if (before != null && event.sequence() <= before) {
                return false;
            }
        }
        return true;
    }
}
