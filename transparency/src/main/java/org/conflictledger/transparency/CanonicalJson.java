package org.conflictledger.transparency;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One byte sequence per JSON value, whatever the order of its object members or its white space, so that a hash
 * computed when an event is written can be recomputed from what the store holds, by the service or by anyone
 * who downloads it.
 *
 * <p>Two forms: {@link Form#EXACT} keeps every digit of a number (two decimals that differ anywhere differ in the
 * canonical form, trailing zeros aside); {@link Form#LEGACY}, of the events recorded before it, reads numbers as
 * doubles, so decimals that differ only beyond double precision collide. An event's metadata names the form its
 * link was computed in ({@link HashChain#FORM}).
 */
public final class CanonicalJson {
    private static final ObjectMapper LEGACY = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** How numbers are read. */
    public enum Form {
        LEGACY, EXACT
    }

    private CanonicalJson() {
    }

    /** Canonical form of JSON bytes, reading numbers as doubles ({@link Form#LEGACY}). */
    public static byte[] of(byte[] json) {
        return of(json, Form.LEGACY);
    }

    /** Canonical form of JSON bytes. */
    public static byte[] of(byte[] json, Form form) {
        ObjectMapper mapper = mapper(form);
        try {
            Object value = mapper.readValue(json, Object.class);
            return mapper.writeValueAsBytes(form == Form.EXACT ? normalised(value) : value);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON is unreadable", e);
        }
    }

    /** Canonical form of a value made of maps, lists, strings, numbers and booleans. */
    public static byte[] ofValue(Object value) {
        try {
            return LEGACY.writeValueAsBytes(LEGACY.convertValue(value, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Value cannot be written as JSON", e);
        }
    }

    /** Reads a JSON object into a map; null for null bytes gives an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(byte[] json) {
        try {
            return json == null ? Map.of() : LEGACY.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored metadata is unreadable", e);
        }
    }

    private static ObjectMapper mapper(Form form) {
        return form == Form.EXACT ? EXACT : LEGACY;
    }

    /** The same value with each decimal without trailing zeros: 1.50 and 1.5 are one number. */
    private static Object normalised(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, member) -> copy.put(key, normalised(member)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(member -> copy.add(normalised(member)));
            return copy;
        }
        return value;
    }
}
