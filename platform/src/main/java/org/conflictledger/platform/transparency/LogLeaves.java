package org.conflictledger.platform.transparency;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.platform.axon.EventStoreSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The log's leaves ({@code log_leaf}) and the stored events they stand for, by plain JDBC. */
@ApplicationScoped
public class LogLeaves {
    private static final String EVENTS = EventStoreSchema.EVENT_TABLE;
    private static final String LOGGED = "SELECT l.log_position, l.global_index, l.aggregate_identifier, "
            + "l.sequence_number, l.leaf_hash, " + StoredEvent.COLUMNS
            + " FROM log_leaf l LEFT JOIN " + EVENTS + " e ON e.global_index = l.global_index";

    private final AgroalDataSource dataSource;

    LogLeaves(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many leaves the log holds. */
    public long size() {
        return queryLong("SELECT COALESCE(MAX(log_position) + 1, 0) FROM log_leaf");
    }

    /** The stored event at a global index, as the store holds it now. */
    public Optional<StoredEvent> storedEvent(long globalIndex) {
        String sql = "SELECT " + StoredEvent.COLUMNS + " FROM " + EVENTS + " e WHERE e.global_index = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, globalIndex);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(event(rows, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the stored event " + globalIndex, e);
        }
    }

    /** Appends a leaf for a stored event unless it has one; runs in the caller's transaction. */
    void appendUnlessLogged(StoredEvent event, String leafHash) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement logged = connection.prepareStatement(
                    "SELECT 1 FROM log_leaf WHERE global_index = ?")) {
                logged.setLong(1, event.globalIndex());
                try (ResultSet rows = logged.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            long position;
            try (PreparedStatement size = connection.prepareStatement(
                    "SELECT COALESCE(MAX(log_position) + 1, 0) FROM log_leaf");
                 ResultSet rows = size.executeQuery()) {
                rows.next();
                position = rows.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_leaf (log_position, "
                    + "global_index, aggregate_identifier, sequence_number, leaf_hash) VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, position);
                insert.setLong(2, event.globalIndex());
                insert.setString(3, event.aggregateId());
                insert.setLong(4, event.sequence());
                insert.setString(5, leafHash);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append event " + event.globalIndex() + " to the log", e);
        }
    }

    /** The leaf hashes at positions {@code from} (inclusive) to {@code to} (exclusive), in order. */
    public List<byte[]> hashes(long from, long to) {
        List<byte[]> hashes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT log_position, leaf_hash FROM log_leaf"
                     + " WHERE log_position >= ? AND log_position < ? ORDER BY log_position")) {
            statement.setLong(1, from);
            statement.setLong(2, to);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (rows.getLong(1) != from + hashes.size()) {
                        throw new IllegalStateException("The log has no leaf at position " + (from + hashes.size()));
                    }
                    hashes.add(HexFormat.of().parseHex(rows.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the log's leaves", e);
        }
        return hashes;
    }

    /** Up to {@code limit} leaves from position {@code start}, with their stored events. */
    public List<LoggedEvent> range(long start, int limit) {
        return logged(LOGGED + " WHERE l.log_position >= ? ORDER BY l.log_position", limit,
                statement -> statement.setLong(1, start));
    }

    /** Every leaf of one record, by sequence number. */
    public List<LoggedEvent> ofRecord(String aggregateId) {
        return logged(LOGGED + " WHERE l.aggregate_identifier = ? ORDER BY l.sequence_number, l.log_position",
                Integer.MAX_VALUE, statement -> statement.setString(1, aggregateId));
    }

    /** How many stored events the log has no leaf for yet. */
    public long unloggedCount() {
        return queryLong("SELECT COUNT(*) FROM " + EVENTS + " e WHERE NOT EXISTS "
                + "(SELECT 1 FROM log_leaf l WHERE l.global_index = e.global_index)");
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<LoggedEvent> logged(String sql, int limit, Binder binder) {
        List<LoggedEvent> logged = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.setMaxRows(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(6);
                    StoredEvent event = rows.wasNull() ? null : event(rows, 6);
                    logged.add(new LoggedEvent(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getLong(4),
                            rows.getString(5), event));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the log", e);
        }
        return logged;
    }

    private long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the log", e);
        }
    }

    private static StoredEvent event(ResultSet rows, int first) throws SQLException {
        return new StoredEvent(rows.getLong(first), rows.getString(first + 1), rows.getString(first + 2),
                rows.getLong(first + 3), rows.getString(first + 4), rows.getString(first + 5),
                rows.getString(first + 6), rows.getString(first + 7), rows.getBytes(first + 8),
                rows.getBytes(first + 9));
    }
}
