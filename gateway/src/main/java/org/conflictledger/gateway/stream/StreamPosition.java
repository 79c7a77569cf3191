package org.conflictledger.gateway.stream;

import org.conflictledger.contracts.Topics;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in the ledger's topics a stream stands: for each partition, the offset of the last record read. It is the
 * SSE id of each event (the position right after it), so it means the same to every gateway process: after a
 * restart, or at another replica that read the topics in a different interleaving, the events a client has not seen
 * are exactly those past its position in their partition. Written compactly: {@code a0:15,e0:42,g0:7} (actors,
 * events and agreements topics, partition, offset). {@code 0} names the start, before every event.
 */
public final class StreamPosition {
    private static final Pattern PART = Pattern.compile("([aeg])(\\d{1,5}):(\\d{1,19})");
    private static final int MAX_PARTS = 1000;

    private final Map<String, Long> offsets;

    private StreamPosition(Map<String, Long> offsets) {
        this.offsets = offsets;
    }

    public static StreamPosition start() {
        return new StreamPosition(Collections.emptyMap());
    }

    /** This position with one more record read. */
    StreamPosition after(String topic, int partition, long offset) {
        Map<String, Long> next = new TreeMap<>(offsets);
        next.merge(key(topic, partition), offset, Math::max);
        return new StreamPosition(Collections.unmodifiableMap(next));
    }

    /** This position, raised to {@code floor} in every partition where {@code floor} is further. */
    StreamPosition atLeast(StreamPosition floor) {
        Map<String, Long> merged = new TreeMap<>(offsets);
        floor.offsets.forEach((key, offset) -> merged.merge(key, offset, Math::max));
        return new StreamPosition(Collections.unmodifiableMap(merged));
    }

    /** Whether a client at this position has already had (or skipped) the record at this offset. */
    boolean covers(String partitionKey, long offset) {
        Long seen = offsets.get(partitionKey);
        return seen != null && offset <= seen;
    }

    /** The offset read last in a partition, or -1 when none. */
    long offset(String partitionKey) {
        return offsets.getOrDefault(partitionKey, -1L);
    }

    /** The position an SSE id names, or empty when it is not one this stream sends. */
    public static Optional<StreamPosition> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.strip().equals("0")) {
            return Optional.of(start()); // before everything: the whole window the gateway keeps
        }
        String[] parts = text.strip().split(",", -1);
        if (parts.length > MAX_PARTS) {
            return Optional.empty();
        }
        Map<String, Long> offsets = new TreeMap<>();
        for (String part : parts) {
            Matcher matcher = PART.matcher(part);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            try {
                long offset = Long.parseLong(matcher.group(3));
                if (offsets.put(matcher.group(1) + Integer.parseInt(matcher.group(2)), offset) != null) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new StreamPosition(Collections.unmodifiableMap(offsets)));
    }

    static String key(String topic, int partition) {
        return code(topic) + partition;
    }

    private static String code(String topic) {
        return switch (topic) {
            case Topics.ACTORS -> "a";
            case Topics.EVENTS -> "e";
            case Topics.AGREEMENTS -> "g";
            default -> throw new IllegalArgumentException("not a ledger topic: " + topic);
        };
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        offsets.forEach((key, offset) -> text.append(text.isEmpty() ? "" : ",").append(key).append(':').append(offset));
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamPosition position && position.offsets.equals(offsets);
    }

    @Override
    public int hashCode() {
        return offsets.hashCode();
    }
}
