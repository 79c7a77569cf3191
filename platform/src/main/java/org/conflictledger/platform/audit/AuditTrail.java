package org.conflictledger.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.conflictledger.platform.api.RecordNotFound;
import org.conflictledger.platform.axon.AxonRuntime;
import org.conflictledger.platform.axon.EventStoreSchema;
import org.conflictledger.platform.axon.LedgerObjectMapper;
import org.conflictledger.platform.axon.ReadModels;
import org.conflictledger.platform.axon.RecordType;
import org.conflictledger.platform.transparency.LogLeaves;
import org.conflictledger.platform.transparency.LoggedEvent;
import org.conflictledger.platform.transparency.StoredEvent;
import org.conflictledger.transparency.CanonicalJson;
import org.conflictledger.transparency.HashChain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The audit view of any event-sourced record: its history with metadata, the events recorded
 * up to an instant (to rebuild the record as it stood then), and hash-chain verification. Reads
 * the store as it is, so that verification sees exactly what a tamperer would have changed.
 */
@ApplicationScoped
public class AuditTrail {
    private static final String SELECT = "SELECT sequence_number, event_identifier, payload_type, payload_revision, "
            + "time_stamp, payload, meta_data, global_index FROM " + EventStoreSchema.EVENT_TABLE
            + " WHERE aggregate_identifier = ? AND aggregate_type = ? AND sequence_number > ?"
            + " ORDER BY sequence_number";

    private final AgroalDataSource dataSource;
    private final AxonRuntime axon;
    private final LogLeaves leaves;
    private final SnapshotCheck snapshots;
    private final ReadModels readModels;
    private final ObjectMapper json = LedgerObjectMapper.create();

    AuditTrail(AgroalDataSource dataSource, AxonRuntime axon, LogLeaves leaves, SnapshotCheck snapshots,
               ReadModels readModels) {
        this.dataSource = dataSource;
        this.axon = axon;
        this.leaves = leaves;
        this.snapshots = snapshots;
        this.readModels = readModels;
    }

    /** Up to {@code limit} changes after sequence {@code after} (-1 for the start), oldest first. */
    public List<HistoryEntry> history(RecordType record, String id, long after, int limit) {
        List<HistoryEntry> entries = new ArrayList<>();
        scan(record.aggregateType(), id, after, limit, row -> entries.add(entry(row, record)));
        return entries;
    }

    /** Whether the store holds any event of this record. */
    public boolean exists(Class<?> aggregateType, String id) {
        boolean[] found = {false};
        scan(aggregateType, id, -1, 1, row -> found[0] = true);
        return found[0];
    }

    /** The record's version as stored (its number of events), 0 for a record that has none. */
    public long storedVersion(String id) {
        return axon.storageEngine().lastSequenceNumberFor(id).map(sequence -> sequence + 1).orElse(0L);
    }

