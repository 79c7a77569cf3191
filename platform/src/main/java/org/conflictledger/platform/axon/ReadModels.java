package org.conflictledger.platform.axon;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.conflictledger.platform.config.LedgerConfig;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Coordinates the read models with the event store: waits until they show what has been
 * written (read-your-writes for a client that got a 2xx) and rebuilds one by replaying.
 *
 * <p>"Shown" means every read model's processor has passed the global index of the last
 * stored event of the record written, and that index is not among the gaps it still waits
 * for. (Comparing whole tokens would not do: a rolled-back insert leaves a gap in the index
 * that a processor keeps for a while, so its token would not "cover" the head for that long.)
 */
@ApplicationScoped
public class ReadModels {
    private static final Logger LOG = Logger.getLogger(ReadModels.class);
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    private final AxonRuntime axon;
    private final LedgerConfig config;
    private final AgroalDataSource dataSource;

    ReadModels(AxonRuntime axon, LedgerConfig config, AgroalDataSource dataSource) {
        this.axon = axon;
        this.config = config;
        this.dataSource = dataSource;
    }

    /**
     * Waits until every read model has processed the stored events of one record.
     *
     * @return false when the read models did not catch up within the configured timeout
     */
    public boolean awaitCaughtUp(String aggregateId) {
        return awaitIndex(lastIndex(aggregateId));
    }

    /** Waits until every read model has processed every event stored so far. */
    public boolean awaitCaughtUp() {
        return awaitIndex(lastIndex(null));
    }

    /** Empties the named read model and replays the whole event store into it, then waits for it. */
    public void rebuild(String processorName) {
        TrackingEventProcessor processor = axon.processor(processorName)
                .orElseThrow(() -> new IllegalArgumentException("No read model named " + processorName));
        LOG.infof("Rebuilding read model %s", processorName);
        processor.shutDown();
        processor.resetTokens(StreamableMessageSource::createTailToken);
        processor.start();
        awaitCaughtUp();
        LOG.infof("Read model %s rebuilt", processorName);
    }

    private boolean awaitIndex(long index) {
        if (index < 0) {
            return true;
        }
        long deadline = System.nanoTime() + config.axon().readYourWritesTimeout().toNanos();
        while (!allPassed(index)) {
            if (System.nanoTime() > deadline) {
                LOG.warnf("Read models did not reach event %d within %s: %s", index,
                        config.axon().readYourWritesTimeout(), positions());
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    private boolean allPassed(long index) {
        for (Projection projection : axon.projections()) {
            TrackingEventProcessor processor = axon.processor(projection.processorName()).orElse(null);
            if (processor == null || !passed(processor.processingStatus().values(), index)) {
                return false;
            }
        }
        return true;
    }

    private static boolean passed(Collection<EventTrackerStatus> segments, long index) {
        if (segments.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : segments) {
            TrackingToken token = WrappedToken.unwrapUpperBound(segment.getTrackingToken());
            if (token instanceof GapAwareTrackingToken gapAware) {
                if (gapAware.getIndex() < index || gapAware.getGaps().contains(index)) {
                    return false;
                }
            } else {
                OptionalLong position = token == null ? OptionalLong.empty() : token.position();
                if (position.isEmpty() || position.getAsLong() < index) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The global index of the last stored event (of one record, or of all when null); -1 when none. */
    private long lastIndex(String aggregateId) {
        String sql = "SELECT MAX(global_index) FROM " + EventStoreSchema.EVENT_TABLE
                + (aggregateId == null ? "" : " WHERE aggregate_identifier = ?");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            if (aggregateId != null) {
                select.setString(1, aggregateId);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long index = row.getLong(1);
                return row.wasNull() ? -1 : index;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store's position", e);
        }
    }

    private String positions() {
        StringBuilder text = new StringBuilder();
        for (Projection projection : axon.projections()) {
            text.append(projection.processorName()).append('=').append(axon.processor(projection.processorName())
                    .map(p -> p.processingStatus().toString()).orElse("not running")).append(' ');
        }
        return text.toString();
    }
}
