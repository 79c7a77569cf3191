package org.conflictledger.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TreeSet;

/**
 * How far the outbox has published, as Kafka knows it: the tracking token of the last event of the last committed
 * publishing transaction, and the event store it belongs to (the identifier of the store's first event, so that a
 * position left by an emptied or replaced store is never taken for this one's). Written in the same Kafka
 * transaction as the events it covers, so it is exactly as far as the topic is.
 */
record PublishedPosition(String store, GapAwareTrackingToken token) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Nothing published (yet, or since a republish from the start). */
    static final PublishedPosition NONE = new PublishedPosition(null, null);

    /** Whether the event at {@code eventToken} of {@code eventStore} is on the topic already. */
    boolean covers(String eventStore, TrackingToken eventToken) {
        if (token == null || store == null || !store.equals(eventStore)) {
            return false;
        }
        TrackingToken event = WrappedToken.unwrapLowerBound(eventToken);
        return event instanceof GapAwareTrackingToken gapAware && token.covers(gapAware);
    }

    /** The position after an event at {@code eventToken}, or {@code null} for a token the outbox cannot compare. */
    static PublishedPosition after(String eventStore, TrackingToken eventToken) {
        TrackingToken event = WrappedToken.unwrapLowerBound(eventToken);
        return event instanceof GapAwareTrackingToken gapAware ? new PublishedPosition(eventStore, gapAware) : null;
    }

    byte[] toBytes() {
        ObjectNode node = JSON.createObjectNode();
        if (token != null) {
            node.put("store", store);
            node.put("index", token.getIndex());
            token.getGaps().forEach(node.putArray("gaps")::add);
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PublishedPosition fromBytes(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.hasNonNull("index")) {
                return NONE;
            }
            TreeSet<Long> gaps = new TreeSet<>();
            node.path("gaps").forEach(gap -> gaps.add(gap.asLong()));
            return new PublishedPosition(node.path("store").asText(null),
                    GapAwareTrackingToken.newInstance(node.get("index").asLong(), gaps));
        } catch (IOException e) {
            throw new UncheckedIOException("An outbox position that is not JSON", e);
        }
    }
}