    /**
     * Every stored event of the record, oldest first: its state as the store has it, which a correction must be
     * based on (a read model may lag behind, and a patch merged onto a lagging state would revert what it missed).
     */
    public List<DomainEventMessage<?>> events(String id) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        axon.storageEngine().readEvents(id, 0).asStream().forEach(events::add);
        return events;
    }

    /**
     * The states records were in at {@code asOf}, from their current views: a view not changed since is that state; a
     * record changed since is folded from its events recorded up to the instant. For record types with few records
     * (actors, agreements): every view given is looked at.
     *
     * @param current   the views of the records that existed at the instant (and perhaps others: they fold to nothing)
     * @param updatedAt when a view last changed
     * @param id        a view's record id, as the event store names it
     * @param fold      a record's events folded into a detached view, empty for none
     */
    public <V> List<V> statesAt(Instant asOf, List<V> current, Function<V, Instant> updatedAt, Function<V, String> id,
                                Function<List<DomainEventMessage<?>>, Optional<V>> fold) {
        List<V> then = new ArrayList<>(current.size());
        for (V now : current) {
            if (!updatedAt.apply(now).isAfter(asOf)) {
                then.add(now);
            } else {
                fold.apply(eventsUpTo(id.apply(now), asOf)).ifPresent(then::add);
            }
        }
        return then;
    }

    /** The record's events recorded at or before {@code instant}, oldest first. */
    public List<DomainEventMessage<?>> eventsUpTo(String id, Instant instant) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        var stream = axon.storageEngine().readEvents(id, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(instant)) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    /**
     * Checks the record as stored: every link of its chain recomputed from the stored payloads and metadata, each
     * event's recorded time against the time it was hashed with, rows under the record's id that claim another
     * record type, and each event against its leaf in the service's transparency log (a leaf whose event is gone
     * means a deleted event; an edited column no longer matches its leaf).
     */
    public ChainVerification verify(Class<?> aggregateType, String id) {
        Map<Long, LoggedEvent> logged = new HashMap<>();
        for (LoggedEvent leaf : leaves.ofRecord(id)) {
            logged.putIfAbsent(leaf.sequence(), leaf);
        }
        ChainState state = new ChainState(logged);
        scan(aggregateType, id, -1, Integer.MAX_VALUE, state::check);
        state.checkOtherTypes(rowsOfOtherTypes(aggregateType, id));
        state.checkLeavesWithoutEvents(logged.values());
        return state.result();
    }

    /**
     * {@link #verify(Class, String)}, then the record's snapshot against its events ({@link SnapshotCheck}) and its
     * read model against them ({@code readModel}, once the read models have caught up with the record).
     */
    public ChainVerification verify(Class<?> aggregateType, String id, ReadModelCheck readModel) {
        ChainVerification chain = verify(aggregateType, id);
        if (!chain.valid() || chain.events() == 0) {
            return chain;
        }
        List<DomainEventMessage<?>> stored = events(id);
        Optional<SnapshotCheck.Problem> snapshot = snapshots.check(aggregateType, id, stored);
        if (snapshot.isPresent()) {
            return chain.brokenAt(snapshot.get().sequence(), snapshot.get().what());
        }
        if (!readModels.awaitCaughtUp(id)) {
            return chain.withReadModel("not checked: it has not caught up with the store");
        }
        boolean matches;
        try {
            matches = readModel.matches(stored);
        } catch (RecordNotFound missing) {
            matches = false;
        }
        return matches ? chain.withReadModel("matches")
                : chain.withReadModel("differs").brokenAt(stored.size() - 1L,
                        "the read model does not show what the stored events give");
    }

    private long rowsOfOtherTypes(Class<?> aggregateType, String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM "
                     + EventStoreSchema.EVENT_TABLE + " WHERE aggregate_identifier = ? AND (aggregate_type IS NULL"
                     + " OR aggregate_type <> ?)")) {
            statement.setString(1, id);
            statement.setString(2, aggregateType.getSimpleName());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the events of " + id, e);
        }
    }

    private void scan(Class<?> aggregateType, String id, long after, int limit, Consumer<StoredEvent> consumer) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SELECT)) {
            statement.setString(1, id);
            statement.setString(2, aggregateType.getSimpleName());
            statement.setLong(3, after);
            statement.setMaxRows(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(new StoredEvent(rows.getLong(8), rows.getString(2), id, rows.getLong(1),
                            aggregateType.getSimpleName(), rows.getString(5), rows.getString(3), rows.getString(4),
                            rows.getBytes(6), rows.getBytes(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the history of " + id, e);
        }
    }

    private HistoryEntry entry(StoredEvent event, RecordType record) {
        Map<String, Object> meta = CanonicalJson.readMap(event.metaData());
        String payloadType = event.payloadType();
        String simpleName = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        return new HistoryEntry(event.sequence(), event.sequence() + 1,
                EventTypeNames.of(record, simpleName, event.payloadRevision()), event.eventId(),
                Instant.parse(event.timestamp()), text(meta, AuditMetadata.PRINCIPAL), text(meta, AuditMetadata.REASON),
                meta.get(AuditMetadata.SOURCES) == null ? null : json.valueToTree(meta.get(AuditMetadata.SOURCES)),
                text(meta, AuditMetadata.CORRELATION_ID), text(meta, AuditMetadata.CAUSATION_ID),
                text(meta, AuditMetadata.HASH), tree(event.payload()));
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }

    private JsonNode tree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks a chain in order and remembers the first thing that does not hold. */
    private static final class ChainState {
        private final Map<Long, LoggedEvent> logged;
        private long count;
        private long inLog;
        private String previous = HashChain.GENESIS;
        private Long brokenAt;
        private String problem;

        ChainState(Map<Long, LoggedEvent> logged) {
            this.logged = logged;
        }

        void check(StoredEvent event) {
            count++;
            LoggedEvent leaf = logged.remove(event.sequence());
            if (brokenAt != null) {
                return;
            }
            if (event.sequence() != count - 1) {
                fail(count - 1, "event " + (count - 1) + " is missing");
                return;
            }
            String recorded = HashChain.recordedHash(event.metaData());
            String computed = HashChain.link(previous, event.aggregateId(), event.sequence(),
                    event.payloadType(), event.payload(), event.metaData());
            if (recorded == null) {
                fail(event.sequence(), "event has no recorded hash");
            } else if (!recorded.equals(computed)) {
                fail(event.sequence(), "stored event does not match its recorded hash");
            } else if (!sameInstant(event.timestamp(), CanonicalJson.readMap(event.metaData())
                    .get(AuditMetadata.RECORDED_AT))) {
                fail(event.sequence(), "stored time stamp is not the time the event was recorded with");
            } else if (leaf != null && !leaf.leafHash().equals(event.logEntry().leafHashHex())) {
                fail(event.sequence(), "stored event does not match its leaf in the transparency log (position "
                        + leaf.position() + ")");
            } else if (leaf != null && leaf.globalIndex() != event.globalIndex()) {
                fail(event.sequence(), "stored event is not at the place in the store (global index) the"
                        + " transparency log recorded for it");
            }
            if (leaf != null) {
                inLog++;
            }
            previous = recorded;
        }

        void checkOtherTypes(long rows) {
            if (brokenAt == null && rows > 0) {
                fail(count, rows + " stored event(s) under this id claim another record type");
            }
        }

        /** Leaves left over had no stored event: deleted rows, or a tail cut off. */
        void checkLeavesWithoutEvents(java.util.Collection<LoggedEvent> left) {
            left.stream().mapToLong(LoggedEvent::sequence).min().ifPresent(sequence -> {
                if (brokenAt == null || sequence < brokenAt) {
                    fail(sequence, "event " + sequence + " is in the transparency log but no longer in the store");
                }
            });
        }

        private static boolean sameInstant(String stored, Object recordedAt) {
            if (recordedAt == null) {
                return false;
            }
            try {
                return Instant.parse(stored).truncatedTo(ChronoUnit.MILLIS)
                        .equals(Instant.parse(recordedAt.toString()).truncatedTo(ChronoUnit.MILLIS));
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        private void fail(long at, String why) {
            brokenAt = at;
            problem = why;
        }

        ChainVerification result() {
            return brokenAt == null
                    ? ChainVerification.intact(count, count == 0 ? null : previous, inLog)
                    : ChainVerification.broken(count, previous, brokenAt, problem, inLog);
        }
    }
}
