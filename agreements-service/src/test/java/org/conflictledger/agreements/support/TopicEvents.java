package org.conflictledger.agreements.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.conflictledger.contracts.ActorEventTypes;
import org.conflictledger.contracts.ConflictEventTypes;
import org.conflictledger.contracts.Topics;
import org.conflictledger.contracts.CloudEventSources;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * Publishes actor and conflict event CloudEvents exactly as actors-service's and events-service's
 * outboxes do (the published contract), so this service can be tested without those services.
 */
public final class TopicEvents implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final KafkaProducer<String, byte[]> producer;

    /** Publishes to the test JVM's shared broker. */
    public TopicEvents() {
        this(KafkaBrokerTestResource.bootstrapServers());
    }

    public TopicEvents(String bootstrapServers) {
        this(bootstrapOnly(bootstrapServers));
    }

    /** Publishes with these client settings (bootstrap servers and any credentials). */
    public TopicEvents(Properties client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    private static Properties bootstrapOnly(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    /** An actor registered in actors-service: {@code ledger.actor.registered.v1} at sequence 0. */
    public UUID actorRegistered(String key, String name) throws Exception {
        UUID id = UUID.randomUUID();
        ObjectNode data = json.createObjectNode().put("actorId", id.toString()).put("key", key).put("name", name)
                .put("kind", "STATE");
        data.putArray("aliases");
        send(Topics.ACTORS, id, ActorEventTypes.REGISTERED, 0, UUID.randomUUID().toString(), data);
        return id;
    }

    public void actorRenamed(UUID id, String previousName, String name, long sequence) throws Exception {
        send(Topics.ACTORS, id, ActorEventTypes.RENAMED, sequence, UUID.randomUUID().toString(),
                json.createObjectNode().put("actorId", id.toString()).put("previousName", previousName).put("name", name));
    }

    public void actorRetracted(UUID id, long sequence) throws Exception {
        send(Topics.ACTORS, id, ActorEventTypes.RETRACTED, sequence, UUID.randomUUID().toString(),
                json.createObjectNode().put("actorId", id.toString()));
    }

    /**
     * A conflict event reported or corrected in events-service, with the fields this service reads.
     *
     * @return the CloudEvent's id (the causation of what it makes this service do)
     */
    public String conflictEvent(String type, UUID eventId, long sequence, String eventType, UUID agreement, String term,
                                String date) throws Exception {
        ObjectNode details = json.createObjectNode().put("theater", "NAGORNO_KARABAKH").put("type", eventType)
                .put("date", date);
        if (agreement != null) {
            details.put("agreementId", agreement.toString());
        }
        if (term != null) {
            details.put("term", term);
        }
        ObjectNode data = json.createObjectNode().put("eventId", eventId.toString());
        data.set("details", details);
        String id = UUID.randomUUID().toString();
        send(Topics.EVENTS, eventId, type, sequence, id, data);
        return id;
    }

    public String violationReported(UUID eventId, UUID agreement, String term, String date) throws Exception {
        return conflictEvent(ConflictEventTypes.REPORTED, eventId, 0, "CEASEFIRE_VIOLATION", agreement, term, date);
    }

    public String conflictEventRetracted(UUID eventId, long sequence) throws Exception {
        String id = UUID.randomUUID().toString();
        send(Topics.EVENTS, eventId, ConflictEventTypes.RETRACTED, sequence, id,
                json.createObjectNode().put("eventId", eventId.toString()));
        return id;
    }

    /** A key the producer sends to the same partition of the topic as {@code key}: read after it, in order. */
    public UUID keyOnTheSamePartition(String topic, UUID key) {
        int partitions = producer.partitionsFor(topic).size();
        while (true) {
            UUID candidate = UUID.randomUUID();
            if (partition(candidate, partitions) == partition(key, partitions)) {
                return candidate;
            }
        }
    }

    private static int partition(UUID key, int partitions) {
        // The producer's default partitioner for a keyed message.
        return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Any message, for tests of what the consumers park. */
    public void raw(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    public void send(String topic, UUID subject, String type, long sequence, String id, ObjectNode data) throws Exception {
        ObjectNode event = json.createObjectNode()
                .put("specversion", "1.0").put("id", id)
                .put("source", type.startsWith("ledger.actor.") ? CloudEventSources.ACTORS_SERVICE
                        : CloudEventSources.EVENTS_SERVICE).put("type", type)
                .put("subject", subject.toString()).put("time", Instant.now().toString())
                .put("sequence", sequence).put("principal", "analyst@example.org")
                .put("correlationid", "corr-" + id);
        event.set("data", data);
        producer.send(new ProducerRecord<>(topic, subject.toString(), json.writeValueAsBytes(event))).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
