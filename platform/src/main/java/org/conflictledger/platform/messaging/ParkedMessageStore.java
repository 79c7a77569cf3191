package org.conflictledger.platform.messaging;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code parked_message} table (platform migration V3), in plain JDBC so that it runs on H2 and PostgreSQL alike. */
public class ParkedMessageStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_ERROR_LENGTH = 4000;
    private static final String COLUMNS = "id, consumer, topic, topic_partition, topic_offset, message_key, record_key,"
            + " cloud_event_id, event_type, subject, message, error, attempts, parked_at, last_attempt_at";

    private final DataSource dataSource;

    public ParkedMessageStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What to keep of a message being parked. */
    public record Parking(String consumer, IncomingMessage message, String record, String cloudEventId, String type,
                          String subject, String error, int attempts, Instant at) {
    }

    /** Keeps the message; empty when it was parked already (a redelivery after a restart). */
    public Optional<Long> park(Parking parking) {
        String sql = "INSERT INTO parked_message (consumer, topic, topic_partition, topic_offset, message_key, record_key,"
                + " cloud_event_id, event_type, subject, message, error, attempts, parked_at, last_attempt_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        IncomingMessage message = parking.message();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, parking.consumer());
            insert.setString(2, message.topic());
            insert.setInt(3, message.partition());
            insert.setLong(4, message.offset());
            insert.setString(5, clip(message.key(), 1000));
            insert.setString(6, clip(parking.record(), 255));
            insert.setString(7, clip(parking.cloudEventId(), 255));
            insert.setString(8, clip(parking.type(), 255));
            insert.setString(9, clip(parking.subject(), 255));
            if (message.value() == null) {
                insert.setNull(10, Types.BINARY);
            } else {
                insert.setBytes(10, message.value());
            }
            insert.setString(11, clip(parking.error(), MAX_ERROR_LENGTH));
            insert.setInt(12, parking.attempts());
            insert.setTimestamp(13, Timestamp.from(parking.at()));
            if (parking.attempts() > 0) {
                insert.setTimestamp(14, Timestamp.from(parking.at()));
            } else {
                insert.setNull(14, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return Optional.of(keys.getLong(1));
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw new IllegalStateException("Could not park a message", e);
        }
    }

    /** For each record with parked messages of the consumer, the offset of its first: later ones wait behind it. */
    public Map<String, Long> firstParkedOffsets(String consumer) {
        Map<String, Long> offsets = new HashMap<>();
        query("SELECT record_key, MIN(topic_offset) FROM parked_message WHERE consumer = ? AND record_key IS NOT NULL"
                + " GROUP BY record_key", List.of(consumer), row -> offsets.put(row.getString(1), row.getLong(2)));
        return offsets;
    }

    public Optional<ParkedMessage> byId(long id) {
        List<ParkedMessage> found = messages("WHERE id = ?", List.of(id), 1);
        return found.stream().findFirst();
    }

    /** The raw value of a parked message, exactly as it was read. */
    public byte[] value(long id) {
        List<byte[]> values = new ArrayList<>();
        query("SELECT message FROM parked_message WHERE id = ?", List.of(id), row -> values.add(row.getBytes(1)));
        return values.isEmpty() ? null : values.get(0);
    }

    /** The first parked message of the record, the one to replay before the others. */
    public Optional<ParkedMessage> first(String consumer, String record) {
        return messages("WHERE consumer = ? AND record_key = ?", List.of(consumer, record), 1).stream().findFirst();
    }

    /** Parked messages in the order they were parked, after {@code afterId}, of one consumer or (null) all. */
    public List<ParkedMessage> list(String consumer, long afterId, int limit) {
        return consumer == null ? messages("WHERE id > ?", List.of(afterId), limit)
                : messages("WHERE consumer = ? AND id > ?", List.of(consumer, afterId), limit);
    }

    /** The ids of the record's parked messages, first first. */
    public List<Long> ids(String consumer, String record) {
        List<Long> ids = new ArrayList<>();
        query("SELECT id FROM parked_message WHERE consumer = ? AND record_key = ? ORDER BY id",
                List.of(consumer, record), row -> ids.add(row.getLong(1)));
        return ids;
    }

    public long count(String consumer) {
        long[] count = {0};
        query("SELECT COUNT(*) FROM parked_message WHERE consumer = ?", List.of(consumer), row -> count[0] = row.getLong(1));
        return count[0];
    }

    /** Another attempt failed: the message stays parked with this error. */
    public void failedAgain(long id, String error, Instant at) {
        update("UPDATE parked_message SET error = ?, attempts = attempts + 1, last_attempt_at = ? WHERE id = ?",
                List.of(clip(error, MAX_ERROR_LENGTH), Timestamp.from(at), id));
    }

    /** @return false when there was no such message */
    public boolean remove(long id) {
        return update("DELETE FROM parked_message WHERE id = ?", List.of(id)) > 0;
    }

    private List<ParkedMessage> messages(String where, List<Object> parameters, int limit) {
        List<ParkedMessage> messages = new ArrayList<>();
        query("SELECT " + COLUMNS + " FROM parked_message " + where + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
                parameters, row -> messages.add(new ParkedMessage(row.getLong("id"), row.getString("consumer"),
                        row.getString("topic"), row.getInt("topic_partition"), row.getLong("topic_offset"),
                        row.getString("message_key"), row.getString("record_key"), row.getString("cloud_event_id"),
                        row.getString("event_type"), row.getString("subject"), text(row.getBytes("message")),
                        row.getString("error"), row.getInt("attempts"), instant(row.getTimestamp("parked_at")),
                        instant(row.getTimestamp("last_attempt_at")))));
        return messages;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowReader reader) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    reader.read(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the parked messages", e);
        }
    }

    private int update(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            bind(update, parameters);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the parked messages", e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
