package org.conflictledger.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.conflictledger.platform.axon.LedgerObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One byte sequence per JSON value, whatever the order of its object members, so that a hash
 * computed when an event is written can be recomputed from what the store holds.
 */
final class CanonicalJson {
    private static final ObjectMapper MAPPER = LedgerObjectMapper.create()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private CanonicalJson() {
    }

    /** Canonical form of stored JSON bytes. */
    static byte[] ofJson(byte[] json) {
        try {
            return MAPPER.writeValueAsBytes(MAPPER.readValue(json, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON is unreadable", e);
        }
    }

    /** Canonical form of a value (a map of metadata, say). */
    static byte[] ofValue(Object value) {
        try {
            return MAPPER.writeValueAsBytes(MAPPER.convertValue(value, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Value cannot be written as JSON", e);
        }
    }

    /** Reads stored JSON metadata into a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readMap(byte[] json) {
        try {
            return json == null ? Map.of() : MAPPER.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored metadata is unreadable", e);
        }
    }
}
