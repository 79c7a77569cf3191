package org.conflictledger.gateway.audit;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a listing of {@code GET /api/v1/audit} stands, opaque to clients (base64url of a small JSON document):
 * <ul>
 *   <li>{@code asOf}: when the listing started. Every page asks the services for changes recorded before it, so
 *       changes made while a client pages do not slip into later pages out of order.</li>
 *   <li>{@code after}: per record type, the service's own cursor after the last change the gateway has handed out
 *       from it ({@code ""} when none yet). A record type that is no longer listed is exhausted.</li>
 * </ul>
 * Each service's cursor is that of the last item taken from it, never "page n, skip k", so a page neither repeats
 * nor skips a change, however the services' pages interleave.
 */
public record AuditCursor(Instant asOf, Map<String, String> after) {

    public AuditCursor {
        after = Map.copyOf(after);
    }

    public String encode() {
        JsonObject positions = new JsonObject();
        AuditQuery.RECORD_TYPES.stream().filter(after::containsKey).forEach(type -> positions.put(type, after.get(type)));
        JsonObject json = new JsonObject().put("asOf", asOf.toString()).put("after", positions);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a text names, or null when it is not one this gateway made. */
    public static AuditCursor decode(String text) {
        try {
            JsonObject json = new JsonObject(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            Instant asOf = Instant.parse(json.getString("asOf"));
            JsonObject positions = json.getJsonObject("after");
            Map<String, String> after = new LinkedHashMap<>();
            for (String type : positions.fieldNames()) {
                if (!AuditQuery.RECORD_TYPES.contains(type) || !(positions.getValue(type) instanceof String position)) {
                    return null;
                }
                after.put(type, position);
            }
            return new AuditCursor(asOf, after);
        } catch (IllegalArgumentException | DecodeException | DateTimeParseException | ClassCastException
                 | NullPointerException e) {
            return null;
        }
    }
}
