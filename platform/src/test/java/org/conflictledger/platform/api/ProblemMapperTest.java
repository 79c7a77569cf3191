package org.conflictledger.platform.api;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMapperTest {
    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void aQueryCancelledByItsTimeoutIsA503WithRetryAfter() {
        Response response = mapper.queryTimedOut(new QueryTimedOut("The list was cancelled", null), null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((Problem) response.getEntity()).type()).endsWith("query-timeout");
        assertThat(((Problem) response.getEntity()).detail()).isEqualTo("The list was cancelled");
    }

    @Test
    void aCancelledStatementAnywhereElseIsNotAnsweredAsAQueryTimeout() {
        // e.g. a write cancelled by the transaction timeout: not a list that was too costly
        Response response = mapper.unexpected(new PersistenceException("cancelled",
                new SQLException("Statement was canceled or the session timed out", "57014")), null);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }

    @Test
    void cancelledStatementsAreRecognisedAsH2PostgresJpaAndJdbcReportThem() {
        assertThat(QueryTimedOut.isCause(new PersistenceException(new SQLException("canceled", "57014")))).isTrue();
        assertThat(QueryTimedOut.isCause(new QueryTimeoutException("too long"))).isTrue();
        assertThat(QueryTimedOut.isCause(new RuntimeException(new java.sql.SQLTimeoutException("too long")))).isTrue();
        assertThat(QueryTimedOut.isCause(new PersistenceException(new SQLException("disk full", "53100")))).isFalse();
    }
}
