package org.conflictledger.gateway.stream;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.conflictledger.gateway.routing.FieldError;
import org.conflictledger.gateway.routing.ServiceProblems;
import org.conflictledger.gateway.security.AccessHandler;
import org.conflictledger.gateway.security.QueryToken;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/v1/stream}: the ledger's CloudEvents as Server-Sent Events ({@code id: <position>},
 * {@code event: <type>}, {@code data: <CloudEvent JSON>}), filtered, resumable with {@code Last-Event-ID} (a
 * {@link StreamPosition}, which every gateway process understands) within the journal's window, with
 * {@code : heartbeat} comments. Each client has a bounded queue; one that overflows it gets {@code event: dropped}
 * and is disconnected, and no other client waits for it.
 */
@ApplicationScoped
public class StreamRoute {
    public static final String PATH = "/api/v1/stream";
    public static final String LAST_EVENT_ID = "Last-Event-ID";
    /** Last-Event-ID as a query parameter, for clients that cannot send the header. */
    static final String LAST_EVENT_ID_PARAMETER = "lastEventId";
    private static final Logger LOG = Logger.getLogger(StreamRoute.class);
    /** How long a dropped client that does not read its last message keeps its connection. */
    private static final long DROPPED_GRACE_MILLIS = 30_000;
    /** Entries one client's writer handles before it lets the event loop serve others. */
    private static final int BATCH = 256;

    private final StreamJournal journal;
    private final StreamConfig config;
    private final ActorKeys actorKeys;
    private final AtomicLong dropped = new AtomicLong();
    private Vertx vertx;

    StreamRoute(StreamJournal journal, StreamConfig config, ActorKeys actorKeys) {
        this.journal = journal;
        this.config = config;
        this.actorKeys = actorKeys;
    }

    void install(@Observes Router router, Vertx vertx) {
        this.vertx = vertx;
        // An exact path: ServiceRoutes' catch-all is ordered last(), so it does not shadow this route.
        router.get(PATH).handler(this::open);
    }

    /** Clients dropped for reading too slowly since the gateway started. */
    public long droppedClients() {
        return dropped.get();
    }

    /** Clients connected now. */
    public int connectedClients() {
        return journal.listeners();
    }

    private void open(RoutingContext context) {
        List<FieldError> errors = new ArrayList<>();
        StreamFilter filter = StreamFilter.parse(context.queryParams(), errors);
        StreamPosition resume = null;
        // A new EventSource cannot send Last-Event-ID (a browser opens one with each fresh token): it may name it in
        // the query instead; the header wins.
        String field = context.request().getHeader(LAST_EVENT_ID) != null ? LAST_EVENT_ID : LAST_EVENT_ID_PARAMETER;
        String given = field.equals(LAST_EVENT_ID) ? context.request().getHeader(LAST_EVENT_ID)
                : context.request().getParam(LAST_EVENT_ID_PARAMETER);
        if (given != null && !given.isBlank()) {
            resume = StreamPosition.parse(given).orElse(null);
            if (resume == null) {
                errors.add(new FieldError(field, "'" + given + "' is not an id this stream sent"));
            }
        }
        if (!errors.isEmpty()) {
            JsonObject problem = ServiceProblems.invalid(StreamFilter.NOT_UNDERSTOOD,
                    QueryToken.removedFrom(context.request().uri()),
                    StreamFilter.json(errors));
            context.response().setStatusCode(400).putHeader("Content-Type", ServiceProblems.MEDIA_TYPE)
                    .end(problem.toBuffer());
            return;
        }
        if (filter.actorIsKey()) {
            StreamPosition from = resume;
            Context eventLoop = vertx.getOrCreateContext();
            // with the client's credentials as it sent them: a browser's EventSource has only ?access_token=
            actorKeys.resolve(filter.actor(), AccessHandler.authorization(context.request(), PATH),
                            context.request().path())
                    .thenAccept(resolved -> eventLoop.runOnContext(v -> {
                        if (context.response().closed()) {
                            return;
                        }
                        if (resolved.id() == null) {
                            context.response().setStatusCode(resolved.status())
                                    .putHeader("Content-Type", ServiceProblems.MEDIA_TYPE)
                                    .end(resolved.problem().toBuffer());
                        } else {
                            stream(context, filter.withActorId(resolved.id()), from);
                        }
                    }));
            return;
        }
        stream(context, filter, resume);
    }

    private void stream(RoutingContext context, StreamFilter filter, StreamPosition resume) {
        HttpServerResponse response = context.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        new Client(context, response, filter, resume, AccessHandler.tokenValidUntil(context).orElse(null)).start();
    }

    /** One connected client: first what it missed (from the journal), then what arrives (from its bounded queue). */
    private final class Client implements StreamJournal.Listener {
        private final RoutingContext routing;
        private final HttpServerResponse response;
        private final Context context;
        private final StreamFilter filter;
        /** The client's Last-Event-ID: entries it covers were sent before; null for a new client. */
        private final StreamPosition resume;
        private final BlockingQueue<StreamEntry> queue;
        /** When the client's token stops being valid; null without a token. */
        private final Instant tokenValidUntil;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean overflowed;
        private volatile boolean closed;
        private long cursor;
        private long backfillHead;
        private StreamPosition lastSent;
        private long heartbeat = -1;
        private long tokenExpiry = -1;

        Client(RoutingContext routing, HttpServerResponse response, StreamFilter filter, StreamPosition resume,
               Instant tokenValidUntil) {
            this.routing = routing;
            this.response = response;
            this.context = vertx.getOrCreateContext();
            this.filter = filter;
            this.resume = resume;
            this.queue = new ArrayBlockingQueue<>(Math.max(1, config.clientBuffer()));
            this.lastSent = resume;
            this.tokenValidUntil = tokenValidUntil;
        }

