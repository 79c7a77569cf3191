package org.conflictledger.actors.observability;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/** Prometheus can scrape the service at /q/metrics, as the Kubernetes manifests announce. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class MetricsEndpointTest {

    @Test
    void theServiceServesHttpAndJvmMetricsInPrometheusFormat() {
        given().get("/api/v1/actors").then().statusCode(200);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/v1/actors\""))
                .body(containsString("jvm_memory_used_bytes"));
    }
}
