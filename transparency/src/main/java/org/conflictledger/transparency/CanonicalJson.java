package org.conflictledger.transparency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One byte sequence per JSON value, whatever the order of its object members or its white space, so that a hash
 * computed when an event is written can be recomputed from what the store holds, by the service or by anyone
 * who downloads it.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private CanonicalJson() {
    }

    /** Canonical form of JSON bytes. */
    public static byte[] of(byte[] json) {
        try {
            return MAPPER.writeValueAsBytes(MAPPER.readValue(json, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON is unreadable", e);
        }
    }

    /** Canonical form of a value made of maps, lists, strings, numbers and booleans. */
    public static byte[] ofValue(Object value) {
        try {
            return MAPPER.writeValueAsBytes(MAPPER.convertValue(value, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Value cannot be written as JSON", e);
        }
    }

    /** Reads a JSON object into a map; null for null bytes gives an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(byte[] json) {
        try {
            return json == null ? Map.of() : MAPPER.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored metadata is unreadable", e);
        }
    }
}
