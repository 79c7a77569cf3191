package org.conflictledger.platform.axon;

import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.conflictledger.platform.config.LedgerConfig;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.locks.LockSupport;

/**
 * Coordinates the read models with the event store: waits until they show what has been
 * written (read-your-writes for a client that got a 2xx) and rebuilds one by replaying.
 */
@ApplicationScoped
public class ReadModels {
    private static final Logger LOG = Logger.getLogger(ReadModels.class);
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();

    private final AxonRuntime axon;
    private final LedgerConfig config;

    ReadModels(AxonRuntime axon, LedgerConfig config) {
        this.axon = axon;
        this.config = config;
    }

    /**
     * Waits until every read model has processed every event stored so far.
     *
     * @return false when the read models did not catch up within the configured timeout
     */
    public boolean awaitCaughtUp() {
        TrackingToken head = axon.eventStore().createHeadToken();
        if (head == null) {
            return true;
        }
        long deadline = System.nanoTime() + config.axon().readYourWritesTimeout().toNanos();
        while (!allCover(head)) {
            if (System.nanoTime() > deadline) {
                LOG.warnf("Read models did not catch up with %s within %s", head, config.axon().readYourWritesTimeout());
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /** Empties the named read model and replays the whole event store into it, then waits for it. */
    public void rebuild(String processorName) {
        TrackingEventProcessor processor = axon.processor(processorName)
                .orElseThrow(() -> new IllegalArgumentException("No read model named " + processorName));
        LOG.infof("Rebuilding read model %s", processorName);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp();
        LOG.infof("Read model %s rebuilt", processorName);
    }

    private boolean allCover(TrackingToken head) {
        for (Projection projection : axon.projections()) {
            TrackingEventProcessor processor = axon.processor(projection.processorName()).orElse(null);
            if (processor == null || !covers(processor.processingStatus().values(), head)) {
                return false;
            }
        }
        return true;
    }

    private static boolean covers(Collection<EventTrackerStatus> segments, TrackingToken head) {
        if (segments.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : segments) {
            TrackingToken position = segment.getTrackingToken();
            if (position == null || !position.covers(head)) {
                return false;
            }
        }
        return true;
    }
}
