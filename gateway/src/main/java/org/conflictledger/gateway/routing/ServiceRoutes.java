package org.conflictledger.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.conflictledger.gateway.limits.BodySizeLimit;
import org.conflictledger.gateway.security.QueryToken;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Forwards {@code /api/v1/actors}, {@code /api/v1/events} and {@code /api/v1/agreements} to their services with
 * Vert.x's reverse proxy: bodies stream through in both directions, headers (ETag, If-Match, Location, Link,
 * Idempotency-Key …) pass unchanged, every request carries a correlation id, and a service that is down, slow or
 * breaks off is answered with a problem document. Each request to a service ends with its client or its total
 * timeout ({@link OriginExchange}), so that clients that leave never hold the route's connections.
 */
@ApplicationScoped
public class ServiceRoutes {
    public static final String CORRELATION_ID = "X-Correlation-Id";
    private static final Logger LOG = Logger.getLogger(ServiceRoutes.class);
    private static final Pattern SANE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final GatewayConfig config;
    private final ServiceClients clients;
    private final BodySizeLimit bodySizeLimit;

    ServiceRoutes(GatewayConfig config, ServiceClients clients, BodySizeLimit bodySizeLimit) {
        this.config = config;
        this.clients = clients;
        this.bodySizeLimit = bodySizeLimit;
    }

    /**
     * The correlation id to use for a request that came with {@code given}: kept when it is usable (1 to 128 of
     * {@code A-Za-z0-9._:-}), a new UUID otherwise.
     */
    public static String correlationId(String given) {
        return given != null && SANE_CORRELATION_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    public List<Route> routes() {
        return List.of(
                new Route("actors-service", "/api/v1/actors", config.actorsUrl()),
                new Route("events-service", "/api/v1/events", config.eventsUrl()),
                new Route("agreements-service", "/api/v1/agreements", config.agreementsUrl()));
    }

    void install(@Observes Router router, Vertx vertx) {
        for (Route route : routes()) {
            HttpProxy proxy = HttpProxy.reverseProxy(clients.of(route))
                    .originRequestProvider((request, httpClient) -> httpClient.request(clients.requestTo(route))
                            .recover(failure -> Future.failedFuture(new NoConnection(failure)))
                            .compose(origin -> {
                                // a failure also fails the response, which Forwarding answers; without a handler
                                // Vert.x logs every reset (e.g. of a body cut off at its size limit) as an ERROR
                                origin.exceptionHandler(failure -> LOG.debugf("%s %s to %s: %s", request.method(),
                                        QueryToken.removedFrom(request.uri()), route.service(),
                                        failure.toString()));
                                OriginExchange exchange = OriginExchange.bounded(vertx, origin,
                                        config.requestTotalTimeout());
                                return exchange.endWhenClientLeaves(request)
                                        ? Future.succeededFuture(origin) : Future.failedFuture(new ClientGone());
                            }))
                    .addInterceptor(new Forwarding(route))
                    // after Forwarding, so that a body cut off at its limit is a 413 with the correlation id, not a 502
                    .addInterceptor(bodySizeLimit.interceptor());
            router.routeWithRegex(route.pathRegex()).handler(context -> proxy.handle(context.request()));
            LOG.infof("Routing %s to %s (at most %d connections, %d waiting)", route.prefix(), route.origin(),
                    config.pool().maxSize(), config.pool().maxWaitQueue());
        }
        // What no route, resource or endpoint of the gateway serves is a 404 problem document.
        router.route().last().handler(context -> context.response().setStatusCode(404)
                .putHeader("Content-Type", ServiceProblems.MEDIA_TYPE)
                .end(ServiceProblems.notFound(QueryToken.removedFrom(context.request().uri())).toBuffer()));
    }

    /** Adds the correlation id on the way in and echoes it on the way out; turns failures into problem documents. */
    private static final class Forwarding implements ProxyInterceptor {
        private static final String PROBLEM = "gateway.routing.problem";
        private final Route route;

        Forwarding(Route route) {
            this.route = route;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            String given = context.request().headers().get(CORRELATION_ID);
            String correlationId = correlationId(given);
            context.request().headers().set(CORRELATION_ID, correlationId);
            context.set(CORRELATION_ID, correlationId);
            return context.sendRequest().recover(failure -> {
                int status = ServiceProblems.status(failure);
                if (ServiceProblems.clientGone(failure) || context.request().proxiedRequest().response().closed()) {
                    // nobody is left to read the answer
                    LOG.debugf("%s %s: the client went away before %s answered [%s]", context.request().getMethod(),
                            QueryToken.removedFrom(context.request().getURI()), route.service(), correlationId);
                } else {
                    LOG.warnf("%s %s: %s answered no response (%s); %d [%s]", context.request().getMethod(),
                            QueryToken.removedFrom(context.request().getURI()), route.service(), failure.toString(),
                            status, correlationId);
                }
                context.set(PROBLEM, ServiceProblems.problem(status, route.service(),
                        QueryToken.removedFrom(context.request().getURI()))
                        .toBuffer());
                return Future.succeededFuture(context.request().response().setStatusCode(status));
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            String correlationId = context.get(CORRELATION_ID, String.class);
            Buffer problem = context.get(PROBLEM, Buffer.class);
            if (problem == null) {
                context.response().headers().set(CORRELATION_ID, correlationId);
                return context.sendResponse();
            }
            // Written here, not by the proxy: for a request it never sent to the service, the proxy's own sending of a
            // body to a client that has gone fails with a NullPointerException, logged with its stack trace, which
            // under a flood of such clients keeps the event loops busy for seconds.
            return context.request().proxiedRequest().response().setStatusCode(context.response().getStatusCode())
                    .putHeader(HttpHeaders.CONTENT_TYPE, ServiceProblems.MEDIA_TYPE)
                    .putHeader(CORRELATION_ID, correlationId)
                    .end(problem)
                    .otherwise((Void) null); // nobody is left to tell
        }
    }
}
