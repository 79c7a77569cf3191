package org.conflictledger.platform.messaging;

import io.agroal.api.AgroalDataSource;
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
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.conflictledger.contracts.CloudEventAttributes;
import org.conflictledger.platform.axon.EventStoreSchema;
import org.conflictledger.platform.axon.RecordType;
import org.conflictledger.platform.config.LedgerConfig;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
 * The event store is the outbox: this handler runs in its own streaming processor and sends every stored event to
 * the service's topic, keyed by record id, exactly once.
 *
 * <p>Each batch of the processor is one Kafka transaction that holds the batch's events and the outbox's
 * {@link PublishedPosition} (on the {@link PositionTopic}). Axon stores the processor's token only after that
 * transaction committed, so publishing never skips; and because the position on Kafka is exactly as far as the
 * topic, an event the processor meets again (the service was killed between the Kafka commit and the token's, or
 * another replica took over) is recognised as published and not sent twice. The transactional id is the same on
 * every replica: the replica that takes the outbox over fences the one it replaces, and the broker aborts what that
 * one had left open. Subscribers read with {@code isolation.level=read_committed}.
 *
 * <p>The processor has one segment, so with several replicas only the one holding its claim publishes, in the order
 * of the store. It must never be replayed, except by {@link #republishFromTheStart()}.
 */
@Singleton
@Unremovable
public class KafkaOutbox {
    private static final Logger LOG = Logger.getLogger(KafkaOutbox.class);
    private static final String BATCH = KafkaOutbox.class.getName() + ".batch";

    private final LedgerConfig config;
    private final AgroalDataSource dataSource;
    private final CloudEventWriter writer;
    private KafkaProducer<String, byte[]> producer;
    private PositionTopic positions;
    private PublishedPosition published;
    private String store;

    KafkaOutbox(LedgerConfig config, AgroalDataSource dataSource, jakarta.enterprise.inject.Instance<RecordType> recordTypes) {
        this.config = config;
        this.dataSource = dataSource;
        Map<String, RecordType> records = recordTypes.stream()
                .collect(Collectors.toMap(r -> r.aggregateType().getSimpleName(), r -> r));
        this.writer = new CloudEventWriter(config.serviceName(), records);
    }

    @EventHandler
    public synchronized void publish(Object payload, DomainEventMessage<?> event, TrackingToken token) {
        Batch batch = batch();
        if (published.covers(store(), token)) {
            LOG.debugf("Event %s is on %s already; not sent again", event.getIdentifier(), config.outbox().topic());
            return;
        }
        if (!batch.open) {
            producer.beginTransaction();
            batch.open = true;
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(config.outbox().topic(), null,
                event.getTimestamp().toEpochMilli(), event.getAggregateIdentifier(), writer.write(event));
        record.headers().add("content-type", CloudEventAttributes.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        batch.sent.add(producer.send(record));
        PublishedPosition after = PublishedPosition.after(store(), token);
        if (after != null) {
            batch.position = after;
        }
    }

    /** The check that keeps an event the topic could not take out of the store. */
    public PublishableSizeCheck sizeCheck() {
        return new PublishableSizeCheck(writer, config.outbox().maxEventSize());
    }

    /**
     * Starts the topic over: the position on Kafka is cleared, so every stored event is published again (with its
     * original CloudEvent id) once the processor is reset to the start. Call it while the processor is stopped.
     */
    public synchronized void republishFromTheStart() {
        ensureProducer();
        producer.beginTransaction();
        try {
            producer.send(positionRecord(PublishedPosition.NONE)).get();
            producer.commitTransaction();
            published = PublishedPosition.NONE;
        } catch (ExecutionException | RuntimeException e) {
            discardProducer();
            throw new IllegalStateException("Could not clear the outbox position on " + positions.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardProducer();
            throw new IllegalStateException("Interrupted while clearing the outbox position", e);
        }
    }

    /** The batch of the current unit of work, whose commit is the Kafka transaction's. */
    private Batch batch() {
        ensureProducer();
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        return unit.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unit.onPrepareCommit(u -> commit(batch));
            unit.onRollback(u -> abort(batch));
            return batch;
        });
    }

    private synchronized void commit(Batch batch) {
        if (!batch.open) {
            return;
        }
        long timeoutMillis = config.outbox().acknowledgementTimeout().toMillis();
        try {
            if (batch.position != null) {
                batch.sent.add(producer.send(positionRecord(batch.position)));
            }
            for (Future<RecordMetadata> sent : batch.sent) {
                sent.get(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            producer.commitTransaction();
            batch.open = false;
            if (batch.position != null) {
                published = batch.position;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            discardProducer();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("The broker did not take a batch of events; it will be sent again: %s", e.toString());
            discardProducer();
            throw new IllegalStateException("The broker did not take the batch", e);
        }
    }

    private synchronized void abort(Batch batch) {
        if (batch.open) {
            // Closing aborts nothing by itself: the next producer with this transactional id does, and knows the
            // position again from Kafka.
            discardProducer();
        }
    }

    private ProducerRecord<String, byte[]> positionRecord(PublishedPosition position) {
        return new ProducerRecord<>(positions.name(), publisherKey(), position.toBytes());
    }

    private String publisherKey() {
        return config.serviceName() + ":" + config.outbox().topic();
    }

    /** A producer with its transactions initialised (fencing any other with the same id) and the position read. */
    private void ensureProducer() {
        if (producer != null) {
            return;
        }
        String bootstrapServers = KafkaBootstrap.servers(config);
        positions = new PositionTopic(bootstrapServers, config.outbox().positionTopic());
        positions.ensureExists();
        Properties props = KafkaBootstrap.client(bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.outbox().transactionalId()
                .orElse(config.serviceName() + "-outbox"));
        // A transaction left open by a publisher that died blocks read_committed subscribers until this expires
        // (or until the next publisher starts); the batch waits for its acknowledgements for as long.
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                (int) config.outbox().acknowledgementTimeout().plusSeconds(5).toMillis());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // room for the largest event PublishableSizeCheck lets into the store, with its key and headers
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(1024 * 1024, config.outbox().maxEventSize() + 64 * 1024));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-outbox");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        KafkaProducer<String, byte[]> created = new KafkaProducer<>(props);
        try {
            created.initTransactions();
            published = positions.read(publisherKey());
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            throw e;
        }
        producer = created;
        store = null;
        LOG.infof("Publishing events to %s on %s, exactly once (transactional id %s)", config.outbox().topic(),
                bootstrapServers, props.get(ProducerConfig.TRANSACTIONAL_ID_CONFIG));
    }

    /** The identifier of the store's first event: which event store a position belongs to. */
    private String store() {
        if (store == null) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement first = connection.prepareStatement("SELECT event_identifier FROM "
                         + EventStoreSchema.EVENT_TABLE + " ORDER BY global_index ASC LIMIT 1");
                 ResultSet row = first.executeQuery()) {
                store = row.next() ? row.getString(1) : null;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the event store's first event", e);
            }
        }
        return store;
    }

    private void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** The events of one processor batch, sent in one transaction, and the position after its last one. */
    private static final class Batch {
        private final List<Future<RecordMetadata>> sent = new ArrayList<>();
        private PublishedPosition position;
        private boolean open;
    }
}
