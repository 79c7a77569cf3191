package org.conflictledger.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.conflictledger.contracts.CloudEventAttributes;
import org.conflictledger.platform.api.Cursors;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.Page;
import org.conflictledger.platform.api.RecordNotFound;
import org.conflictledger.platform.domain.RuleViolation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where the consumers of a service park the messages they cannot apply, and how they come back: listed, replayed
 * through the consumer's handler once the cause is fixed, or discarded. Each consumer's parked messages are a gauge
 * ({@value #PARKED_GAUGE}) and every parking counts ({@value #PARKINGS}), per consumer.
 *
 * <p>Messages are parked per record (the CloudEvent subject), like Axon's sequenced dead-letter queue: while a
 * record has a message parked, its later messages are parked behind it, and only the first of a record is replayed,
 * followed by those behind it in order, so a record's messages are never applied out of order. An earlier message of
 * the record (a lower sequence) that arrives after the parked one is applied instead, so that what the parked one
 * waits for (a registration, missing events) can arrive, republished, and the parked one be replayed.
 */
@ApplicationScoped
public class MessageParking {
    public static final String PARKED_GAUGE = "ledger.consumer.parked.messages";
    public static final String PARKINGS = "ledger.consumer.parkings";
    public static final String FAILURES = "ledger.consumer.failures";
    private static final Logger LOG = Logger.getLogger(MessageParking.class);

    private final ParkedMessageStore store;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Registration> consumers = new ConcurrentHashMap<>();

    @Inject
    MessageParking(AgroalDataSource dataSource, MeterRegistry meters) {
        this(new ParkedMessageStore(dataSource), meters, Clock.systemUTC());
    }

    public MessageParking(ParkedMessageStore store, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.meters = meters;
        this.clock = clock;
    }

    private record Registration(AcceptedEvents accepted, Consumer<JsonNode> handler, Counter parkings, Counter failures) {
    }

    /** What a replay did: the messages it applied (and removed), and those of the record still parked. */
    @Schema(name = "ParkedMessageReplay", description = "What a replay did")
    public record Replay(
            @Schema(description = "The parked messages applied and removed, in order: the one named, then those"
                    + " parked behind it", example = "[17, 18]") List<Long> replayed,
            @Schema(description = "Messages of the same record still parked (one failed again; it is now first)",
                    example = "[]") List<Long> stillParked) {
    }

    /** Makes a consumer's handler available for replays and registers its meters. */
    public void register(String consumer, AcceptedEvents accepted, Consumer<JsonNode> handler) {
        Counter parkings = Counter.builder(PARKINGS).tag("consumer", consumer)
                .description("Messages the consumer parked because it could not apply them").register(meters);
        Counter failures = Counter.builder(FAILURES).tag("consumer", consumer)
                .description("Failed attempts to apply a message or to read the topic, transient ones included")
                .register(meters);
        Gauge.builder(PARKED_GAUGE, store, s -> s.count(consumer)).tag("consumer", consumer)
                .description("Messages of the consumer parked now, waiting to be replayed or discarded").register(meters);
        consumers.put(consumer, new Registration(accepted, handler, parkings, failures));
    }

    /** See {@link ParkedMessageStore#firstParkedOffsets}. */
    Map<String, Long> firstParkedOffsets(String consumer) {
        return store.firstParkedOffsets(consumer);
    }

    /**
     * The sequence of the record's first parked message, the one its later messages wait behind; empty when the record
     * has none parked (or it carries no sequence).
     */
    OptionalLong firstParkedSequence(String consumer, String record) {
        JsonNode first = store.first(consumer, record).map(ParkedMessage::message)
                .map(text -> LedgerCloudEvents.tryJson(text.getBytes(StandardCharsets.UTF_8))).orElse(null);
        JsonNode sequence = first == null ? null : first.get(CloudEventAttributes.SEQUENCE);
        return sequence != null && sequence.canConvertToLong() ? OptionalLong.of(sequence.asLong()) : OptionalLong.empty();
    }

    /** Counts a failed attempt (it may still succeed when retried). */
    void failed(String consumer) {
        Registration registration = consumers.get(consumer);
        if (registration != null) {
            registration.failures().increment();
        }
    }

    /**
     * Parks a message, logged as an error and counted.
     *
     * @param record the record whose later messages must wait behind it; null when it is not a ledger CloudEvent
     */
    void park(String consumer, IncomingMessage message, String record, String error, int attempts) {
        JsonNode json = LedgerCloudEvents.tryJson(message.value());
        String id = json == null ? null : json.path(CloudEventAttributes.ID).asText(null);
        String type = json == null ? null : json.path(CloudEventAttributes.TYPE).asText(null);
        String subject = json == null ? null : json.path(CloudEventAttributes.SUBJECT).asText(null);
        Optional<Long> parked = store.park(new ParkedMessageStore.Parking(consumer, message, record, id, type, subject,
                error, attempts, clock.instant()));
        if (parked.isEmpty()) {
            LOG.debugf("%s: message at %s was parked already", consumer, message.position());
            return;
        }
        Registration registration = consumers.get(consumer);
        if (registration != null) {
            registration.parkings().increment();
        }
        LOG.errorf("%s: parked the message at %s (CloudEvent %s, %s, key %s) as parked message %d after %d attempt(s): %s",
                consumer, message.position(), id, type, message.key(), parked.get(), attempts, error);
    }

    /** A page of parked messages in the order they were parked, of one consumer or (null) all. */
    public Page<ParkedMessage> page(String consumer, String cursor, int limit) {
        String position = Cursors.decode(cursor);
        long after;
        try {
            after = position == null ? 0 : Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw new InvalidRequest("cursor", "is not a cursor this API returned");
        }
        List<ParkedMessage> items = store.list(consumer, after, limit + 1);
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        List<ParkedMessage> page = items.subList(0, limit);
        return new Page<>(List.copyOf(page), Cursors.encode(Long.toString(page.get(limit - 1).id())));
    }

    /**
     * Applies a parked message again through its consumer's handler. On success it is removed and the messages of
     * the same record parked behind it are replayed in order, up to the first that fails again (it stays parked).
     *
     * @throws RecordNotFound when no message is parked under the id
     * @throws RuleViolation  when it waits behind another message of its record, or fails again (it stays parked
     *                        with the new error)
     */
    public synchronized Replay replay(long id) {
        ParkedMessage message = store.byId(id).orElseThrow(() -> new RecordNotFound("parked message", Long.toString(id)));
        if (message.record() != null) {
            ParkedMessage first = store.first(message.consumer(), message.record()).orElse(message);
            if (first.id() != id) {
                throw new RuleViolation("parked-behind", "Parked message " + id + " waits behind parked message "
                        + first.id() + " of the same record (" + message.record() + "): replay or discard that one first,"
                        + " so that the record's messages are applied in order.");
            }
        }
        Optional<String> failure = applyAgain(message);
        if (failure.isPresent()) {
            throw new RuleViolation("parked-message-failed", "Parked message " + id + " failed again and stays parked: "
                    + failure.get());
        }
        List<Long> replayed = new ArrayList<>(List.of(id));
        if (message.record() == null) {
            return new Replay(replayed, List.of());
        }
        for (Optional<ParkedMessage> next = store.first(message.consumer(), message.record()); next.isPresent();
             next = store.first(message.consumer(), message.record())) {
            if (applyAgain(next.get()).isPresent()) {
                break;
            }
            replayed.add(next.get().id());
        }
        return new Replay(replayed, store.ids(message.consumer(), message.record()));
    }

    /** Removes a parked message for good, without applying it; logged with who did it. */
    public void discard(long id, String by) {
        ParkedMessage message = store.byId(id).orElseThrow(() -> new RecordNotFound("parked message", Long.toString(id)));
        if (!store.remove(id)) {
            throw new RecordNotFound("parked message", Long.toString(id));
        }
        LOG.warnf("%s: parked message %d (%s-%d@%d, CloudEvent %s, %s) discarded by %s without being applied; it was"
                        + " parked for: %s", message.consumer(), id, message.topic(), message.partition(),
                message.offset(), message.cloudEventId(), message.type(), by, message.error());
    }

    /** Applies the message once; removes it on success, or keeps it with the new error. */
    private Optional<String> applyAgain(ParkedMessage message) {
        Registration registration = consumers.get(message.consumer());
        if (registration == null) {
            return Optional.of("no consumer " + message.consumer() + " runs in this service");
        }
        try {
            JsonNode cloudEvent = LedgerCloudEvents.read(store.value(message.id()), registration.accepted());
            if (cloudEvent != null) {
                registration.handler().accept(cloudEvent);
            }
        } catch (RuntimeException e) {
            String error = MessageDelivery.describe(e);
            registration.failures().increment();
            store.failedAgain(message.id(), error, clock.instant());
            LOG.errorf("%s: replaying parked message %d (%s-%d@%d, CloudEvent %s) failed; it stays parked: %s",
                    message.consumer(), message.id(), message.topic(), message.partition(), message.offset(),
                    message.cloudEventId(), error);
            return Optional.of(error);
        }
        store.remove(message.id());
        LOG.infof("%s: replayed parked message %d (%s-%d@%d, CloudEvent %s)", message.consumer(), message.id(),
                message.topic(), message.partition(), message.offset(), message.cloudEventId());
        return Optional.empty();
    }
}
