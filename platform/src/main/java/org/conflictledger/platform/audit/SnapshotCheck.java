package org.conflictledger.platform.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SimpleSerializedObject;
import org.conflictledger.platform.axon.AxonRuntime;
import org.conflictledger.platform.axon.EventStoreSchema;
import org.conflictledger.transparency.CanonicalJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks a record's stored snapshot against its events: the aggregate rebuilt from the events up to the snapshot's
 * sequence number, serialised as snapshots are, must be the snapshot's payload (in canonical JSON). A snapshot is
 * what the next write starts from, so an edited one would make later events look right while resting on a state
 * the record never had.
 */
@ApplicationScoped
public class SnapshotCheck {
    private final AgroalDataSource dataSource;
    private final AxonRuntime axon;

    SnapshotCheck(AgroalDataSource dataSource, AxonRuntime axon) {
        this.dataSource = dataSource;
        this.axon = axon;
    }

    /** What is wrong with the record's snapshot, or empty when it has none or it matches its events. */
    public Optional<Problem> check(Class<?> aggregateType, String id, List<DomainEventMessage<?>> events) {
        StoredSnapshot snapshot = stored(id);
        if (snapshot == null) {
            return Optional.empty();
        }
        if (!aggregateType.getSimpleName().equals(snapshot.aggregateType)) {
            return Optional.of(new Problem(snapshot.sequence, "the snapshot claims another record type"));
        }
        if (snapshot.sequence >= events.size()) {
            return Optional.of(new Problem(snapshot.sequence, "the snapshot is of event " + snapshot.sequence
                    + ", which the store does not hold"));
        }
        byte[] rebuilt = serialized(rebuild(aggregateType, id, events.subList(0, (int) snapshot.sequence + 1)));
        boolean same;
        try {
            // Read with today's class and written again, so that a snapshot an older version wrote (without a field
            // added since, say) compares by its state, not by its form.
            Object stored = axon.serializer().deserialize(new SimpleSerializedObject<>(snapshot.payload, byte[].class,
                    snapshot.payloadType, snapshot.revision));
            same = Arrays.equals(CanonicalJson.of(rebuilt), CanonicalJson.of(serialized(stored)));
        } catch (RuntimeException unreadable) {
            same = false;
        }
        return same ? Optional.empty()
                : Optional.of(new Problem(snapshot.sequence, "the snapshot is not the state its events give"));
    }

    private <T> T rebuild(Class<T> type, String id, List<DomainEventMessage<?>> events) {
        AggregateModel<T> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(type);
        T root = new GenericAggregateFactory<>(type).createAggregateRoot(id, events.get(0));
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(root, model,
                SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events.stream()));
        return aggregate.getAggregateRoot();
    }

    private byte[] serialized(Object aggregate) {
        return axon.serializer().serialize(aggregate, byte[].class).getData();
    }

    private StoredSnapshot stored(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT sequence_number, aggregate_type, payload, payload_type, payload_revision"
                     + " FROM " + EventStoreSchema.SNAPSHOT_TABLE + " WHERE aggregate_identifier = ?"
                     + " ORDER BY sequence_number DESC")) {
            statement.setString(1, id);
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new StoredSnapshot(rows.getLong(1), rows.getString(2), rows.getBytes(3),
                        rows.getString(4), rows.getString(5)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the snapshot of " + id, e);
        }
    }

    private record StoredSnapshot(long sequence, String aggregateType, byte[] payload, String payloadType,
                                  String revision) {
    }

    /** A snapshot that does not hold, at the sequence number it is of. */
    public record Problem(long sequence, String what) {
    }
}
