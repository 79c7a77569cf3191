package org.conflictledger.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.conflictledger.platform.api.Page;
import org.conflictledger.platform.api.RecordNotFound;
import org.conflictledger.platform.domain.RuleViolation;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The parking rules of a consumer, on a real parked_message table (H2 with the platform's own migration): a failing
 * message is retried, then parked and the consumer moves on; a record's later messages wait behind its parked one;
 * what is no ledger CloudEvent is parked without holding anything up; replay and discard bring them back.
 */
class MessageParkingTest {
    private static final String CONSUMER = "test-consumer";
    private static final String TOPIC = "ledger.things.v1";
    private static final AcceptedEvents ACCEPTED = new AcceptedEvents("ledger.thing.", "/test");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** CloudEvent ids the handler applied, in order. */
    private final List<String> applied = new ArrayList<>();
    /** CloudEvent ids the handler refuses, for good. */
    private final Set<String> refused = new HashSet<>();
    /** Failures the handler still has to throw before it applies anything (a transient fault). */
    private int transientFailures;
    private MessageParking parking;
    private MessageDelivery delivery;
    private long nextOffset;

    /** An empty database of its own for each test. */
    protected DataSource emptyDatabase() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:parking-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @BeforeEach
    void freshTable() throws Exception {
        DataSource dataSource = emptyDatabase();
        try (InputStream in = getClass().getResourceAsStream("/db/platform/V3__parked_messages.sql");
             Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        parking = new MessageParking(new ParkedMessageStore(dataSource), meters,
                Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC));
        Consumer<JsonNode> handler = event -> {
            String id = event.path("id").asText();
            if (transientFailures > 0) {
                transientFailures--;
                throw new IllegalStateException("database hiccup");
            }
            if (refused.contains(id)) {
                throw new RuleViolation("thing-invalid", "Thing " + id + " cannot be applied.");
            }
            applied.add(id);
        };
        parking.register(CONSUMER, ACCEPTED, handler);
        delivery = new MessageDelivery(CONSUMER, ACCEPTED, handler, parking,
                new MessageDelivery.Retries(3, Duration.ofMillis(1)));
    }

    @Test
    void aTransientFailureIsRetriedAndTheMessageApplied() {
        transientFailures = 2;
        deliver(event("a1", "A", 0));

        assertThat(applied).containsExactly("a1");
        assertThat(parked()).isEmpty();
        assertThat(meters.get(MessageParking.FAILURES).tag("consumer", CONSUMER).counter().count()).isEqualTo(2);
        assertThat(meters.get(MessageParking.PARKINGS).tag("consumer", CONSUMER).counter().count()).isZero();
    }

    @Test
    void aMessageThatKeepsFailingIsParkedAndLaterMessagesOfItsRecordWaitBehindIt() {
        refused.add("a1");
        IncomingMessage poison = event("a1", "A", 0);
        deliver(poison, event("b1", "B", 0), event("a2", "A", 1), event("b2", "B", 1));

        assertThat(applied).containsExactly("b1", "b2");
        List<ParkedMessage> parked = parked();
        assertThat(parked).extracting(ParkedMessage::cloudEventId).containsExactly("a1", "a2");
        ParkedMessage first = parked.get(0);
        assertThat(first.consumer()).isEqualTo(CONSUMER);
        assertThat(first.topic()).isEqualTo(TOPIC);
        assertThat(first.offset()).isEqualTo(poison.offset());
        assertThat(first.key()).isEqualTo(subject("A"));
        assertThat(first.record()).isEqualTo(subject("A"));
        assertThat(first.subject()).isEqualTo(subject("A"));
        assertThat(first.type()).isEqualTo("ledger.thing.changed.v1");
        assertThat(first.message()).isEqualTo(new String(poison.value(), StandardCharsets.UTF_8));
        assertThat(first.error()).isEqualTo("RuleViolation (thing-invalid): Thing a1 cannot be applied.");
        assertThat(first.attempts()).isEqualTo(3);
        assertThat(first.parkedAt()).isEqualTo(Instant.parse("2026-12-06T12:00:00Z"));
        assertThat(parked.get(1).attempts()).isZero();
        assertThat(parked.get(1).error()).contains("parked behind");

        // A later batch: the record is still held up, the other goes on.
        deliver(event("a3", "A", 2), event("b3", "B", 2));
        assertThat(applied).containsExactly("b1", "b2", "b3");
        assertThat(parked()).extracting(ParkedMessage::cloudEventId).containsExactly("a1", "a2", "a3");
        assertThat(meters.get(MessageParking.PARKED_GAUGE).tag("consumer", CONSUMER).gauge().value()).isEqualTo(3);
        assertThat(meters.get(MessageParking.PARKINGS).tag("consumer", CONSUMER).counter().count()).isEqualTo(3);
    }

    @Test
    void aRedeliveredBatchParksNothingTwiceAndReappliesWhatCameBeforeTheParkedMessage() {
        refused.add("a2");
        List<IncomingMessage> batch = List.of(event("a1", "A", 0), event("a2", "A", 1), event("a3", "A", 2));
        delivery.deliver(batch, () -> true);
        // Read again, as after a restart before the offsets were committed.
        delivery.deliver(batch, () -> true);

        assertThat(applied).containsExactly("a1", "a1");
        assertThat(parked()).extracting(ParkedMessage::cloudEventId).containsExactly("a2", "a3");
        assertThat(meters.get(MessageParking.PARKINGS).tag("consumer", CONSUMER).counter().count()).isEqualTo(2);
    }

    @Test
    void aMessageThatIsNoLedgerCloudEventIsParkedWithoutHoldingUpItsKey() {
        deliver(new IncomingMessage(TOPIC, 0, nextOffset++, subject("A"), "not json".getBytes(StandardCharsets.UTF_8)),
                new IncomingMessage(TOPIC, 0, nextOffset++, subject("A"),
                        "{\"type\": \"ledger.other.v1\"}".getBytes(StandardCharsets.UTF_8)),
                new IncomingMessage(TOPIC, 0, nextOffset++, null, null),
                new IncomingMessage(TOPIC, 0, nextOffset++, subject("A"), new String(event("x1", "A", 0).value(),
                        StandardCharsets.UTF_8).replace("\"/test\"", "\"/someone-else\"").getBytes(StandardCharsets.UTF_8)),
                event("a1", "A", 0));

        assertThat(applied).containsExactly("a1");
        List<ParkedMessage> parked = parked();
        assertThat(parked).extracting(ParkedMessage::record).containsOnlyNulls();
        assertThat(parked.get(0).error()).startsWith("UnreadableMessage: the message is not JSON: ");
        assertThat(parked).extracting(ParkedMessage::error).endsWith(
                "UnreadableMessage: type \"ledger.other.v1\" is not a ledger.thing.* CloudEvent type",
                "UnreadableMessage: the message has no value",
                "UnreadableMessage: source \"/someone-else\" is not /test, the only publisher of these events");
        assertThat(parked.get(1).type()).isEqualTo("ledger.other.v1");
        assertThat(parked.get(2).message()).isNull();
    }

    @Test
    void aCheckpointOfThePublishersLogIsSkippedNeitherAppliedNorParked() {
        String checkpoint = """
                {"specversion": "1.0", "id": "conflict-ledger/thing-service/checkpoints/3", "source": "/test",
                 "type": "ledger.log.checkpoint.v1", "time": "2026-12-06T12:00:00Z", "data": {"treeSize": 3}}""";
        deliver(new IncomingMessage(TOPIC, 0, nextOffset++, "conflict-ledger/thing-service",
                checkpoint.getBytes(StandardCharsets.UTF_8)), event("a1", "A", 0));

        assertThat(applied).containsExactly("a1");
        assertThat(parked()).isEmpty();
    }

    @Test
    void aReplayAfterTheFixAppliesTheParkedMessageAndThoseBehindItInOrder() {
        refused.add("a1");
        deliver(event("a1", "A", 0), event("a2", "A", 1), event("a3", "A", 2));
        List<ParkedMessage> parked = parked();

        assertThatThrownBy(() -> parking.replay(parked.get(1).id())).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("waits behind parked message " + parked.get(0).id())
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("parked-behind");
        assertThatThrownBy(() -> parking.replay(parked.get(0).id())).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("failed again").extracting(e -> ((RuleViolation) e).rule())
                .isEqualTo("parked-message-failed");
        assertThat(parked().get(0).attempts()).isEqualTo(4);
        assertThat(applied).isEmpty();

        refused.clear();
        MessageParking.Replay replay = parking.replay(parked.get(0).id());

        assertThat(replay.replayed()).containsExactly(parked.get(0).id(), parked.get(1).id(), parked.get(2).id());
        assertThat(replay.stillParked()).isEmpty();
        assertThat(applied).containsExactly("a1", "a2", "a3");
        assertThat(parked()).isEmpty();
        assertThat(meters.get(MessageParking.PARKED_GAUGE).tag("consumer", CONSUMER).gauge().value()).isZero();
        // The record is free again.
        deliver(event("a4", "A", 3));
        assertThat(applied).containsExactly("a1", "a2", "a3", "a4");
    }

    @Test
    void anEarlierMessageOfTheRecordArrivingAfterItsParkedOneIsAppliedSoTheParkedOneCanBeReplayed() {
        // a2 cannot be applied without a1 (an actor's rename before its registration): parked
        refused.add("a2");
        deliver(event("a2", "A", 1));
        // a1 arrives later, e.g. republished: it comes first in the record's order, so it is applied, not parked
        // behind a2 (where neither could ever be applied); a2's own copy from the republish is parked behind a2
        deliver(event("a1", "A", 0), event("a2", "A", 1));

        assertThat(applied).containsExactly("a1");
        List<ParkedMessage> parked = parked();
        assertThat(parked).extracting(ParkedMessage::cloudEventId).containsExactly("a2", "a2");
        assertThat(parked.get(1).error()).contains("parked behind");

        refused.clear(); // what a2 needed is there now
        MessageParking.Replay replay = parking.replay(parked.get(0).id());

        assertThat(replay.replayed()).containsExactly(parked.get(0).id(), parked.get(1).id());
        assertThat(applied).containsExactly("a1", "a2", "a2");
        assertThat(parked()).isEmpty();
    }

    @Test
    void aReplayStopsAtTheFirstMessageBehindThatFailsAgain() {
        refused.add("a1");
        refused.add("a3");
        deliver(event("a1", "A", 0), event("a2", "A", 1), event("a3", "A", 2), event("a4", "A", 3));
        List<ParkedMessage> parked = parked();
        refused.remove("a1");

        MessageParking.Replay replay = parking.replay(parked.get(0).id());

        assertThat(replay.replayed()).containsExactly(parked.get(0).id(), parked.get(1).id());
        assertThat(replay.stillParked()).containsExactly(parked.get(2).id(), parked.get(3).id());
        assertThat(applied).containsExactly("a1", "a2");
        ParkedMessage nowFirst = parked().get(0);
        assertThat(nowFirst.cloudEventId()).isEqualTo("a3");
        assertThat(nowFirst.attempts()).isEqualTo(1);
        assertThat(nowFirst.error()).contains("thing-invalid");
    }

    @Test
    void aDiscardedMessageIsGoneAndTheNextOfItsRecordCanBeReplayed() {
        refused.add("a1");
        deliver(event("a1", "A", 0), event("a2", "A", 1));
        List<ParkedMessage> parked = parked();

        parking.discard(parked.get(0).id(), "admin@example.org");
        MessageParking.Replay replay = parking.replay(parked.get(1).id());

        assertThat(replay.replayed()).containsExactly(parked.get(1).id());
        assertThat(applied).containsExactly("a2");
        assertThatThrownBy(() -> parking.discard(parked.get(0).id(), "admin@example.org"))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> parking.replay(parked.get(0).id())).isInstanceOf(RecordNotFound.class);
    }

    @Test
    void theParkedMessagesArePagedInTheOrderTheyWereParked() {
        for (int i = 0; i < 5; i++) {
            refused.add("x" + i);
            deliver(event("x" + i, "X" + i, 0));
        }
        Page<ParkedMessage> first = parking.page(null, null, 2);
        Page<ParkedMessage> second = parking.page(CONSUMER, first.next(), 2);
        Page<ParkedMessage> last = parking.page(CONSUMER, second.next(), 2);

        assertThat(first.items()).extracting(ParkedMessage::cloudEventId).containsExactly("x0", "x1");
        assertThat(second.items()).extracting(ParkedMessage::cloudEventId).containsExactly("x2", "x3");
        assertThat(last.items()).extracting(ParkedMessage::cloudEventId).containsExactly("x4");
        assertThat(last.next()).isNull();
        assertThat(parking.page("another-consumer", null, 10).items()).isEmpty();
    }

    @Test
    void aFailureWhileTheConsumerStopsIsThrownNotParked() {
        refused.add("a1");
        assertThatThrownBy(() -> delivery.deliver(List.of(event("a1", "A", 0)), () -> false))
                .isInstanceOf(RuleViolation.class);
        assertThat(parked()).isEmpty();
    }

    private void deliver(IncomingMessage... messages) {
        delivery.deliver(List.of(messages), () -> true);
    }

    private List<ParkedMessage> parked() {
        return parking.page(CONSUMER, null, 100).items();
    }

    private IncomingMessage event(String id, String thing, long sequence) {
        String json = """
                {"specversion": "1.0", "id": "%s", "source": "/test", "type": "ledger.thing.changed.v1",
                 "subject": "%s", "time": "2026-12-06T12:00:00Z", "sequence": %d, "data": {"n": %d}}"""
                .formatted(id, subject(thing), sequence, sequence);
        return new IncomingMessage(TOPIC, 0, nextOffset++, subject(thing), json.getBytes(StandardCharsets.UTF_8));
    }

    /** A stable UUID per thing name. */
    private static String subject(String thing) {
        return UUID.nameUUIDFromBytes(thing.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
