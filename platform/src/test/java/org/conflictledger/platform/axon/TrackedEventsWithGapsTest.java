package org.conflictledger.platform.axon;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events after a token with gaps: the same rows as Axon's own query, read through the primary key (a real H2
 * event store with the platform's schema; events 1 to 2,000, with 40 missing: writes in flight or rolled back).
 */
class TrackedEventsWithGapsTest {
    private static final EventSchema SCHEMA = EventStoreSchema.events();
    private static final List<Long> MISSING = new ArrayList<>();

    static {
        for (long index = 1_500; index < 1_900; index += 10) {
            MISSING.add(index);
        }
    }

    private Connection connection;

    @BeforeEach
    void storeWithGaps() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:tracked-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        connection = h2.getConnection();
        try (InputStream in = getClass().getResourceAsStream("/db/platform/V1__axon_event_store.sql");
             Statement statement = connection.createStatement()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (global_index,"
                + " event_identifier, aggregate_identifier, sequence_number, aggregate_type, time_stamp, payload_type,"
                + " payload) VALUES (?, ?, ?, 0, 'Actor', '2026-12-07T00:00:00Z', 'x.Registered', ?)")) {
            for (long index = 1; index <= 2_000; index++) {
                if (!MISSING.contains(index)) {
                    insert.setLong(1, index);
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setBytes(4, "{}".getBytes(StandardCharsets.UTF_8));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    @Test
    void returnsWhatAxonsQueryReturnsInTheSameOrder() throws Exception {
        // a token at 1,950 that still waits for 1,500..1,890 (all missing) and for 1,900..1,940 (since filled)
        List<Long> gaps = new ArrayList<>(MISSING);
        for (long index = 1_900; index < 1_950; index += 10) {
            gaps.add(index);
        }

        List<Long> ours = indexes(TrackedEventsWithGaps.build(connection, SCHEMA, 1_950, 100, gaps));
        List<Long> axons = indexes(JdbcEventStorageEngineStatements.readEventDataWithGaps(connection, SCHEMA, 1_950, 100, gaps));

        assertThat(ours).isEqualTo(axons)
                .startsWith(1_900L, 1_910L, 1_920L, 1_930L, 1_940L, 1_951L)
                .endsWith(2_000L)
                .hasSize(5 + 50);
    }

    @Test
    void readsOnlyTheRowsItReturnsThroughThePrimaryKey() throws Exception {
        String plan = explain(TrackedEventsWithGaps.sql(SCHEMA, MISSING.size()));

        // both parts look rows up by global_index: neither scans the store
        assertThat(plan).as(plan)
                .containsPattern("PRIMARY_KEY_\\w+: GLOBAL_INDEX > \\?1\\s+AND GLOBAL_INDEX <= \\?2")
                .containsPattern("PRIMARY_KEY_\\w+: GLOBAL_INDEX IN\\(\\?3");
    }

    private static List<Long> indexes(PreparedStatement statement) throws SQLException {
        List<Long> found = new ArrayList<>();
        try (statement; ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getLong("global_index"));
            }
        }
        return found;
    }

    private String explain(String sql) throws SQLException {
        // H2 explains a statement without its parameters' values: they show as ?1, ?2, ...
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql);
             ResultSet plan = explain.executeQuery()) {
            plan.next();
            return plan.getString(1);
        }
    }
}
