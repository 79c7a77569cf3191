package org.conflictledger.gateway.stream;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.contracts.CloudEventAttributes;
import org.conflictledger.contracts.LogEventTypes;
import org.conflictledger.contracts.Topics;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The latest {@code gateway.stream.retention} CloudEvents read from the ledger's topics, each with its
 * {@link StreamPosition} (its SSE id) and a contiguous internal sequence, and the clients listening for the next
 * ones. A CloudEvent id seen again within the window (the outboxes publish
 * at least once) is skipped. Appends and subscriptions are serialised, so a client that subscribes after id n gets
 * every later event exactly once: from the journal up to the head it saw, from its own queue after it.
 */
@ApplicationScoped
public class StreamJournal {
    /** Receives each appended entry; called under the journal's lock, so it must not block. */
    public interface Listener {
        void offer(StreamEntry entry);
    }

    private static final int REMEMBERED_RECORDS = 100_000;

    private final StreamEntry[] ring;
    private final Set<String> eventIds = new HashSet<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** What earlier events said about a record, for later events that do not repeat it (a retraction, a confirmation). */
    private final Map<String, Tags> records = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tags> eldest) {
            return size() > REMEMBERED_RECORDS;
        }
    };
    private long newest;
    /** Where the consumer stands: every record read, CloudEvent or not. */
    private StreamPosition position = StreamPosition.start();
    /** For each partition, the highest offset no longer kept: evicted from the ring, or gone from the broker. */
    private final Map<String, Long> evictedUpTo = new HashMap<>();

    StreamJournal(StreamConfig config) {
        if (config.retention() < 1) {
            throw new IllegalArgumentException("gateway.stream.retention must be at least 1");
        }
        ring = new StreamEntry[config.retention()];
    }

    /**
     * Appends a CloudEvent read from a topic.
     *
     * @return the entry, or {@code null} when it is not a CloudEvent or a duplicate of one still kept
     */
    public synchronized StreamEntry append(String topic, int partition, long offset, JsonObject cloudEvent) {
        position = position.after(topic, partition, offset);
        String eventId = cloudEvent.getValue(CloudEventAttributes.ID) instanceof String s ? s : null;
        String type = cloudEvent.getValue(CloudEventAttributes.TYPE) instanceof String s ? s : null;
        // a checkpoint of a service's transparency log shares its topic but is no change of a record
        if (eventId == null || type == null || type.isBlank() || LogEventTypes.isLogEvent(type)
                || eventIds.contains(eventId)) {
            return null;
        }
        long id = newest + 1;
        int slot = slot(id);
        StreamEntry evicted = ring[slot];
        if (evicted != null) {
            eventIds.remove(evicted.eventId());
            evictedUpTo.merge(evicted.partitionKey(), evicted.offset(), Math::max);
        }
        Tags tags = tags(topic, cloudEvent);
        StreamEntry entry = new StreamEntry(id, position, StreamPosition.key(topic, partition), offset,
                recordType(topic), type.replaceAll("[\\r\\n]", ""), eventId, cloudEvent.encode(), tags.actors,
                tags.theater, tags.agreements);
        ring[slot] = entry;
        eventIds.add(eventId);
        newest = id;
        for (Listener listener : listeners) {
            listener.offer(entry);
        }
        return entry;
    }

    /** Registers a listener for every entry after the current head, which it returns. */
    public synchronized long subscribe(Listener listener) {
        listeners.add(listener);
        return newest;
    }

    public void unsubscribe(Listener listener) {
        listeners.remove(listener);
    }

    /** The entry with this sequence, or {@code null} if it is no longer (or not yet) kept. */
    public synchronized StreamEntry get(long id) {
        if (id < oldest() || id > newest) {
            return null;
        }
        return ring[slot(id)];
    }

    /**
     * Records where the broker's log of a partition begins when the gateway starts reading it: offsets before it were
     * deleted by the broker's retention, so a client whose position is further back has missed them.
     */
    public synchronized void partitionBegins(String topic, int partition, long firstOffset) {
        if (firstOffset > 0) {
            evictedUpTo.merge(StreamPosition.key(topic, partition), firstOffset - 1, Math::max);
        }
    }

    /** Whether events past this position are no longer kept: a client resuming from it has missed some. */
    public synchronized boolean evictedPast(StreamPosition from) {
        return evictedUpTo.entrySet().stream().anyMatch(evicted -> evicted.getValue() > from.offset(evicted.getKey()));
    }

    /** The sequence of the oldest entry kept (the head + 1 while the journal is empty). */
    public synchronized long oldest() {
        return Math.max(1, newest - ring.length + 1);
    }

    public synchronized long newest() {
        return newest;
    }

    public int listeners() {
        return listeners.size();
    }

    private int slot(long id) {
        return (int) ((id - 1) % ring.length);
    }

    static String recordType(String topic) {
        return switch (topic) {
            case Topics.ACTORS -> "actor";
            case Topics.EVENTS -> "event";
            case Topics.AGREEMENTS -> "agreement";
            default -> topic;
        };
    }

    private record Tags(Set<String> actors, String theater, Set<String> agreements) {
    }

    private Tags tags(String topic, JsonObject cloudEvent) {
        String subject = text(cloudEvent.getValue(CloudEventAttributes.SUBJECT));
        JsonObject data = cloudEvent.getValue(CloudEventAttributes.DATA) instanceof JsonObject o ? o : new JsonObject();
        JsonObject details = data.getValue("details") instanceof JsonObject o ? o : data;
        Set<String> actors = new LinkedHashSet<>();
        Set<String> agreements = new LinkedHashSet<>();
        String theater = text(details.getValue("theater"));
        switch (topic) {
            case Topics.ACTORS -> {
                add(actors, subject);
                add(actors, text(data.getValue("actorId")));
                add(actors, text(data.getValue("counterpartId")));
                add(actors, text(data.getValue("intoActorId")));
                return new Tags(Set.copyOf(actors), theater, Set.of());
            }
            case Topics.EVENTS -> {
                if (details.getValue("actors") instanceof JsonArray involved) {
                    for (Object actor : involved) {
                        if (actor instanceof JsonObject o) {
                            add(actors, text(o.getValue("actorId")));
                            add(actors, text(o.getValue("actor")));
                        } else {
                            add(actors, text(actor));
                        }
                    }
                }
                add(agreements, text(details.getValue("agreementId")));
                add(agreements, text(details.getValue("agreement")));
            }
            case Topics.AGREEMENTS -> {
                add(agreements, subject);
                add(agreements, text(data.getValue("agreementId")));
                for (String parties : List.of("signatories", "witnesses")) {
                    if (details.getValue(parties) instanceof JsonArray list) {
                        list.forEach(party -> add(actors, text(party)));
                    }
                }
            }
            default -> {
                return new Tags(Set.of(), theater, Set.of());
            }
        }
        Tags before = subject == null ? null : records.get(subject);
        Tags now = new Tags(
                actors.isEmpty() && before != null ? before.actors : Set.copyOf(actors),
                theater == null && before != null ? before.theater : theater,
                agreements.isEmpty() && before != null ? before.agreements : Set.copyOf(agreements));
        if (subject != null) {
            records.put(subject, now);
        }
        return now;
    }

    private static void add(Set<String> to, String value) {
        if (value != null && !value.isBlank()) {
            to.add(value);
        }
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
