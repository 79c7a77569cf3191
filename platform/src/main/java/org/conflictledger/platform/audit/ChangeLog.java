package org.conflictledger.platform.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.axonframework.common.DateTimeUtils;
import org.conflictledger.platform.api.Cursors;
import org.conflictledger.platform.api.Page;
import org.conflictledger.platform.axon.EventStoreSchema;
import org.conflictledger.platform.axon.RecordType;
import org.conflictledger.transparency.CanonicalJson;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of every record a service keeps, newest first (by the store's global position), filtered by
 * principal, time and record type: the service's part of the cross-record audit view.
 *
 * <p>Time and record type are filtered in SQL. {@code time_stamp} is the text Axon writes
 * ({@link DateTimeUtils#formatInstant}: {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, always UTC, always three fraction digits),
 * so its text order is its time order on H2 and PostgreSQL alike. The principal lives in the JSON metadata blob,
 * which neither database can search portably, so it is matched here while the store is read in batches. A request
 * reads at most {@code scanLimit} rows: when that many were read without filling the page, the page is shorter
 * (possibly empty) and its {@code next} continues after the last row read.
 */
@ApplicationScoped
public class ChangeLog {
    /** Rows read per query when the principal is filtered here. */
    public static final int DEFAULT_BATCH = 500;
    /** Rows one request may read before it answers with what it found. */
    public static final int DEFAULT_SCAN_LIMIT = 20_000;

    private final DataSource dataSource;
    private final Map<String, RecordType> recordsByAggregate = new LinkedHashMap<>();
    private final int batch;
    private final int scanLimit;

    @Inject
    ChangeLog(AgroalDataSource dataSource, Instance<RecordType> records) {
        this(dataSource, records.stream().toList(), DEFAULT_BATCH, DEFAULT_SCAN_LIMIT);
    }

    public ChangeLog(DataSource dataSource, List<RecordType> records, int batch, int scanLimit) {
        if (batch < 1 || scanLimit < 1) {
            throw new IllegalArgumentException("batch and scanLimit must be positive");
        }
        this.dataSource = dataSource;
        records.forEach(record -> recordsByAggregate.put(record.aggregateType().getSimpleName(), record));
        this.batch = batch;
        this.scanLimit = scanLimit;
    }

    /** The record types this service keeps, by name. */
    public List<RecordType> recordTypes() {
        return List.copyOf(recordsByAggregate.values());
    }

    /** One page of changes, newest first; {@code next} is null when nothing older matches. */
    public Page<Change> page(ChangeQuery query) {
        List<RecordType> wanted = query.recordTypes().isEmpty() ? recordTypes() : query.recordTypes();
        if (wanted.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        String sql = sql(query, wanted);
        int rowsPerQuery = query.principal() == null ? query.limit() + 1 : Math.max(batch, query.limit() + 1);
        List<Change> found = new ArrayList<>();
        long before = query.before() == null ? Long.MAX_VALUE : query.before();
        int scanned = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            while (true) {
                int want = Math.min(rowsPerQuery, scanLimit - scanned);
                bind(statement, query, wanted, before, want);
                int read = 0;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        read++;
                        before = rows.getLong(1);
                        Change change = change(rows, before);
                        if (matches(change, query)) {
                            found.add(change);
                            if (found.size() > query.limit()) {
                                List<Change> items = found.subList(0, query.limit());
                                return new Page<>(List.copyOf(items), items.get(items.size() - 1).cursor());
                            }
                        }
                    }
                }
                scanned += read;
                if (read < want) {
                    return new Page<>(List.copyOf(found), null);
                }
                if (scanned >= scanLimit) {
                    // Read as much as one request may: what was found, and where to go on.
                    return new Page<>(List.copyOf(found), cursor(before));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the change log", e);
        }
    }

    private static String cursor(long globalIndex) {
        return Cursors.encode(Long.toString(globalIndex));
    }

    private static String sql(ChangeQuery query, List<RecordType> wanted) {
        StringBuilder sql = new StringBuilder("SELECT global_index, aggregate_type, aggregate_identifier, sequence_number, "
                + "event_identifier, payload_type, payload_revision, time_stamp, meta_data FROM ")
                .append(EventStoreSchema.EVENT_TABLE)
                .append(" WHERE global_index < ? AND aggregate_type IN (")
                .append("?, ".repeat(wanted.size() - 1)).append("?)");
        if (sqlLowerBound(query.from()) != null) {
            sql.append(" AND time_stamp >= ?");
        }
        if (sqlUpperBound(query.to()) != null) {
            sql.append(" AND time_stamp < ?");
        }
        return sql.append(" ORDER BY global_index DESC FETCH FIRST ? ROWS ONLY").toString();
    }

    private static void bind(PreparedStatement statement, ChangeQuery query, List<RecordType> wanted, long before,
                             int rows) throws SQLException {
        int i = 1;
        statement.setLong(i++, before);
        for (RecordType record : wanted) {
            statement.setString(i++, record.aggregateType().getSimpleName());
        }
        String lower = sqlLowerBound(query.from());
        if (lower != null) {
            statement.setString(i++, lower);
        }
        String upper = sqlUpperBound(query.to());
        if (upper != null) {
            statement.setString(i++, upper);
        }
        statement.setInt(i, rows);
    }

    /**
     * The stored text at or below which nothing at or after {@code from} is: {@code from} cut to milliseconds, as
     * stored. Null (no bound in SQL) outside the years the stored text orders correctly; the exact check follows.
     */
    static String sqlLowerBound(Instant from) {
        return from == null || !storable(from) ? null : DateTimeUtils.formatInstant(from);
    }

    /** The stored text below which everything before {@code to} is: {@code to} rounded up to milliseconds. */
    static String sqlUpperBound(Instant to) {
        if (to == null || !storable(to)) {
            return null;
        }
        Instant ceiling = to.truncatedTo(ChronoUnit.MILLIS);
        if (ceiling.isBefore(to)) {
            ceiling = ceiling.plusMillis(1);
        }
        return DateTimeUtils.formatInstant(ceiling);
    }

    private static boolean storable(Instant instant) {
        return !instant.isBefore(Instant.parse("1000-01-01T00:00:00Z"))
                && instant.isBefore(Instant.parse("9999-12-31T23:59:59Z"));
    }

    /** The checks SQL cannot make exactly: the principal, and the time range below a millisecond. */
    static boolean matches(Change change, ChangeQuery query) {
        return (query.principal() == null || query.principal().equals(change.principal()))
                && (query.from() == null || !change.recordedAt().isBefore(query.from()))
                && (query.to() == null || change.recordedAt().isBefore(query.to()));
    }

    private Change change(ResultSet rows, long globalIndex) throws SQLException {
        RecordType record = recordsByAggregate.get(rows.getString(2));
        String payloadType = rows.getString(6);
        String simpleName = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        long sequence = rows.getLong(4);
        Map<String, Object> meta = CanonicalJson.readMap(rows.getBytes(9));
        return new Change(record.name(), rows.getString(3), sequence, sequence + 1,
                EventTypeNames.of(record, simpleName, rows.getString(7)), rows.getString(5),
                DateTimeUtils.parseInstant(rows.getString(8)), text(meta, AuditMetadata.PRINCIPAL),
                text(meta, AuditMetadata.REASON), text(meta, AuditMetadata.CORRELATION_ID),
                text(meta, AuditMetadata.CAUSATION_ID), cursor(globalIndex));
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
