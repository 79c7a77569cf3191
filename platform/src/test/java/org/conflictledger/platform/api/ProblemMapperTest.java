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
        // as H2 and PostgreSQL report a cancelled statement, wrapped by Hibernate
        Response response = mapper.unexpected(new PersistenceException("cancelled",
                new SQLException("Statement was canceled or the session timed out", "57014")), null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((Problem) response.getEntity()).type()).endsWith("query-timeout");
    }

    @Test
    void jpasQueryTimeoutIsA503() {
        assertThat(mapper.unexpected(new QueryTimeoutException("too long"), null).getStatus()).isEqualTo(503);
    }

    @Test
    void anyOtherDatabaseFailureIsStillA500() {
        Response response = mapper.unexpected(new PersistenceException(new SQLException("disk full", "53100")), null);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }
}
