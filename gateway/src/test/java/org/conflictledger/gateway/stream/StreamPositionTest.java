package org.conflictledger.gateway.stream;

import io.vertx.core.json.JsonObject;
import org.conflictledger.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SSE id is a position in the topics, so it means the same to a gateway that read them in another order: after a
 * restart, or at another replica, a resuming client gets exactly what it had not seen.
 */
class StreamPositionTest {

    @Test
    void anIdFromOneGatewayResumesAtAnotherThatReadTheTopicsInAnotherOrder() {
        JsonObject actor1 = event("ledger.actor.registered.v1");
        JsonObject report1 = event("ledger.event.reported.v1");
        JsonObject actor2 = event("ledger.actor.renamed.v1");
        JsonObject report2 = event("ledger.event.corrected.v1");
        StreamJournal first = journal(10);
        first.append(Topics.ACTORS, 0, 0, actor1);
        StreamEntry seen = first.append(Topics.EVENTS, 0, 0, report1);
        first.append(Topics.ACTORS, 0, 1, actor2);
        first.append(Topics.EVENTS, 0, 1, report2);
        StreamJournal second = journal(10);
        second.append(Topics.EVENTS, 0, 0, report1);
        second.append(Topics.EVENTS, 0, 1, report2);
        second.append(Topics.ACTORS, 0, 0, actor1);
        second.append(Topics.ACTORS, 0, 1, actor2);

        StreamPosition resume = StreamPosition.parse(seen.position().toString()).orElseThrow();

        assertThat(unseen(second, resume)).containsExactlyInAnyOrder(actor2.getString("id"), report2.getString("id"));
        assertThat(second.evictedPast(resume)).isFalse();
    }

    @Test
    void aPositionPastWhatAGatewayStillKeepsIsAMiss() {
        StreamJournal small = journal(2);
        StreamEntry first = small.append(Topics.ACTORS, 0, 0, event("ledger.actor.registered.v1"));
        StreamEntry second = small.append(Topics.ACTORS, 0, 1, event("ledger.actor.renamed.v1"));
        small.append(Topics.ACTORS, 0, 2, event("ledger.actor.renamed.v1"));
        small.append(Topics.ACTORS, 0, 3, event("ledger.actor.renamed.v1"));

        assertThat(small.evictedPast(first.position())).as("offset 1 is gone").isTrue();
        assertThat(small.evictedPast(second.position())).as("2 and 3 are kept").isFalse();
        assertThat(small.evictedPast(StreamPosition.start())).isTrue();
    }

    @Test
    void anIdSentAfterAResumeNeverGoesBackInAnyPartition() {
        StreamPosition client = StreamPosition.parse("e0:100,g0:80").orElseThrow();
        StreamPosition laggingGateway = StreamPosition.parse("a0:3,e0:101,g0:60").orElseThrow();

        assertThat(laggingGateway.atLeast(client)).hasToString("a0:3,e0:101,g0:80");
    }

    @Test
    void eventsTheBrokerNoLongerHoldsAreAMissToo() {
        StreamJournal restarted = journal(10);
        restarted.partitionBegins(Topics.EVENTS, 0, 301);
        restarted.append(Topics.EVENTS, 0, 301, event("ledger.event.reported.v1"));

        assertThat(restarted.evictedPast(StreamPosition.parse("e0:100").orElseThrow())).isTrue();
        assertThat(restarted.evictedPast(StreamPosition.parse("e0:300").orElseThrow())).isFalse();
    }

    @Test
    void idsAreCompactAndOnlyTheirOwnFormIsAccepted() {
        StreamPosition position = StreamPosition.start().after(Topics.EVENTS, 0, 42).after(Topics.ACTORS, 0, 15)
                .after(Topics.AGREEMENTS, 1, 7).after(Topics.ACTORS, 0, 16);

        assertThat(position).hasToString("a0:16,e0:42,g1:7");
        assertThat(StreamPosition.parse("a0:16,e0:42,g1:7")).contains(position);
        assertThat(StreamPosition.parse("0")).contains(StreamPosition.start());
        assertThat(StreamPosition.parse("12")).isEmpty();
        assertThat(StreamPosition.parse("a0:1,a0:2")).isEmpty();
        assertThat(StreamPosition.parse("x0:1")).isEmpty();
        assertThat(StreamPosition.parse("a0:1,")).isEmpty();
        assertThat(StreamPosition.parse("a0:99999999999999999999")).isEmpty();
    }

    private static List<String> unseen(StreamJournal journal, StreamPosition resume) {
        List<String> ids = new ArrayList<>();
        for (long sequence = journal.oldest(); sequence <= journal.newest(); sequence++) {
            StreamEntry entry = journal.get(sequence);
            if (!resume.covers(entry.partitionKey(), entry.offset())) {
                ids.add(entry.eventId());
            }
        }
        return ids;
    }

    private static JsonObject event(String type) {
        return new JsonObject().put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("type", type)
                .put("source", "test").put("subject", UUID.randomUUID().toString()).put("data", new JsonObject());
    }

    private static StreamJournal journal(int retention) {
        return new StreamJournal(new StreamConfig() {
            @Override
            public int retention() {
                return retention;
            }

            @Override
            public Duration heartbeat() {
                return Duration.ofSeconds(15);
            }

            @Override
            public int clientBuffer() {
                return 10;
            }
        });
    }
}
