package org.conflictledger.gateway.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Vert.x HTTP client, and so one pool of connections, per service. Its route forwards through it and readiness
 * asks through it, so that a pool that cannot serve the route also fails readiness. The pool is bounded in
 * connections and in requests waiting for one; a request waits at most {@code gateway.connect-timeout}.
 */
@ApplicationScoped
public class ServiceClients {
    private final Vertx vertx;
    private final GatewayConfig config;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    ServiceClients(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public HttpClient of(Route route) {
        return clients.computeIfAbsent(route.service(), service -> vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        // with tracing on (LEDGER_TRACING_DISABLED=false) the request to the service is a client span
                        // of the gateway's trace and carries its traceparent, replacing the one the client sent
                        // (TracingTest)
                        .setTracingPolicy(TracingPolicy.PROPAGATE),
                new PoolOptions().setHttp1MaxSize(config.pool().maxSize())
                        .setMaxWaitQueueSize(config.pool().maxWaitQueue())));
    }

    /** A request to the route's service: a connection within the connect timeout, then the idle timeout. */
    public RequestOptions requestTo(Route route) {
        return new RequestOptions().setServer(SocketAddress.inetSocketAddress(route.port(), route.host()))
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.requestTimeout().toMillis());
    }

    /**
     * The status of a {@code GET path} to the route's service through the route's pool, with its body read. Fails
     * when no connection is free within {@code timeout}, or the answer is not complete within {@code timeout} more.
     */
    public Future<Integer> status(Route route, String path, Duration timeout) {
        RequestOptions get = new RequestOptions().setServer(SocketAddress.inetSocketAddress(route.port(), route.host()))
                .setURI(path).setTimeout(timeout.toMillis());
        return of(route).request(get)
                .compose(request -> {
                    OriginExchange.bounded(vertx, request, timeout);
                    return request.send();
                })
                .compose(response -> response.body().map(body -> response.statusCode()));
    }

    void close(@Observes ShutdownEvent event) {
        clients.values().forEach(HttpClient::close);
    }
}
