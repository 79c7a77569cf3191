package org.conflictledger.platform.messaging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

/** The same rules against PostgreSQL (Maven profile {@code postgres}), in a schema of its own dropped afterwards. */
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = "(.*,)?pg(,.*)?")
class MessageParkingPostgresTest extends MessageParkingTest {
    private PGSimpleDataSource server;
    private String schema;

    @Override
    protected DataSource emptyDatabase() throws Exception {
        String password = System.getenv("LEDGER_PG_PASSWORD");
        server = dataSource(null, password);
        schema = "parking_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return dataSource(schema, password);
    }

    @AfterEach
    void dropSchema() throws Exception {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static PGSimpleDataSource dataSource(String schema, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(env("LEDGER_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        dataSource.setUser(env("LEDGER_PG_USER", "postgres"));
        if (password != null) {
            dataSource.setPassword(password);
        }
        if (schema != null) {
            dataSource.setCurrentSchema(schema);
        }
        return dataSource;
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
