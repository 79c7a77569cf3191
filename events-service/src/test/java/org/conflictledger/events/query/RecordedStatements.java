package org.conflictledger.events.query;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/** Keeps the last SQL statements Hibernate prepared, so that a test can ask the database how it runs them. */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements implements StatementInspector {
    private static final int KEPT = 200;
    private final Deque<String> statements = new ConcurrentLinkedDeque<>();

    @Override
    public String inspect(String sql) {
        statements.addLast(sql);
        while (statements.size() > KEPT) {
            statements.pollFirst();
        }
        return sql;
    }

    public void clear() {
        statements.clear();
    }

    public List<String> all() {
        return new ArrayList<>(statements);
    }
}
