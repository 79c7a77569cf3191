package org.conflictledger.platform.storage;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseCompactionTest {
    /** The services' settings that matter here: each commit written at once, freed space reused at once. */
    private static final String SETTINGS = ";WRITE_DELAY=0;RETENTION_TIME=0";
    private static final int ROWS = 4000;

    @TempDir
    Path folder;

    @Test
    void aFileWrittenOneCommitAtATimeStaysSmallWhenCompactedAndGrowsWhenNot() throws Exception {
        long left = fileSizeAfterWrites("left", false);
        long compacted = fileSizeAfterWrites("compacted", true);

        // Without compaction a chunk that still holds one live page is never freed: 39 MB against 12 MB when this was
        // written, for about 6 MB of rows.
        assertThat(left).isGreaterThan(2L * compacted);
    }

    @Test
    void anInMemoryDatabaseIsNotCompacted() throws SQLException {
        JdbcDataSource memory = new JdbcDataSource();
        memory.setURL("jdbc:h2:mem:compaction-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = memory.getConnection("sa", "")) {
            assertThat(EmbeddedDatabaseCompaction.compact(connection, 50)).isFalse();
        }
    }

    /** Inserts rows and updates half of them, one commit each, compacting every 200 commits when asked. */
    private long fileSizeAfterWrites(String name, boolean compact) throws SQLException {
        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:" + folder.resolve(name) + SETTINGS);
        String payload = "x".repeat(1500);
        try (Connection connection = file.getConnection("sa", "")) {
            connection.createStatement().execute("CREATE TABLE row_of_text (id INT PRIMARY KEY, text VARCHAR(100000))");
            connection.setAutoCommit(false);
            PreparedStatement insert = connection.prepareStatement("INSERT INTO row_of_text VALUES (?, ?)");
            PreparedStatement update = connection.prepareStatement("UPDATE row_of_text SET text = ? WHERE id = ?");
            for (int i = 0; i < ROWS; i++) {
                insert.setInt(1, i);
                insert.setString(2, payload + i);
                insert.executeUpdate();
                connection.commit();
                update.setString(1, payload + "changed " + i);
                update.setInt(2, i / 2);
                update.executeUpdate();
                connection.commit();
                if (compact && i % 200 == 199) {
                    assertThat(EmbeddedDatabaseCompaction.compact(connection, 50)).isTrue();
                }
            }
            try {
                return Files.size(folder.resolve(name + ".mv.db"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
