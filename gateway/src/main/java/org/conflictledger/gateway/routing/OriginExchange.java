package org.conflictledger.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.WebServerRequest;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request to a service that holds one pooled connection until its answer has ended. It is ended early, with a
 * reset, when its total time is up or when the client it serves goes away: a reset closes the connection, or hands
 * it back to the pool if nothing was sent yet. Without this, a connection stays held for good once the response head
 * has arrived (Vert.x's idle timeout stops there) and nobody reads the rest, e.g. for a client that has left.
 */
final class OriginExchange {
    private final HttpClientRequest origin;
    private final AtomicBoolean over = new AtomicBoolean();

    private OriginExchange(HttpClientRequest origin) {
        this.origin = origin;
    }

    /** Ends the request unless its answer has ended within {@code total}. */
    static OriginExchange bounded(Vertx vertx, HttpClientRequest origin, Duration total) {
        OriginExchange exchange = new OriginExchange(origin);
        long timer = vertx.setTimer(total.toMillis(), id -> exchange.end(
                new TimeoutException("no complete answer within " + total.toMillis() + " ms")));
        origin.response().compose(HttpClientResponse::end).onComplete(done -> {
            exchange.over.set(true);
            vertx.cancelTimer(timer);
        });
        return exchange;
    }

    /**
     * Also ends the request when the client's connection closes before its answer has ended; false when the client
     * has already gone (the request is then ended).
     */
    boolean endWhenClientLeaves(HttpServerRequest client) {
        if (client.response().closed()) {
            end(new ClientGone());
            return false;
        }
        // a close no end handler reported (seen behind Quarkus under a flood of leaving clients) is still seen
        // here, before the proxy starts to pipe the answer to a connection that will never drain
        origin.response().onSuccess(answer -> {
            if (client.response().closed()) {
                end(new ClientGone());
            }
        });
        if (client instanceof WebServerRequest routed) {
            // when the connection closes first, Vert.x may report the end as a success: only ended() tells
            routed.routingContext().addEndHandler(answered -> {
                if (answered.failed() || !client.response().ended()) {
                    end(new ClientGone());
                }
            });
        }
        return true;
    }

    private void end(Throwable why) {
        if (over.compareAndSet(false, true)) {
            origin.reset(0, why);
        }
    }
}
