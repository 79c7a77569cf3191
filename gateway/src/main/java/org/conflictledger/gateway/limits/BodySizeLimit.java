package org.conflictledger.gateway.limits;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.conflictledger.gateway.routing.ServiceProblems;
import org.conflictledger.gateway.security.QueryToken;
import org.jboss.logging.Logger;

/**
 * The largest request body the gateway forwards, answered with a 413 problem document beyond it. A request that
 * declares a larger {@code Content-Length} is refused before anything reaches a service (a route ordered before the
 * proxy). A body without a length (chunked) is counted as it streams to the service ({@link #interceptor()}): at the
 * first byte past the limit the gateway resets its request to the service, so the service never sees a complete
 * body, and answers 413.
 *
 * <p>After refusing, the gateway reads and discards up to four times the limit (at least 1 MiB) of what the client
 * still sends, so that a client that writes its whole body before reading gets the answer, then closes the HTTP/1.1
 * connection ({@link Drain}).
 */
@ApplicationScoped
public class BodySizeLimit {
    /** Before the proxy and the token check, after CORS and the rate limit. */
    public static final int ORDER = -900;
    static final String IMPORT_PATH = "/api/v1/events/import";
    private static final Logger LOG = Logger.getLogger(BodySizeLimit.class);
    private static final long MIN_DRAIN = 1 << 20;

    private final LimitsConfig config;

