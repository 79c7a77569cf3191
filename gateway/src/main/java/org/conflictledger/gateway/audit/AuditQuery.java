package org.conflictledger.gateway.audit;

import org.conflictledger.gateway.routing.FieldError;
import org.conflictledger.gateway.routing.InvalidInput;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query of {@code GET /api/v1/audit}, read by hand so that every value that does not parse is named in one 400:
 * {@code principal} (exact), {@code from} (inclusive) and {@code to} (exclusive) instants, {@code recordType}
 * ({@code actor}, {@code event} or {@code agreement}, also {@code conflict-event}; a comma list or repeated),
 * {@code cursor} and {@code limit} (1 to 500, default 50).
 */
public record AuditQuery(String principal, Instant from, Instant to, Set<String> recordTypes, AuditCursor cursor,
                         int limit) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_PRINCIPAL = 320;
    /** Record types in the order their services break ties: the order of the services behind the gateway. */
    public static final List<String> RECORD_TYPES = List.of("actor", "event", "agreement");
    private static final Map<String, String> ALIASES = Map.of("conflict-event", "event");

    /** The query parameters the audit view takes; any other is refused, never ignored. */
    public static final List<String> PARAMETERS = List.of("principal", "from", "to", "recordType", "cursor", "limit");

    /**
     * Reads the parameters as given (each may be null); throws {@link InvalidInput} naming every bad one, and every
     * parameter the request names ({@code given}) that the audit view does not take.
     */
    public static AuditQuery parse(Collection<String> given, String principal, String from, String to,
                                   List<String> recordTypes, String cursor, String limit) {
        List<FieldError> errors = new ArrayList<>();
        given.stream().filter(name -> !PARAMETERS.contains(name)).sorted().forEach(name -> errors.add(new FieldError(name,
                "unknown query parameter; accepted: " + String.join(", ", PARAMETERS))));
        String who = principal == null || principal.isBlank() ? null : principal.strip();
        if (who != null && who.length() > MAX_PRINCIPAL) {
            errors.add(new FieldError("principal", "must be at most " + MAX_PRINCIPAL + " characters"));
        }
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        Set<String> types = recordTypes(recordTypes, errors);
        AuditCursor position = null;
        if (cursor != null && !cursor.isBlank()) {
            position = AuditCursor.decode(cursor.strip());
            if (position == null) {
                errors.add(new FieldError("cursor", "is not a cursor this API returned"));
            }
        }
        int size = limit(limit, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new AuditQuery(who, start, end, types, position, size);
    }

    private static Instant instant(String name, String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an instant (ISO 8601, e.g. 2020-11-10T00:00:00Z)"));
            return null;
        }
    }

    private static Set<String> recordTypes(List<String> given, List<FieldError> errors) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String value : given == null ? List.<String>of() : given) {
            for (String part : value.split(",")) {
                String name = part.strip();
                if (name.isEmpty()) {
                    continue;
                }
                String type = ALIASES.getOrDefault(name, name);
                if (RECORD_TYPES.contains(type)) {
                    chosen.add(type);
                } else {
                    errors.add(new FieldError("recordType", "'" + name + "' is not one of actor, event (or conflict-event), agreement"));
                }
            }
        }
        if (chosen.isEmpty()) {
            return new LinkedHashSet<>(RECORD_TYPES);
        }
        Set<String> ordered = new LinkedHashSet<>();
        RECORD_TYPES.stream().filter(chosen::contains).forEach(ordered::add);
        return ordered;
    }

    private static int limit(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError("limit", "must be an integer from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }
}
