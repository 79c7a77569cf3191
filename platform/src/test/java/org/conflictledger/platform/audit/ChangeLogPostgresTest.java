package org.conflictledger.platform.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

/**
 * The same checks against PostgreSQL (Maven profile {@code postgres}), each in a schema of its own that is dropped
 * afterwards: the SQL (text order of {@code time_stamp}, {@code FETCH FIRST ? ROWS ONLY}) must hold on both databases.
 */
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = "(.*,)?pg(,.*)?")
class ChangeLogPostgresTest extends ChangeLogTest {
    private PGSimpleDataSource server;
    private String schema;

    @Override
    protected DataSource emptyDatabase() throws Exception {
        server = new PGSimpleDataSource();
        server.setURL(env("LEDGER_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        server.setUser(env("LEDGER_PG_USER", "postgres"));
        String password = System.getenv("LEDGER_PG_PASSWORD");
        if (password != null) {
            server.setPassword(password);
        }
        schema = "changelog_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        PGSimpleDataSource store = new PGSimpleDataSource();
        store.setURL(server.getURL());
        store.setUser(server.getUser());
        if (password != null) {
            store.setPassword(password);
        }
        store.setCurrentSchema(schema);
        return store;
    }

    @AfterEach
    void dropSchema() throws Exception {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
