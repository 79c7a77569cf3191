package org.conflictledger.gateway.health;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.conflictledger.gateway.routing.TestOrigins;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Prometheus can scrape the gateway: HTTP and JVM meters, and the live stream's own. */
@QuarkusTest
@WithTestResource(TestOrigins.class)
class MetricsTest {

    @Test
    void metricsAreServedInPrometheusFormatWithTheStreamsMeters() {
        given().get("/api/v1/actors").then().statusCode(200);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("ledger_stream_clients"))
                .body(containsString("ledger_stream_dropped_clients_total"))
                .body(containsString("ledger_stream_events_kept"))
                .body(containsString("jvm_memory_used_bytes"));
    }
}
