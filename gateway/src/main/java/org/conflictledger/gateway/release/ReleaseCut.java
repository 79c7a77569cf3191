package org.conflictledger.gateway.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.JsonObject;
import org.conflictledger.contracts.ReleaseRules;
import org.conflictledger.gateway.routing.FieldError;
import org.conflictledger.gateway.routing.InvalidInput;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The body of {@code POST /api/v1/releases}, read strictly so that every fault is named in one 400: {@code name}
 * and {@code note} by the rules of {@link ReleaseRules}, {@code freezesAt} an ISO 8601 instant not after the
 * gateway's clock (its own now when absent), and no other field. The instant is floored to microseconds, the
 * precision the services store, so that the three parts freeze the very same instant.
 *
 * @param freezesAt the one instant every service's part freezes
 */
public record ReleaseCut(String name, Instant freezesAt, String note) {
    public static final List<String> FIELDS = List.of("name", "freezesAt", "note");
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A value that is not understood, for the problem document's {@code errors}. */
    public record Error(String field, String message) {
    }

    /** The body of the services' {@code PUT …/releases/{name}}. */
    public JsonObject servicesBody() {
        return new JsonObject().put("freezesAt", freezesAt.toString()).put("note", note);
    }

    /**
     * Reads a request body; throws {@link InvalidInput} naming every field at fault.
     *
     * @param now the gateway's clock: the latest {@code freezesAt} allowed, and the one used when none is given
     */
    public static ReleaseCut parse(String body, Instant now) {
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInput(List.of(new FieldError("body", "is not JSON: " + e.getOriginalMessage())));
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidInput(List.of(new FieldError("body", "must be a JSON object with name, note and optionally freezesAt")));
        }
        List<FieldError> errors = new ArrayList<>();
        String name = text(tree, "name", errors);
        if (name != null || !errors.stream().anyMatch(e -> e.field().equals("name"))) {
            String problem = name == null ? "is required: " + ReleaseRules.NAME_RULE : ReleaseRules.nameProblem(name);
            if (problem != null) {
                errors.add(new FieldError("name", problem));
            }
        }
        Instant floor = now.truncatedTo(ChronoUnit.MICROS);
        Instant freezesAt = floor;
        String given = text(tree, "freezesAt", errors);
        if (given != null) {
            try {
                freezesAt = Instant.parse(given).truncatedTo(ChronoUnit.MICROS);
                if (freezesAt.isAfter(floor)) {
                    errors.add(new FieldError("freezesAt", "must not be in the future (the gateway's clock reads " + floor
                            + "); leave it out to freeze the release now"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("freezesAt", "must be an ISO 8601 instant in UTC, e.g. 2020-12-31T23:59:59Z"));
            }
        }
        String note = text(tree, "note", errors);
        if (note != null || !errors.stream().anyMatch(e -> e.field().equals("note"))) {
            String problem = ReleaseRules.noteProblem(note);
            if (problem != null) {
                errors.add(new FieldError("note", problem));
            }
        }
        for (Iterator<String> fields = tree.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "unknown field; accepted: " + String.join(", ", FIELDS)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ReleaseCut(name, freezesAt, note);
    }

    /** The field's text; null when it is absent or null, or (noted in errors) not a string. */
    private static String text(JsonNode tree, String field, List<FieldError> errors) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return value.asText();
    }
}
