package org.conflictledger.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.conflictledger.contracts.CloudEventAttributes;
import org.conflictledger.platform.domain.RuleViolation;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Hands a consumer's messages to its handler, one at a time, so that every message ends applied or parked and the
 * consumer can move on. A failing message is tried again a few times with a short, growing pause (a database hiccup
 * passes), then parked. A message that is no ledger CloudEvent is parked at once; so is every later message of a
 * record that has one parked, so that a record's messages are never applied out of order. An earlier one of the
 * record (a lower sequence than the parked one's) that arrives after it is applied: it comes first in the record's
 * order, and it may be what the parked one waits for.
 */
final class MessageDelivery {
    private static final Logger LOG = Logger.getLogger(MessageDelivery.class);
    private static final int MAX_ERROR_LENGTH = 4000;

    /** Attempts before a message is parked and the pause after the first failure, doubled after each further one. */
    record Retries(int attempts, Duration firstPause) {
        static final Retries DEFAULT = new Retries(3, Duration.ofMillis(250));
    }

    private final String consumer;
    private final AcceptedEvents accepted;
    private final Consumer<JsonNode> handler;
    private final MessageParking parking;
    private final Retries retries;

    MessageDelivery(String consumer, AcceptedEvents accepted, Consumer<JsonNode> handler, MessageParking parking,
                    Retries retries) {
        this.consumer = consumer;
        this.accepted = accepted;
        this.handler = handler;
        this.parking = parking;
        this.retries = retries;
    }

    /**
     * Applies or parks each message of a batch, in order.
     *
     * @param running false once the consumer stops: a failure is then thrown, not parked (the batch is read again)
     * @throws RuntimeException when a message can be neither applied nor parked (the database is down): nothing of
     *                          the batch may be committed
     */
    void deliver(List<IncomingMessage> batch, BooleanSupplier running) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Long> firstParked = parking.firstParkedOffsets(consumer);
        for (IncomingMessage message : batch) {
            deliver(message, firstParked, running);
        }
    }

    private void deliver(IncomingMessage message, Map<String, Long> firstParked, BooleanSupplier running) {
        JsonNode cloudEvent;
        try {
            cloudEvent = LedgerCloudEvents.read(message.value(), accepted);
        } catch (UnreadableMessage e) {
            // Not a message of any record: it holds nothing up.
            parking.park(consumer, message, null, describe(e), 0);
            return;
        }
        if (cloudEvent == null) {
            return; // about the publisher's log, not a record
        }
        String record = cloudEvent.path(CloudEventAttributes.SUBJECT).asText();
        Long first = firstParked.get(record);
        // An offset before the first parked one is a redelivery of a message applied before it: apply it (idempotent).
        // So is an earlier event of the record (a lower sequence) that arrives after it: it comes first in the record's
        // order and may be what the parked one waits for (an actor's registration, missing events, republished).
        // Parked behind it, it could never be replayed, nor the parked one without it.
        if (first != null && message.offset() >= first && !precedesFirstParked(record, cloudEvent)) {
            parking.park(consumer, message, record, "parked behind an earlier parked message of record " + record, 0);
            return;
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
            try {
                handler.accept(cloudEvent);
                return;
            } catch (RuntimeException e) {
                failure = e;
                parking.failed(consumer);
                if (!running.getAsBoolean()) {
                    throw e;
                }
                if (attempt < retries.attempts()) {
                    LOG.warnf("%s: applying the message at %s failed (attempt %d of %d), trying again: %s", consumer,
                            message.position(), attempt, retries.attempts(), describe(e));
                    pause(retries.firstPause().multipliedBy(1L << (attempt - 1)));
                }
            }
        }
        LOG.debugf(failure, "%s: the message at %s failed %d times", consumer, message.position(), retries.attempts());
        parking.park(consumer, message, record, describe(failure), retries.attempts());
        firstParked.putIfAbsent(record, message.offset());
    }

    /** Whether the CloudEvent comes before the record's first parked message in the record's own order. */
    private boolean precedesFirstParked(String record, JsonNode cloudEvent) {
        OptionalLong parked = parking.firstParkedSequence(consumer, record);
        return parked.isPresent() && cloudEvent.path(CloudEventAttributes.SEQUENCE).asLong() < parked.getAsLong();
    }

    /** The failure as the parked message and the logs state it: its kind (and rule) and message, and its cause. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName());
        if (failure instanceof RuleViolation violation) {
            text.append(" (").append(violation.rule()).append(')');
        }
        text.append(": ").append(failure.getMessage());
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure && cause.getMessage() != null
                && !String.valueOf(failure.getMessage()).contains(cause.getMessage())) {
            text.append(" (caused by ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage())
                    .append(')');
        }
        return text.length() <= MAX_ERROR_LENGTH ? text.toString() : text.substring(0, MAX_ERROR_LENGTH);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
