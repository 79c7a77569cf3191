package org.conflictledger.events.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conflictledger.contracts.ActorEventTypes;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * Publishes actor CloudEvents to ledger.actors.v1 exactly as actors-service's outbox does (the
 * published contract), so events-service's replica can be tested without that service.
 */
public final class ActorEvents implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final KafkaProducer<String, byte[]> producer;

    ActorEvents() {
        this(bootstrapOnly());
    }

    /** Publishes with these client settings (bootstrap servers and any credentials). */
    public ActorEvents(Properties client) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    private static Properties bootstrapOnly() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.bootstrapServers());
        return props;
    }

    public UUID registered(String key, String name, long sequence) throws Exception {
        UUID id = UUID.randomUUID();
        ObjectNode data = json.createObjectNode().put("actorId", id.toString()).put("key", key).put("name", name)
                .put("kind", "STATE");
        data.putArray("aliases");
        send(id, ActorEventTypes.REGISTERED, sequence, data);
        return id;
    }

    void renamed(UUID id, String previous, String name, long sequence) throws Exception {
        send(id, ActorEventTypes.RENAMED, sequence,
                json.createObjectNode().put("actorId", id.toString()).put("previousName", previous).put("name", name));
    }

    void send(UUID actorId, String type, long sequence, ObjectNode data) throws Exception {
        ObjectNode event = json.createObjectNode()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/conflict-ledger/actors-service").put("type", type)
                .put("subject", actorId.toString()).put("time", Instant.now().toString())
                .put("sequence", sequence).put("principal", "test");
        event.set("data", data);
        producer.send(new ProducerRecord<>(Topics.ACTORS, actorId.toString(), json.writeValueAsBytes(event))).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
