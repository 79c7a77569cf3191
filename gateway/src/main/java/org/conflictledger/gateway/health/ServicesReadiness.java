package org.conflictledger.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.gateway.routing.GatewayConfig;
import org.conflictledger.gateway.routing.Route;
import org.conflictledger.gateway.routing.ServiceRoutes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The gateway is ready when every service it routes to says it is ready (asked all at once). */
@Readiness
@ApplicationScoped
public class ServicesReadiness implements HealthCheck {
    private final ServiceRoutes routes;
    private final GatewayConfig config;
    private final HttpClient http;

    ServicesReadiness(ServiceRoutes routes, GatewayConfig config) {
        this.routes = routes;
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.healthTimeout()).build();
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, CompletableFuture<String>> states = new LinkedHashMap<>();
        for (Route route : routes.routes()) {
            states.put(route.service(), state(route));
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("services").up();
        states.forEach((service, state) -> {
            String value = state.join();
            response.withData(service, value);
            if (!"UP".equals(value)) {
                response.down();
            }
        });
        return response.build();
    }

    private CompletableFuture<String> state(Route route) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(route.origin().toString().replaceAll("/$", "")
                + "/q/health/ready")).timeout(config.healthTimeout()).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(answer -> answer.statusCode() == 200 ? "UP" : "DOWN (" + answer.statusCode() + ")")
                .exceptionally(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    return cause instanceof HttpTimeoutException ? "TIMED_OUT" : "UNREACHABLE";
                });
    }
}
