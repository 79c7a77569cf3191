package org.conflictledger.platform.axon;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The query for the events after a tracking token that has gaps, written so that the database reads only the rows it
 * returns. Axon's own asks for {@code (index > ? AND index <= ?) OR index IN (gaps)}, for which H2 does not use the
 * primary key: it read the whole event store on every fetch of every processor for as long as a gap was open (a
 * write still in flight, or one rolled back, for up to a minute), which was 57 % of events-service's CPU on a store
 * of 100,000 events (docs/performance.md). A token's gaps all lie below its index, so the two parts never share a row,
 * and a UNION ALL of two reads of the primary key returns the same rows.
 */
public final class TrackedEventsWithGaps {

    private TrackedEventsWithGaps() {
    }

    /** Has the shape of Axon's {@code ReadEventDataWithGapsStatementBuilder}. */
    public static PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                          List<Long> gaps) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql(schema, gaps.size()));
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }

    /** Parameters: the token's index, the index a batch ends at, then each gap. */
    static String sql(EventSchema schema, int gapCount) {
        String index = schema.globalIndexColumn();
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable();
        return "SELECT * FROM ("
                + select + " WHERE " + index + " > ? AND " + index + " <= ?"
                + " UNION ALL "
                + select + " WHERE " + index + " IN (" + String.join(",", Collections.nCopies(gapCount, "?")) + ")"
                + ") tracked ORDER BY " + index + " ASC";
    }
}
