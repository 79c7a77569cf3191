package org.conflictledger.platform.axon;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.SimpleSerializedObject;
import org.conflictledger.platform.config.LedgerConfig;
import org.conflictledger.platform.messaging.KafkaOutbox;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Coordinates the read models with the event store: waits until they show what has been
 * written (read-your-writes for a client that got a 2xx) and rebuilds one by replaying.
 *
 * <p>"Shown" means every segment of every read model's processor has passed the global index
 * of the last stored event of the record written, and that index is not among the gaps it
 * still waits for. (Comparing whole tokens would not do: a rolled-back insert leaves a gap in
 * the index that a processor keeps for a while, so its token would not "cover" the head for
 * that long.)
 *
 * <p>With several replicas on one database, each segment is processed by the one replica that
 * holds its claim in {@code token_entry}. A segment this node processes is judged from its
 * processor's status; any other from the token its owner last stored, read from
 * {@code token_entry} without claiming it. The owner stores the token in the transaction that
 * updates the read model, so a stored token that passed the event means the read model shows
 * it, on every node.
 */
@ApplicationScoped
public class ReadModels {
    private static final Logger LOG = Logger.getLogger(ReadModels.class);
    /** How often the local processors' status is looked at while waiting. */
    private static final long POLL_NANOS = Duration.ofMillis(2).toNanos();
    /** How often the shared token store is read while waiting for segments processed elsewhere. */
    private static final long SHARED_POLL_NANOS = Duration.ofMillis(10).toNanos();
    private static final String TOKEN_TABLE = "token_entry";
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final AxonRuntime axon;
    private final LedgerConfig config;
    private final AgroalDataSource dataSource;
    private final KafkaOutbox outbox;

