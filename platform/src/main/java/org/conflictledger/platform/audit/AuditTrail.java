package org.conflictledger.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.conflictledger.platform.axon.AxonRuntime;
import org.conflictledger.platform.axon.EventStoreSchema;
import org.conflictledger.platform.axon.LedgerObjectMapper;
import org.conflictledger.platform.axon.RecordType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The audit view of any event-sourced record: its history with metadata, the events recorded
 * up to an instant (to rebuild the record as it stood then), and hash-chain verification. Reads
 * the store as it is, so that verification sees exactly what a tamperer would have changed.
 */
@ApplicationScoped
public class AuditTrail {
    private static final String SELECT = "SELECT sequence_number, event_identifier, payload_type, payload_revision, "
            + "time_stamp, payload, meta_data FROM " + EventStoreSchema.EVENT_TABLE
            + " WHERE aggregate_identifier = ? AND aggregate_type = ? AND sequence_number > ?"
            + " ORDER BY sequence_number";

    private final AgroalDataSource dataSource;
    private final AxonRuntime axon;
    private final ObjectMapper json = LedgerObjectMapper.create();

    AuditTrail(AgroalDataSource dataSource, AxonRuntime axon) {
        this.dataSource = dataSource;
        this.axon = axon;
    }

    /** Up to {@code limit} changes after sequence {@code after} (-1 for the start), oldest first. */
    public List<HistoryEntry> history(RecordType record, String id, long after, int limit) {
        List<HistoryEntry> entries = new ArrayList<>();
        scan(record.aggregateType(), id, after, limit, row -> entries.add(row.toEntry(record, json)));
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

    /** Recomputes every link of the record's chain from the stored payloads and metadata. */
    public ChainVerification verify(Class<?> aggregateType, String id) {
        ChainState state = new ChainState();
        scan(aggregateType, id, -1, Integer.MAX_VALUE, state::check);
        return state.result();
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
                    consumer.accept(new StoredEvent(id, rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getBytes(6), rows.getBytes(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the history of " + id, e);
        }
    }

    private record StoredEvent(String aggregateId, long sequence, String eventId, String payloadType,
                               String revision, String timestamp, byte[] payload, byte[] metaData) {

        HistoryEntry toEntry(RecordType record, ObjectMapper json) {
            Map<String, Object> meta = CanonicalJson.readMap(metaData);
            String simpleName = payloadType.substring(payloadType.lastIndexOf('.') + 1);
            return new HistoryEntry(sequence, sequence + 1, EventTypeNames.of(record, simpleName, revision),
                    eventId, Instant.parse(timestamp), text(meta, AuditMetadata.PRINCIPAL),
                    text(meta, AuditMetadata.REASON),
                    meta.get(AuditMetadata.SOURCES) == null ? null : json.valueToTree(meta.get(AuditMetadata.SOURCES)),
                    text(meta, AuditMetadata.CORRELATION_ID), text(meta, AuditMetadata.CAUSATION_ID),
                    text(meta, AuditMetadata.HASH), tree(json, payload));
        }

        private static String text(Map<String, Object> meta, String key) {
            Object value = meta.get(key);
            return value == null ? null : value.toString();
        }

        private static JsonNode tree(ObjectMapper json, byte[] bytes) {
            try {
                return json.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Walks a chain in order and remembers the first link that does not hold. */
    private static final class ChainState {
        private long count;
        private String previous = HashChain.GENESIS;
        private Long brokenAt;
        private String problem;

        void check(StoredEvent event) {
            count++;
            if (brokenAt != null) {
                return;
            }
            if (event.sequence() != count - 1) {
                fail(count - 1, "event " + (count - 1) + " is missing");
                return;
            }
            String recorded = HashChain.recordedHash(event.metaData());
            String computed = HashChain.linkOfStored(previous, event.aggregateId(), event.sequence(),
                    event.payloadType(), event.payload(), event.metaData());
            if (recorded == null) {
                fail(event.sequence(), "event has no recorded hash");
            } else if (!recorded.equals(computed)) {
                fail(event.sequence(), "stored event does not match its recorded hash");
            }
            previous = recorded;
        }

        private void fail(long at, String why) {
            brokenAt = at;
            problem = why;
        }

        ChainVerification result() {
            return brokenAt == null
                    ? ChainVerification.intact(count, count == 0 ? null : previous)
                    : ChainVerification.broken(count, previous, brokenAt, problem);
        }
    }
}
