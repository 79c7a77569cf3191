package org.conflictledger.platform.transparency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.conflictledger.contracts.CloudEventAttributes;
import org.conflictledger.contracts.CloudEventSources;
import org.conflictledger.contracts.LogEventTypes;
import org.conflictledger.platform.config.LedgerConfig;
import org.conflictledger.platform.messaging.KafkaBootstrap;
import org.conflictledger.transparency.Checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts signed checkpoints on the service's topic as {@value LogEventTypes#CHECKPOINT} CloudEvents, keyed by the log's
 * origin, so that anyone reading the topic can keep the checkpoint history. A checkpoint's id is its origin and tree
 * size: one published twice (a replica died between sending and marking it) is the same CloudEvent again.
 */
@ApplicationScoped
public class CheckpointPublisher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(10);

    private final LedgerConfig config;
    private KafkaProducer<String, byte[]> producer;

    CheckpointPublisher(LedgerConfig config) {
        this.config = config;
    }

    /** Whether this service publishes at all (not for tools that must not). */
    public boolean enabled() {
        return config.outbox().enabled();
    }

    /** Sends one checkpoint and waits until the broker has it. */
    public synchronized void publish(Checkpoint checkpoint) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(config.outbox().topic(), checkpoint.origin(),
                cloudEvent(checkpoint));
        record.headers().add("content-type", CloudEventAttributes.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(record).get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("The broker did not take checkpoint " + checkpoint.treeSize(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing a checkpoint", e);
        }
    }

    private byte[] cloudEvent(Checkpoint checkpoint) {
        ObjectNode event = JSON.createObjectNode()
                .put(CloudEventAttributes.SPECVERSION, CloudEventAttributes.SPEC_VERSION)
                .put(CloudEventAttributes.ID, checkpoint.origin() + "/checkpoints/" + checkpoint.treeSize())
                .put(CloudEventAttributes.SOURCE, CloudEventSources.of(config.serviceName()))
                .put(CloudEventAttributes.TYPE, LogEventTypes.CHECKPOINT)
                .put(CloudEventAttributes.TIME, checkpoint.signedAt().toString())
                .put(CloudEventAttributes.DATACONTENTTYPE, "application/json");
        ObjectNode data = event.putObject(CloudEventAttributes.DATA)
                .put("origin", checkpoint.origin())
                .put("treeSize", checkpoint.treeSize())
                .put("rootHash", checkpoint.rootHash())
                .put("signedAt", checkpoint.signedAt().toString())
                .put("keyId", checkpoint.keyId())
                .put("signature", checkpoint.signature());
        data.put("signedText", checkpoint.signedText());
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = KafkaBootstrap.client(KafkaBootstrap.servers(config));
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ACKNOWLEDGEMENT_TIMEOUT.toMillis());
            // delivery.timeout.ms must cover linger.ms plus request.timeout.ms
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ACKNOWLEDGEMENT_TIMEOUT.toMillis() / 2);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) ACKNOWLEDGEMENT_TIMEOUT.toMillis());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-checkpoints");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }
}