    ReadModels(AxonRuntime axon, LedgerConfig config, AgroalDataSource dataSource, KafkaOutbox outbox) {
        this.axon = axon;
        this.config = config;
        this.dataSource = dataSource;
        this.outbox = outbox;
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

    /**
     * Empties the named read model and replays the whole event store into it, then waits for it, logging progress.
     *
     * <p>A reset claims every segment of the processor, in one transaction that also empties the
     * read model, so it runs only where no other live replica holds a claim: on the replica
     * processing the read model, or while it is the only one running. Anywhere else it is refused
     * with {@link ReadModelClaimedElsewhere}, and this node's processor keeps running as before.
     *
     * <p>While a replay of the processor is still running here, a second call does not start it again: it waits for
     * the same replay. When the replay outlasts {@code ledger.axon.rebuild-wait}, {@link RebuildNotFinished} says
     * how far it got; the replay goes on.
     *
     * @return how many stored events were replayed, and in how long
     */
    public Rebuild rebuild(String processorName) {
        TrackingEventProcessor processor = axon.processor(processorName)
                .orElseThrow(() -> new IllegalArgumentException("No processor named " + processorName));
        long head = lastIndex(null);
        long start = System.nanoTime();
        if (replaying(processor)) {
            LOG.infof("Read model %s is being rebuilt already; waiting for that replay", processorName);
        } else {
            LOG.infof("Rebuilding read model %s from %,d stored events", processorName, storedEvents());
            replayFromTheStart(processorName);
            LOG.infof("Read model %s emptied and reset in %.1f s; replaying", processorName,
                    (System.nanoTime() - start) / 1e9);
        }
        long deadline = start + config.axon().rebuildWait().toNanos();
        long nextReport = System.nanoTime() + PROGRESS_EVERY_NANOS;
        while (!awaitIndex(head, Math.min(deadline, nextReport))) {
            long position = position(processor);
            if (System.nanoTime() - deadline >= 0) {
                throw new RebuildNotFinished(processorName, position, head, config.axon().rebuildWait());
            }
            LOG.infof("Read model %s: replayed up to event %,d of %,d", processorName, position, head);
            nextReport = System.nanoTime() + PROGRESS_EVERY_NANOS;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long events = storedEvents();
        LOG.infof("Read model %s rebuilt: %,d stored events in %.1f s (%,.0f events/s)", processorName, events,
                seconds, events / Math.max(seconds, 1e-3));
        return new Rebuild(processorName, events, seconds);
    }

    /** A finished rebuild: the read model's processor, the stored events it replayed, and the seconds it took. */
    public record Rebuild(String processorName, long storedEvents, double seconds) {
    }

    private static boolean replaying(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isReplaying);
    }

    /** The lowest position any of the processor's local segments has reached; -1 when none is known. */
    private static long position(TrackingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(status -> WrappedToken.unwrapUpperBound(status.getTrackingToken()))
                .mapToLong(token -> token == null ? -1 : token.position().orElse(-1))
                .min().orElse(-1);
    }

    /**
     * Publishes every stored event to the service's topic again, from the first, in store order: a topic that was
     * lost or emptied is rebuilt from the event store. Consumers see repeats of what they had and skip them by
     * CloudEvent id. Runs where {@link #rebuild} runs; answers at once, the outbox publishes on its own thread.
     *
     * @return the number of stored events the outbox will publish
     */
    public long republishTopic() {
        LOG.infof("Republishing every stored event (%s)", AxonRuntime.OUTBOX_PROCESSOR);
        replayFromTheStart(AxonRuntime.OUTBOX_PROCESSOR, outbox::republishFromTheStart);
        return storedEvents();
    }

    private void replayFromTheStart(String processorName) {
        replayFromTheStart(processorName, () -> { });
    }

    /** Resets the processor to the start; {@code whileStopped} runs between its stop and the reset. */
    private void replayFromTheStart(String processorName, Runnable whileStopped) {
        TrackingEventProcessor processor = axon.processor(processorName)
                .orElseThrow(() -> new IllegalArgumentException("No processor named " + processorName));
        String owner = claimedElsewhere(processorName);
        if (owner != null) {
            throw new ReadModelClaimedElsewhere(processorName, owner);
        }
        processor.shutDown();
        try {
            whileStopped.run();
            // In a transaction of its own with a longer timeout: the reset handlers empty the read model's tables.
            QuarkusTransaction.requiringNew().timeout((int) Math.min(Integer.MAX_VALUE, config.axon().resetTimeout().toSeconds()))
                    .run(() -> processor.resetTokens(StreamableMessageSource::createTailToken));
        } catch (RuntimeException e) {
            UnableToClaimTokenException claimed = causeOfType(e, UnableToClaimTokenException.class);
            if (claimed == null) {
                throw e;
            }
            // Another replica claimed a segment between the check and the reset; nothing was reset.
            LOG.warnf("%s not replayed: %s", processorName, claimed.getMessage());
            String now = claimedElsewhere(processorName);
            throw new ReadModelClaimedElsewhere(processorName, now == null ? "unknown" : now);
        } finally {
            processor.start();
        }
    }

    private long storedEvents() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + EventStoreSchema.EVENT_TABLE);
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the stored events", e);
        }
    }

    private boolean awaitIndex(long index) {
        if (awaitIndex(index, System.nanoTime() + config.axon().readYourWritesTimeout().toNanos())) {
            return true;
        }
        LOG.warnf("Read models did not reach event %d within %s: %s", index, config.axon().readYourWritesTimeout(),
                positions());
        return false;
    }

    /** Waits until every read model has passed the event, or the deadline ({@link System#nanoTime()}) passes. */
    private boolean awaitIndex(long index, long deadline) {
        if (index < 0) {
            return true;
        }
        long nextSharedRead = System.nanoTime();
        while (true) {
            Progress local = localProgress(index);
            if (local == Progress.PASSED) {
                return true;
            }
            if (local == Progress.ELSEWHERE && System.nanoTime() - nextSharedRead >= 0) {
                if (sharedPassed(index)) {
                    return true;
                }
                nextSharedRead = System.nanoTime() + SHARED_POLL_NANOS;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private enum Progress {
        /** Every segment of every read model is processed here and has passed the event. */
        PASSED,
        /** A segment processed here has not passed the event yet. */
        BEHIND,
        /** The segments processed here have passed it; the others are processed elsewhere (or nowhere yet). */
        ELSEWHERE
    }

    private Progress localProgress(long index) {
        Progress progress = Progress.PASSED;
        for (Projection projection : axon.projections()) {
            Map<Integer, EventTrackerStatus> local = localStatus(projection.processorName());
            double covered = 0;
            for (EventTrackerStatus segment : local.values()) {
                if (!passed(segment.getTrackingToken(), index)) {
                    return Progress.BEHIND;
                }
                covered += share(segment.getSegment());
            }
            if (covered < 1.0) {
                progress = Progress.ELSEWHERE;
            }
        }
        return progress;
    }

    /**
     * Every read model's segments that this node processes (judged from their status) and the
     * others (judged from {@code token_entry}) have passed the event. A processor with no stored
     * token has not passed it.
     */
    private boolean sharedPassed(long index) {
        Map<String, List<StoredToken>> stored = storedTokens();
        for (Projection projection : axon.projections()) {
            Map<Integer, EventTrackerStatus> local = localStatus(projection.processorName());
            List<StoredToken> segments = stored.getOrDefault(projection.processorName(), List.of());
            if (segments.isEmpty()) {
                return false;
            }
            for (StoredToken segment : segments) {
                EventTrackerStatus here = local.get(segment.segment());
                TrackingToken token = here != null ? here.getTrackingToken() : segment.token();
                if (!passed(token, index)) {
                    return false;
                }
            }
        }
        return true;
    }

    private Map<Integer, EventTrackerStatus> localStatus(String processorName) {
        return axon.processor(processorName).map(TrackingEventProcessor::processingStatus)
                .orElse(Collections.emptyMap());
    }

    /** The share of the hash space a segment covers (1 for the only segment, 1/2 for one of two, …). */
    private static double share(Segment segment) {
        return 1.0 / ((segment.getMask() & 0xFFFFFFFFL) + 1);
    }

    private static boolean passed(TrackingToken wrapped, long index) {
        TrackingToken token = WrappedToken.unwrapUpperBound(wrapped);
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= index && !gapAware.getGaps().contains(index);
        }
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.isPresent() && position.getAsLong() >= index;
    }

    private record StoredToken(int segment, TrackingToken token, String owner, Instant claimedAt) {
    }

    /** The stored token of every segment of every read model's processor, by processor name. */
    private Map<String, List<StoredToken>> storedTokens() {
        List<String> names = axon.projections().stream().map(Projection::processorName).toList();
        if (names.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT processor_name, segment, token, token_type, owner, token_timestamp FROM " + TOKEN_TABLE
                + " WHERE processor_name IN (" + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")";
        Map<String, List<StoredToken>> tokens = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < names.size(); i++) {
                select.setString(i + 1, names.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    tokens.computeIfAbsent(row.getString(1), name -> new ArrayList<>()).add(new StoredToken(
                            row.getInt(2), token(row.getBytes(3), row.getString(4)), row.getString(5),
                            instant(row.getString(6))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the read models' positions", e);
        }
        return tokens;
    }

    /** Deserializes a stored token as Axon's token store does (same serializer, no revision). */
    private TrackingToken token(byte[] data, String type) {
        if (data == null || type == null) {
            return null;
        }
        return axon.serializer().deserialize(new SimpleSerializedObject<>(data, byte[].class, type, null));
    }

    private static Instant instant(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The owner of a live claim on a segment of the processor held by another node, or null when
     * there is none. A claim not renewed within the claim timeout is dead: its node stopped
     * without releasing it, and any node may take it over.
     */
    private String claimedElsewhere(String processorName) {
        String sql = "SELECT owner, token_timestamp FROM " + TOKEN_TABLE + " WHERE processor_name = ? AND owner IS NOT NULL";
        Instant live = Instant.now().minus(AxonRuntime.CLAIM_TIMEOUT);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, processorName);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String owner = row.getString(1);
                    Instant claimedAt = instant(row.getString(2));
                    if (!owner.equals(axon.nodeId()) && (claimedAt == null || claimedAt.isAfter(live))) {
                        return owner;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the claims of " + processorName, e);
        }
        return null;
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
        Map<String, List<StoredToken>> stored;
        try {
            stored = storedTokens();
        } catch (RuntimeException e) {
            stored = Map.of();
        }
        for (Projection projection : axon.projections()) {
            String name = projection.processorName();
            text.append(name).append(": here ").append(axon.processor(name)
                    .map(p -> p.processingStatus().toString()).orElse("not running"));
            text.append(", stored ").append(stored.getOrDefault(name, List.of()).stream()
                    .map(t -> "segment " + t.segment() + " owner " + t.owner() + " at " + t.claimedAt() + " " + t.token())
                    .collect(Collectors.joining("; ", "[", "]"))).append(' ');
        }
        return text.toString();
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
