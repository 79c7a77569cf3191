package org.conflictledger.gateway.stream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conflictledger.contracts.ActorEventTypes;
import org.conflictledger.contracts.AgreementEventTypes;
import org.conflictledger.contracts.ConflictEventTypes;
import org.conflictledger.contracts.Topics;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/** Publishes CloudEvents to the test broker's ledger topics the way the services' outboxes do. */
final class LedgerTopics implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    LedgerTopics() {
        this(bootstrapOnly());
    }

    /** Publishes with these client settings (bootstrap servers and any credentials). */
    LedgerTopics(Properties client) {
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

    JsonObject actorRenamed(UUID actor, String name) {
        return send(Topics.ACTORS, actor, ActorEventTypes.RENAMED,
                new JsonObject().put("actorId", actor.toString()).put("name", name));
    }

    JsonObject conflictEvent(UUID event, String theater, UUID actor, UUID agreement) {
        JsonObject details = new JsonObject().put("theater", theater).put("type", "BATTLE").put("date", "2020-10-01")
                .put("actors", new JsonArray().add(new JsonObject().put("actorId", actor.toString()).put("role", "SIDE_A")));
        if (agreement != null) {
            details.put("agreementId", agreement.toString());
        }
        return send(Topics.EVENTS, event, ConflictEventTypes.REPORTED,
                new JsonObject().put("eventId", event.toString()).put("details", details));
    }

    JsonObject conflictEventRetracted(UUID event) {
        return send(Topics.EVENTS, event, ConflictEventTypes.RETRACTED, new JsonObject().put("eventId", event.toString()));
    }

    JsonObject agreementRecorded(UUID agreement, String theater, UUID signatory) {
        JsonObject details = new JsonObject().put("title", "Ceasefire").put("theater", theater)
                .put("signatories", new JsonArray().add(signatory.toString()));
        return send(Topics.AGREEMENTS, agreement, AgreementEventTypes.RECORDED,
                new JsonObject().put("agreementId", agreement.toString()).put("details", details));
    }

    JsonObject send(String topic, UUID subject, String type, JsonObject data) {
        JsonObject event = new JsonObject().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/conflict-ledger/test").put("type", type).put("subject", subject.toString())
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json")
                .put("sequence", 0).put("principal", "analyst@example.org").put("reason", "a test\nwith two lines")
                .put("correlationid", "corr-1").put("data", data);
        send(topic, subject.toString(), event.toBuffer().getBytes());
        return event;
    }

    void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
