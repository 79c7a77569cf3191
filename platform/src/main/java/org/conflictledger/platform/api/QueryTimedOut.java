package org.conflictledger.platform.api;

import jakarta.persistence.QueryTimeoutException;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * A read cancelled by its query timeout ({@code ledger.api.query-timeout}); answered 503 with Retry-After. Thrown
 * only where a query runs with that timeout, so that other cancellations (a transaction timeout in a write) are not
 * answered as a list that was too costly.
 */
public class QueryTimedOut extends RuntimeException {
    /** SQLState of a statement cancelled (by its timeout, in H2 and PostgreSQL). */
    private static final String QUERY_CANCELLED = "57014";

    public QueryTimedOut(String detail, Throwable cause) {
        super(detail, cause);
    }

    /** Whether a failure is a statement cancelled by its timeout: JPA's or JDBC's exception, or SQLState 57014. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof QueryTimeoutException || t instanceof SQLTimeoutException
                    || t instanceof SQLException sql && QUERY_CANCELLED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
