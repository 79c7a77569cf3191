package org.conflictledger.events.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database of the default configuration survives a thread interrupted while it writes: Narayana's
 * transaction reaper interrupts its own worker when the rollback of a transaction past its timeout is slow, and with
 * H2's plain {@code file:} file system that worker's next read closed the file for every connection, which left
 * events-service answering 500 to everything (bench run T, a read-model rebuild of 100,000 events). The URL tested is
 * the one in application.properties.
 */
class EmbeddedDatabaseInterruptTest {
    private static final int ROWS = 20_000;

    @Test
    void aWriterInterruptedManyTimesFinishesAndTheDatabaseStaysOpen(@TempDir Path data) throws Exception {
        String url = configuredUrl().replace("${LEDGER_DATA:./data}", data.toString());
        assertThat(url).startsWith("jdbc:h2:");
        try (Connection setUp = DriverManager.getConnection(url)) {
            setUp.createStatement().execute("CREATE TABLE interrupted_writes(id INT PRIMARY KEY, payload VARCHAR(2000))");
            AtomicReference<Exception> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url);
                     PreparedStatement insert = c.prepareStatement("INSERT INTO interrupted_writes VALUES (?, ?)")) {
                    for (int i = 0; i < ROWS; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, "x".repeat(1000));
                        insert.executeUpdate();
                    }
                } catch (Exception e) {
                    failure.set(e);
                }
            });
            writer.start();
            while (writer.isAlive()) {
                writer.interrupt();
                Thread.sleep(10);
            }
            assertThat(failure.get()).as("the interrupted writer's failure").isNull();
            // The connection opened before the interrupts is still usable: the database was not closed under it.
            try (ResultSet count = setUp.createStatement().executeQuery("SELECT COUNT(*) FROM interrupted_writes")) {
                count.next();
                assertThat(count.getInt(1)).isEqualTo(ROWS);
            }
        }
    }

    private static String configuredUrl() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedDatabaseInterruptTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("quarkus.datasource.jdbc.url");
    }
}
