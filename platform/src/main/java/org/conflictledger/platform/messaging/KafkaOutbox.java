package org.conflictledger.platform.messaging;

import io.quarkus.arc.Unremovable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.conflictledger.contracts.CloudEventAttributes;
import org.conflictledger.platform.axon.RecordType;
import org.conflictledger.platform.config.LedgerConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The event store is the outbox: this handler runs in its own streaming processor and sends
 * every stored event to the service's topic, keyed by record id. The batch's token is stored
 * only after the broker acknowledged every event of the batch, so publishing is at least once
 * and never skips; consumers deduplicate by the CloudEvent id. It must never be replayed.
 *
 * <p>The processor has one segment, so with several replicas only the one holding its claim
 * publishes, in the order of the store; another one takes over from the stored token when that
 * replica releases the claim or its claim times out. A batch sent but not yet recorded when the
 * publisher died is sent again by the next one: repeats, never a record's events reordered.
 */
@Singleton
@Unremovable
public class KafkaOutbox {
    private static final Logger LOG = Logger.getLogger(KafkaOutbox.class);
    private static final String PENDING = KafkaOutbox.class.getName() + ".pending";

    private final LedgerConfig config;
    private final CloudEventWriter writer;
    private KafkaProducer<String, byte[]> producer;

    KafkaOutbox(LedgerConfig config, jakarta.enterprise.inject.Instance<RecordType> recordTypes) {
        this.config = config;
        Map<String, RecordType> records = recordTypes.stream()
                .collect(Collectors.toMap(r -> r.aggregateType().getSimpleName(), r -> r));
        this.writer = new CloudEventWriter(config.serviceName(), records);
    }

    @EventHandler
    public void publish(Object payload, DomainEventMessage<?> event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(config.outbox().topic(), null,
                event.getTimestamp().toEpochMilli(), event.getAggregateIdentifier(), writer.write(event));
        record.headers().add("content-type", CloudEventAttributes.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Future<RecordMetadata> sent = producer().send(record);
        pendingSends().add(sent);
    }

    private List<Future<RecordMetadata>> pendingSends() {
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        return unit.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            unit.onPrepareCommit(u -> awaitAcknowledgements(pending));
            return pending;
        });
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> pending) {
        long timeoutMillis = config.outbox().acknowledgementTimeout().toMillis();
        for (Future<RecordMetadata> sent : pending) {
            try {
                sent.get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the broker", e);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("Broker did not acknowledge an event; the batch will be retried: %s", e.toString());
                throw new IllegalStateException("Broker did not acknowledge the event", e);
            }
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-outbox");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(props);
            LOG.infof("Publishing events to %s on %s", config.outbox().topic(), props.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        }
        return producer;
    }

    private String bootstrapServers() {
        return config.outbox().bootstrapServers().orElseGet(() -> ConfigProvider.getConfig()
                .getOptionalValue("kafka.bootstrap.servers", String.class).orElse("localhost:9092"));
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }
}
