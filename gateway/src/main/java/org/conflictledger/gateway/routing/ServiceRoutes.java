package org.conflictledger.gateway.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.conflictledger.gateway.limits.BodySizeLimit;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Forwards {@code /api/v1/actors}, {@code /api/v1/events} and {@code /api/v1/agreements} to their services with
 * Vert.x's reverse proxy: bodies stream through in both directions, headers (ETag, If-Match, Location, Link,
 * Idempotency-Key …) pass unchanged, every request carries a correlation id, and a service that is down, slow or
 * breaks off is answered with a problem document.
 */
@ApplicationScoped
public class ServiceRoutes {
    public static final String CORRELATION_ID = "X-Correlation-Id";
    private static final Logger LOG = Logger.getLogger(ServiceRoutes.class);
    private static final Pattern SANE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final GatewayConfig config;
    private final BodySizeLimit bodySizeLimit;
    private final List<HttpClient> clients = new ArrayList<>();

    ServiceRoutes(GatewayConfig config, BodySizeLimit bodySizeLimit) {
        this.config = config;
        this.bodySizeLimit = bodySizeLimit;
    }

    public List<Route> routes() {
        return List.of(
                new Route("actors-service", "/api/v1/actors", config.actorsUrl()),
                new Route("events-service", "/api/v1/events", config.eventsUrl()),
                new Route("agreements-service", "/api/v1/agreements", config.agreementsUrl()));
    }

    void install(@Observes Router router, Vertx vertx) {
        for (Route route : routes()) {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout((int) config.connectTimeout().toMillis())
                    .setKeepAlive(true)
                    // with tracing on (LEDGER_TRACING_DISABLED=false) the request to the service is a client span of
                    // the gateway's trace and carries its traceparent, replacing the one the client sent (TracingTest)
                    .setTracingPolicy(TracingPolicy.PROPAGATE));
            clients.add(client);
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originRequestProvider((request, httpClient) -> httpClient.request(new RequestOptions()
                            .setServer(SocketAddress.inetSocketAddress(route.port(), route.host()))
                            .setIdleTimeout(config.requestTimeout().toMillis()))
                            // a failure also fails the response, which Forwarding answers; without a handler Vert.x
                            // logs every reset (e.g. of a body cut off at its size limit) as an ERROR
                            .map(origin -> origin.exceptionHandler(failure -> LOG.debugf("%s %s to %s: %s",
                                    request.method(), request.uri(), route.service(), failure.toString()))))
                    .addInterceptor(new Forwarding(route))
                    // after Forwarding, so that a body cut off at its limit is a 413 with the correlation id, not a 502
                    .addInterceptor(bodySizeLimit.interceptor());
            router.routeWithRegex(route.pathRegex()).handler(context -> proxy.handle(context.request()));
            LOG.infof("Routing %s to %s", route.prefix(), route.origin());
        }
        // What no route, resource or endpoint of the gateway serves is a 404 problem document.
        router.route().last().handler(context -> context.response().setStatusCode(404)
                .putHeader("Content-Type", ServiceProblems.MEDIA_TYPE)
                .end(ServiceProblems.notFound(context.request().uri()).toBuffer()));
    }

    void close(@Observes ShutdownEvent event) {
        clients.forEach(HttpClient::close);
    }

    /** Adds the correlation id on the way in and echoes it on the way out; turns failures into problem documents. */
    private static final class Forwarding implements ProxyInterceptor {
        private final Route route;

        Forwarding(Route route) {
            this.route = route;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            String given = context.request().headers().get(CORRELATION_ID);
            String correlationId = given != null && SANE_CORRELATION_ID.matcher(given).matches()
                    ? given : UUID.randomUUID().toString();
            context.request().headers().set(CORRELATION_ID, correlationId);
            context.set(CORRELATION_ID, correlationId);
            return context.sendRequest().recover(failure -> {
                int status = ServiceProblems.status(failure);
                LOG.warnf("%s %s: %s answered no response (%s); %d [%s]", context.request().getMethod(),
                        context.request().getURI(), route.service(), failure.toString(), status, correlationId);
                Buffer body = ServiceProblems.problem(status, route.service(), context.request().getURI()).toBuffer();
                ProxyResponse response = context.request().response()
                        .setStatusCode(status)
                        .setBody(Body.body(body));
                response.headers().clear();
                response.putHeader("Content-Type", ServiceProblems.MEDIA_TYPE);
                return Future.succeededFuture(response);
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            context.response().headers().set(CORRELATION_ID, context.get(CORRELATION_ID, String.class));
            return context.sendResponse();
        }
    }
}
