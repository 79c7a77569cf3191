package org.conflictledger.gateway.stream;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The stream's limits: heartbeats, a retention window a client can fall out of, and slow clients dropped alone. */
@QuarkusTest
@TestProfile(StreamLimitsTest.TightLimits.class)
@WithTestResource(KafkaBrokerTestResource.class)
class StreamLimitsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LedgerTopics topics;

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.stream.retention", "40", "gateway.stream.client-buffer", "32",
                    "gateway.stream.heartbeat", "1s");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    StreamRoute route;

    @BeforeAll
    static void producer() {
        topics = new LedgerTopics();
    }

    @AfterAll
    static void closeProducer() {
        topics.close();
    }

    private URI stream(String query) throws Exception {
        return base.toURI().resolve("api/v1/stream?" + query);
    }

    @Test
    void anIdleStreamGetsHeartbeats() throws Exception {
        try (SseClient client = SseClient.open(stream("actor=" + UUID.randomUUID()), null)) {
            String comment;
            do {
                comment = client.nextComment(Duration.ofSeconds(5));
                assertThat(comment).as("a heartbeat within 5s").isNotNull();
            } while (!comment.equals("heartbeat"));
        }
    }

    @Test
    void aClientThatFellOutOfTheRetainedWindowIsToldWhatItMissedAndContinuesFromTheOldestKept() throws Exception {
        UUID actor = UUID.randomUUID();
        List<String> sseIds = new ArrayList<>();
        try (SseClient live = SseClient.open(stream("actor=" + actor), null)) {
            for (int i = 0; i < 45; i++) {
                topics.actorRenamed(actor, "name " + i);
            }
            for (int i = 0; i < 45; i++) {
                sseIds.add(live.next(WAIT).id());
            }
        }
        try (SseClient resumed = SseClient.open(stream("actor=" + actor), sseIds.get(0))) {
            SseClient.Message missed = resumed.next(WAIT);
            assertThat(missed.event()).isEqualTo("missed");
            assertThat(missed.id()).isNull();
            assertThat(new JsonObject(missed.data()).getString("lastEventId")).isEqualTo(sseIds.get(0));
            // Then every event still kept after it, in order, none twice.
            SseClient.Message next = resumed.next(WAIT);
            int kept = sseIds.indexOf(next.id());
            assertThat(kept).as("the first event after the gap is one the live client had").isGreaterThan(1);
            for (String id : sseIds.subList(kept + 1, sseIds.size())) {
                assertThat(resumed.next(WAIT).id()).isEqualTo(id);
            }
        }
    }

    @Test
    void aClientThatDoesNotReadIsDroppedAndToldWhyWhileAFastClientGetsEverything() throws Exception {
        UUID actor = UUID.randomUUID();
        String query = "actor=" + actor;
        long droppedBefore = route.droppedClients();
        try (SseClient fast = SseClient.open(stream(query), null); Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            OutputStream out = slow.getOutputStream();
            out.write(("GET /api/v1/stream?" + query + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(WAIT).until(() -> route.connectedClients() >= 2);

            String padding = "x".repeat(32 * 1024);
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                published.add(topics.actorRenamed(actor, padding + i).getString("id"));
                SseClient.Message message = fast.next(WAIT);
                assertThat(new JsonObject(message.data()).getString("id")).isEqualTo(published.get(i));
            }
            await().atMost(WAIT).until(() -> route.droppedClients() > droppedBefore);
            String after = topics.actorRenamed(actor, "after the drop").getString("id");
            assertThat(new JsonObject(fast.next(WAIT).data()).getString("id")).isEqualTo(after);

            // What the slow client finds once it reads: what fit in its buffers, then why it was dropped, then the end.
            String received = readUntil(slow.getInputStream(), "event: dropped");
            assertThat(received).startsWith("HTTP/1.1 200");
            String tail = received.substring(received.indexOf("event: dropped"));
            assertThat(tail).contains("\"reason\":\"more than 32 events waited").contains("\"lastEventId\":");
        }
    }

    private static String readUntil(InputStream in, String marker) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            seen.write(buffer, 0, n);
            String text = seen.toString(StandardCharsets.UTF_8);
            int at = text.indexOf(marker);
            if (at >= 0 && text.indexOf("\n\n", at) > 0) {
                return text;
            }
        }
        throw new AssertionError("the slow client never saw " + marker);
    }
}
