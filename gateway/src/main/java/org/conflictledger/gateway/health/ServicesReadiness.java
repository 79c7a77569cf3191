package org.conflictledger.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.gateway.routing.GatewayConfig;
import org.conflictledger.gateway.routing.Route;
import org.conflictledger.gateway.routing.ServiceClients;
import org.conflictledger.gateway.routing.ServiceRoutes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The gateway is ready when every service it routes to says it is ready (asked all at once), asked through the same
 * pool of connections the service's route uses: a route whose connections are all taken and whose waiting requests
 * get none in time cannot serve, so it is not ready even while the service itself answers.
 */
@Readiness
@ApplicationScoped
public class ServicesReadiness implements AsyncHealthCheck {
    private final ServiceRoutes routes;
    private final ServiceClients clients;
    private final GatewayConfig config;

    ServicesReadiness(ServiceRoutes routes, ServiceClients clients, GatewayConfig config) {
        this.routes = routes;
        this.clients = clients;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Route> all = routes.routes();
        List<Uni<String>> states = all.stream().map(this::state).toList();
        return Uni.combine().all().unis(states).with(values -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("services").up();
            for (int i = 0; i < all.size(); i++) {
                String value = (String) values.get(i);
                response.withData(all.get(i).service(), value);
                if (!"UP".equals(value)) {
                    response.down();
                }
            }
            return response.build();
        });
    }

    private Uni<String> state(Route route) {
        Future<String> state = clients.status(route, "/q/health/ready", config.healthTimeout())
                .map(status -> status == 200 ? "UP" : "DOWN (" + status + ")")
                .otherwise(ServicesReadiness::failed);
        return Uni.createFrom().completionStage(state.toCompletionStage());
    }

    /** BUSY: every connection taken and the queue for them full; TIMED_OUT: no connection or answer in time. */
    private static String failed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectionPoolTooBusyException) {
                return "BUSY";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return "TIMED_OUT";
            }
        }
        return "UNREACHABLE";
    }
}
