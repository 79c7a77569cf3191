package org.conflictledger.platform.export;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.OutputStream;

/**
 * The JSON of canonical exports: the API's own mapper (the same fields, instants and numbers as its answers), with
 * object properties and map entries in alphabetical order and no indentation, so the bytes depend only on the
 * values, not on the order code declares fields in or a map happens to iterate in.
 */
@ApplicationScoped
public class CanonicalJson {
    private final ObjectWriter writer;

    CanonicalJson(ObjectMapper api) {
        ObjectMapper canonical = api.copy();
        if (canonical instanceof JsonMapper) {
            canonical = ((JsonMapper) canonical).rebuild()
                    .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .disable(SerializationFeature.INDENT_OUTPUT)
                    .build();
        } else {
            canonical.configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .disable(SerializationFeature.INDENT_OUTPUT);
        }
        this.writer = canonical.writer();
    }

    /** JSON Lines written to {@code out} in the canonical form. */
    public JsonLines lines(OutputStream out) {
        return new JsonLines(writer, out);
    }
}