    BodySizeLimit(LimitsConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::checkDeclaredLength);
        LOG.infof("Request bodies limited to %d bytes (%s: %d bytes)", config.maxBodySize().asLongValue(),
                IMPORT_PATH, config.maxImportBodySize().asLongValue());
    }

    /** The limit for a request: the CSV import has its own. */
    public long limitFor(HttpMethod method, String path) {
        return HttpMethod.POST.equals(method) && IMPORT_PATH.equals(path)
                ? config.maxImportBodySize().asLongValue() : config.maxBodySize().asLongValue();
    }

    /** The interceptor that counts the bytes of a body without {@code Content-Length} on its way to a service. */
    public ProxyInterceptor interceptor() {
        return new Counting();
    }

    private void checkDeclaredLength(RoutingContext context) {
        HttpServerRequest request = context.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long limit = limitFor(request.method(), request.path());
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1; // Vert.x itself rejects a malformed length
            }
            if (length > limit) {
                LOG.debugf("%s %s: Content-Length %d is above the limit of %d bytes; 413", request.method(),
                        QueryToken.removedFrom(request.uri()), length, limit);
                Drain drain = Drain.start(request, limit);
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, ServiceProblems.MEDIA_TYPE)
                        .end(LimitProblems.bodyTooLarge(limit, QueryToken.removedFrom(request.uri())).toBuffer())
                        .onComplete(ar -> drain.responseDone());
                return;
            }
        }
        context.next();
    }

    /**
     * What happens to a connection after its body was refused: the gateway reads and discards what the client still
     * sends (up to four times the limit, at least 1 MiB), so that a client that writes its whole body before it reads
     * gets the answer, and closes the connection once both the request and the answer are complete. A client that
     * waits for {@code 100 Continue} sends no body: the connection closes right after the answer.
     */
    static final class Drain {
        private final HttpServerRequest request;
        private final long cap;
        private long discarded;
        private boolean requestDone;
        private boolean responseDone;
        private boolean closed;

        private Drain(HttpServerRequest request, long limit) {
            this.request = request;
            this.cap = Math.max(MIN_DRAIN, limit > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : 4 * limit);
        }

        static Drain start(HttpServerRequest request, long limit) {
            Drain drain = new Drain(request, limit);
            if (request.version() == HttpVersion.HTTP_2) {
                // one stream of a shared connection: the answer ends it, and the connection stays
                drain.requestDone = true;
                drain.closed = true;
                return drain;
            }
            request.response().putHeader(HttpHeaders.CONNECTION, "close");
            if (request.isEnded() || "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                drain.requestDone = true;
                return drain;
            }
            request.handler(buffer -> {
                drain.discarded += buffer.length();
                if (drain.discarded > drain.cap) {
                    request.handler(null);
                    drain.requestDone();
                }
            });
            request.endHandler(v -> drain.requestDone());
            request.exceptionHandler(e -> drain.requestDone());
            request.resume();
            return drain;
        }

        void responseDone() {
            responseDone = true;
            closeWhenDone();
        }

        private void requestDone() {
            requestDone = true;
            closeWhenDone();
        }

        private void closeWhenDone() {
            if (requestDone && responseDone && !closed) {
                closed = true;
                request.connection().close();
            }
        }
    }

    /** Raised into the proxy's pipe when a streamed body passes its limit. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes", null, false, false);
        }
    }

    /**
     * Wraps a body without a declared length in a stream that counts its bytes. Added after the routing's own
     * interceptor, so the routing still sets the correlation id on this 413 and never turns it into a 502.
     */
    private final class Counting implements ProxyInterceptor {
        private static final String DRAIN = "gateway.limits.drain";

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            Body body = request.getBody();
            if (body == null || body.length() >= 0) {
                // a declared length was checked before the proxy, and Vert.x holds the body to it
                return context.sendRequest();
            }
            HttpServerRequest incoming = request.proxiedRequest();
            long limit = limitFor(incoming.method(), incoming.path());
            LimitedStream limited = new LimitedStream(body.stream(), limit,
                    () -> context.set(DRAIN, Drain.start(incoming, limit)));
            request.setBody(Body.body(limited, -1));
            return context.sendRequest().recover(failure -> {
                if (!limited.tripped) {
                    return Future.failedFuture(failure);
                }
                LOG.debugf("%s %s: the streamed body passed the limit of %d bytes; request to the service reset; 413",
                        incoming.method(), QueryToken.removedFrom(incoming.uri()), limit);
                ProxyResponse response = request.response().setStatusCode(413)
                        .setBody(Body.body(LimitProblems.bodyTooLarge(limit, QueryToken.removedFrom(incoming.uri())).toBuffer()));
                response.headers().clear();
                response.putHeader(HttpHeaders.CONTENT_TYPE, ServiceProblems.MEDIA_TYPE);
                return Future.succeededFuture(response);
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            Future<Void> sent = context.sendResponse();
            Drain drain = context.get(DRAIN, Drain.class);
            if (drain != null) {
                sent.onComplete(ar -> drain.responseDone());
            }
            return sent;
        }
    }

    /**
     * A request body that passes its bytes on until they exceed the limit. Then it hands the request to a
     * {@link Drain}, stops passing anything on, and fails the pipe to the service, which resets the request to the
     * service: the service never gets the end of the body.
     */
    private static final class LimitedStream implements ReadStream<Buffer> {
        private final ReadStream<Buffer> source;
        private final long limit;
        private final Runnable onTrip;
        private Handler<Throwable> exceptionHandler;
        private long seen;
        boolean tripped;

        LimitedStream(ReadStream<Buffer> source, long limit, Runnable onTrip) {
            this.source = source;
            this.limit = limit;
            this.onTrip = onTrip;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            exceptionHandler = handler;
            if (!tripped) {
                source.exceptionHandler(handler);
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (tripped) {
                return this;
            }
            source.handler(handler == null ? null : buffer -> {
                seen += buffer.length();
                if (seen <= limit) {
                    handler.handle(buffer);
                    return;
                }
                tripped = true;
                onTrip.run(); // takes the request over: from now on its bytes are discarded
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new BodyTooLargeException(limit));
                }
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> handler) {
            if (!tripped) {
                source.endHandler(handler);
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            if (!tripped) {
                source.pause();
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            if (!tripped) {
                source.resume();
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            if (!tripped) {
                source.fetch(amount);
            }
            return this;
        }
    }
}
