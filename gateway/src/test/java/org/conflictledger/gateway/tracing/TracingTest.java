package org.conflictledger.gateway.tracing;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.conflictledger.gateway.routing.TestOrigins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With tracing on, a request through the gateway is a server span of the gateway, and the service it is forwarded to
 * joins that trace: it receives a W3C {@code traceparent} whose trace is the gateway's and whose parent is a span of
 * the gateway, not the client's.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
@WithTestResource(TestOrigins.class)
class TracingTest {
    private static final String CLIENT_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN_ID = "00f067aa0ba902b7";

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // export ended spans at once rather than every 5 s
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "PT0.05S");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void forgetEarlierSpans() {
        spans.reset();
    }

    @Test
    void theServiceJoinsTheTraceTheGatewayStarted() {
        String traceparent = given().get("/api/v1/actors/TUR").then().statusCode(200)
                .extract().path("'header:traceparent'");
        assertThat(traceparent).as("traceparent the service received").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = traceparent.split("-")[1];
        String parentId = traceparent.split("-")[2];

        SpanData server = awaitServerSpan(traceId);
        assertThat(server.getParentSpanContext().isValid()).as("the gateway's span is a root").isFalse();
        assertThat(spanIdsOf(traceId)).as("the service's parent is a span of the gateway").contains(parentId);
    }

    @Test
    void aClientsTraceIsContinuedThroughTheGateway() {
        String traceparent = given().header("traceparent", "00-" + CLIENT_TRACE_ID + "-" + CLIENT_SPAN_ID + "-01")
                .get("/api/v1/actors/TUR").then().statusCode(200)
                .extract().path("'header:traceparent'");
        assertThat(traceparent).as("traceparent the service received").startsWith("00-" + CLIENT_TRACE_ID + "-");
        String parentId = traceparent.split("-")[2];

        SpanData server = awaitServerSpan(CLIENT_TRACE_ID);
        assertThat(server.getParentSpanId()).isEqualTo(CLIENT_SPAN_ID);
        assertThat(parentId).as("the service's parent is the gateway, not the client").isNotEqualTo(CLIENT_SPAN_ID);
        assertThat(spanIdsOf(CLIENT_TRACE_ID)).contains(parentId);
    }

    private SpanData awaitServerSpan(String traceId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(traceId))
                .findFirst().orElse(null), span -> span != null);
    }

    private List<String> spanIdsOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId))
                .map(SpanData::getSpanId).toList();
    }
}
