package org.conflictledger.gateway.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.conflictledger.gateway.routing.ServiceProblems;

/**
 * Security headers on every answer the gateway gives, its own and the services' it passes on: they are set just
 * before the headers are written, so they replace whatever a service sent under those names.
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, {@code X-Frame-Options: DENY};</li>
 *   <li>{@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'}, except under
 *       {@code /q/swagger-ui} (and the dev UI), which runs scripts and styles and gets only
 *       {@code frame-ancestors 'none'};</li>
 *   <li>{@code Cache-Control: no-store} on problem documents, so that no cache keeps an error;</li>
 *   <li>{@code Strict-Transport-Security} only when configured.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {
    /** First of the gateway's handlers, so that even a refused preflight or a 429 carries the headers. */
    public static final int ORDER = -1200;
    static final String UI_POLICY = "frame-ancestors 'none'";

    private final WebConfig.Headers config;

    SecurityHeaders(WebConfig.Headers config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String path = context.request().path();
        String policy = path != null && (path.startsWith("/q/swagger-ui") || path.startsWith("/q/dev-ui"))
                ? UI_POLICY : config.contentSecurityPolicy();
        context.addHeadersEndHandler(v -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "no-referrer")
                    .set("X-Frame-Options", "DENY")
                    .set("Content-Security-Policy", policy);
            config.hsts().ifPresent(hsts -> headers.set("Strict-Transport-Security", hsts));
            String type = headers.get(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.regionMatches(true, 0, ServiceProblems.MEDIA_TYPE, 0, ServiceProblems.MEDIA_TYPE.length())) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        context.next();
    }
}
