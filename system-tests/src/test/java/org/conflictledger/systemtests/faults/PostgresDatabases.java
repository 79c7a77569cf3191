package org.conflictledger.systemtests.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A new PostgreSQL database per service for one test class, as production gives each service its own (the
 * manifests' {@code QUARKUS_DATASOURCE_JDBC_URL}); dropped when the suite closes. The server is
 * {@code ledger.systemTests.postgresUrl} (default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres},
 * trust authentication, as on a developer's machine and in CI).
 */
final class PostgresDatabases implements AutoCloseable {
    private static final String USER = System.getProperty("ledger.systemTests.postgresUser", "postgres");
    private static final String PASSWORD = System.getProperty("ledger.systemTests.postgresPassword", "");

    private final String server;
    private final String run = "faults_" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> created = new ArrayList<>();

    private PostgresDatabases(String server) {
        this.server = server.endsWith("/") ? server : server + "/";
    }

    /** The databases the run asked for with {@code -Dledger.systemTests.database=postgresql}; null for H2. */
    static PostgresDatabases requested() {
        String database = System.getProperty("ledger.systemTests.database", "h2");
        return switch (database) {
            case "h2" -> null;
            case "postgresql" -> new PostgresDatabases(
                    System.getProperty("ledger.systemTests.postgresUrl", "jdbc:postgresql://127.0.0.1:5432/"));
            default -> throw new IllegalArgumentException(
                    "ledger.systemTests.database is h2 or postgresql, not " + database);
        };
    }

    String server() {
        return server;
    }

    /** The service's database settings; the database is created on the service's first start. */
    synchronized Map<String, String> environment(String service) {
        String database = run + "_" + service.replace('-', '_');
        if (!created.contains(database)) {
            execute("CREATE DATABASE " + database);
            created.add(database);
        }
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", server + database,
                "QUARKUS_DATASOURCE_USERNAME", USER, "QUARKUS_DATASOURCE_PASSWORD", PASSWORD);
    }

    @Override
    public synchronized void close() {
        for (String database : created) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        created.clear();
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(server + "postgres", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server + ": " + sql + " failed", e);
        }
    }
}