        void start() {
            response.write(": connected\n\n");
            response.closeHandler(v -> close());
            response.exceptionHandler(e -> close());
            response.drainHandler(v -> schedule());
            backfillHead = journal.subscribe(this);
            // A resuming client is sent every kept entry its position does not cover, whichever gateway it saw last.
            cursor = resume == null ? backfillHead : journal.oldest() - 1;
            if (resume != null && journal.evictedPast(resume)) {
                missed();
            }
            heartbeat = vertx.setPeriodic(Math.max(1, config.heartbeat().toMillis()), id -> {
                if (!closed && !response.writeQueueFull()) {
                    response.write(": heartbeat\n\n");
                }
            });
            if (tokenValidUntil != null) {
                long millis = Duration.between(Instant.now(), tokenValidUntil).toMillis();
                tokenExpiry = vertx.setTimer(Math.max(1, millis), id -> tokenExpired());
            }
            schedule();
        }

        @Override
        public void offer(StreamEntry entry) {
            // What the client's position covers is not queued: a gateway catching up on the topics after a restart
            // would otherwise fill a resuming client's queue with events it already has, and drop it.
            if (closed || overflowed || !filter.matches(entry) || isCovered(entry)) {
                return;
            }
            if (!queue.offer(entry)) {
                overflowed = true;
            }
            schedule();
        }

        private void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                context.runOnContext(v -> drain());
            }
        }

        private void drain() {
            scheduled.set(false);
            if (closed) {
                return;
            }
            if (overflowed) {
                drop();
                return;
            }
            int budget = BATCH;
            while (cursor < backfillHead && budget-- > 0) {
                if (response.writeQueueFull()) {
                    return; // the drain handler resumes
                }
                long next = cursor + 1;
                long oldest = journal.oldest();
                if (next < oldest) {
                    // Entries went while this client was walking the journal: missed only if it had not had them.
                    if (journal.evictedPast(lastSent)) {
                        missed();
                    }
                    cursor = oldest - 1;
                    continue;
                }
                StreamEntry entry = journal.get(next);
                if (entry == null) {
                    continue; // evicted since oldest() was read: the next round sees the new oldest
                }
                cursor = next;
                if (filter.matches(entry)) {
                    send(entry);
                }
            }
            if (cursor < backfillHead) {
                schedule();
                return;
            }
            while (budget-- > 0 && !response.writeQueueFull()) {
                StreamEntry entry = queue.poll();
                if (entry == null) {
                    return;
                }
                send(entry);
            }
            if (!queue.isEmpty() && !response.writeQueueFull()) {
                schedule();
            }
        }

        private void send(StreamEntry entry) {
            if (!isCovered(entry)) {
                // A gateway behind the client's last one in some partition must not hand out an id that goes back
                // there: the id sent is at least the client's position in every partition.
                StreamPosition id = resume == null ? entry.position() : entry.position().atLeast(resume);
                response.write(entry.sse(id));
                lastSent = id;
            }
        }

        private boolean isCovered(StreamEntry entry) {
            return resume != null && resume.covers(entry.partitionKey(), entry.offset());
        }

        /** Tells the client that events it has not seen are no longer kept; it goes on from the oldest kept. */
        private void missed() {
            JsonObject missed = new JsonObject()
                    .put("reason", "the gateway keeps only the latest " + config.retention() + " events;"
                            + " some after this client's Last-Event-ID are gone")
                    .put("lastEventId", lastSent == null ? null : lastSent.toString());
            response.write("event: missed\ndata: " + missed.encode() + "\n\n");
        }

        private void drop() {
            String reason = "more than " + config.clientBuffer() + " events waited for this client: it reads more"
                    + " slowly than events arrive; reconnect with Last-Event-ID to resume";
            LOG.infof("Dropped a stream client at %s after id %s: %s", routing.request().remoteAddress(), lastSent,
                    reason);
            dropped.incrementAndGet();
            close();
            response.write("event: dropped\ndata: " + new JsonObject().put("reason", reason)
                    .put("lastEventId", lastSent == null ? null : lastSent.toString()).encode() + "\n\n");
            response.end();
            vertx.setTimer(DROPPED_GRACE_MILLIS, id -> routing.request().connection().close());
        }

        /**
         * The stream lasts no longer than the token that opened it: the client gets {@code event: expired} with its
         * last id, and reconnects with a fresh token and that id as {@code Last-Event-ID} (or {@code ?lastEventId=}).
         */
        private void tokenExpired() {
            if (closed) {
                return;
            }
            close();
            response.write("event: expired\ndata: " + new JsonObject()
                    .put("reason", "the bearer token that opened this stream has expired; reconnect with a fresh"
                            + " token and Last-Event-ID to resume")
                    .put("lastEventId", lastSent == null ? null : lastSent.toString()).encode() + "\n\n");
            response.end();
            // as for a dropped client: one that does not read its last message does not keep the connection
            vertx.setTimer(DROPPED_GRACE_MILLIS, id -> routing.request().connection().close());
        }

        private void close() {
            if (closed) {
                return;
            }
            closed = true;
            journal.unsubscribe(this);
            queue.clear();
            if (heartbeat >= 0) {
                vertx.cancelTimer(heartbeat);
            }
            if (tokenExpiry >= 0) {
                vertx.cancelTimer(tokenExpiry);
            }
        }
    }
}
