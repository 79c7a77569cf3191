package org.conflictledger.gateway.stream;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import org.conflictledger.contracts.RecordLimits;
import org.conflictledger.gateway.routing.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which events a client asked for: {@code recordType=actor|event|agreement} (repeatable or a comma list),
 * {@code types=<CloudEvent types, comma list>}, {@code actor=<uuid or key>}, {@code theater=<THEATER>},
 * {@code agreement=<uuid>}. Filters combine with AND; the values of one filter with OR.
 */
public record StreamFilter(Set<String> recordTypes, Set<String> types, String actor, String theater, String agreement) {
    static final Set<String> RECORD_TYPES = Set.of("actor", "event", "agreement");
    /**
     * The query parameters the stream takes (access_token and lastEventId: a browser's EventSource cannot send the
     * Authorization or Last-Event-ID header).
     */
    static final List<String> PARAMETERS = List.of("recordType", "types", "actor", "agreement", "theater", "access_token",
            StreamRoute.LAST_EVENT_ID_PARAMETER);
    /** The detail of the 400 problem for filters the stream does not understand. */
    static final String NOT_UNDERSTOOD = "The stream's filters are not understood; see errors";
    private static final Pattern TYPE = Pattern.compile("[a-z0-9]+(\\.[a-z0-9-]+)+");
    private static final Pattern THEATER = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    /** An actor key as actors-service gives them (TUR, OSCE-MINSK); resolved to the actor's id before streaming. */
    static final Pattern ACTOR_KEY = Pattern.compile(RecordLimits.ACTOR_KEY);

    public boolean matches(StreamEntry entry) {
        return (recordTypes.isEmpty() || recordTypes.contains(entry.recordType()))
                && (types.isEmpty() || types.contains(entry.type()))
                && (actor == null || entry.actors().contains(actor))
                && (theater == null || theater.equals(entry.theater()))
                && (agreement == null || entry.agreements().contains(agreement));
    }

    /** Reads the query; adds what is wrong to {@code errors}. */
    public static StreamFilter parse(MultiMap query, List<FieldError> errors) {
        query.names().stream().filter(name -> !PARAMETERS.contains(name)).sorted().forEach(name -> errors.add(
                new FieldError(name, "unknown query parameter; accepted: " + String.join(", ", PARAMETERS))));
        Set<String> recordTypes = new LinkedHashSet<>();
        for (String value : values(query, "recordType")) {
            if (RECORD_TYPES.contains(value)) {
                recordTypes.add(value);
            } else {
                errors.add(new FieldError("recordType", "'" + value + "' is not one of actor, event, agreement"));
            }
        }
        Set<String> types = new LinkedHashSet<>();
        for (String value : values(query, "types")) {
            if (TYPE.matcher(value).matches() && value.length() <= 200) {
                types.add(value);
            } else {
                errors.add(new FieldError("types", "'" + value + "' is not a CloudEvent type such as ledger.actor.renamed.v1"));
            }
        }
        String actor = actorIdOrKey(query, errors);
        String agreement = uuid(query, "agreement", errors);
        String theater = single(query, "theater", errors);
        if (theater != null && !THEATER.matcher(theater).matches()) {
            errors.add(new FieldError("theater", "'" + theater + "' is not a theater such as SYRIA or NAGORNO_KARABAKH"));
            theater = null;
        }
        return new StreamFilter(Set.copyOf(recordTypes), Set.copyOf(types), actor, theater, agreement);
    }

    /** Whether the actor filter still names a key, which the stream must resolve to an id first. */
    public boolean actorIsKey() {
        return actor != null && ACTOR_KEY.matcher(actor).matches();
    }

    /** This filter with the actor named by its id. */
    public StreamFilter withActorId(String id) {
        return new StreamFilter(recordTypes, types, id, theater, agreement);
    }

    private static String actorIdOrKey(MultiMap query, List<FieldError> errors) {
        String value = single(query, "actor", errors);
        if (value != null && ACTOR_KEY.matcher(value).matches()) {
            return value;
        }
        return value == null ? null : uuid(value, "actor", errors);
    }

    static JsonArray json(List<FieldError> errors) {
        JsonArray array = new JsonArray();
        errors.forEach(error -> array.add(error.json()));
        return array;
    }

    private static List<String> values(MultiMap query, String name) {
        List<String> values = new ArrayList<>();
        for (String given : query.getAll(name)) {
            for (String part : given.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    private static String single(MultiMap query, String name, List<FieldError> errors) {
        List<String> given = query.getAll(name);
        if (given.isEmpty()) {
            return null;
        }
        if (given.size() > 1) {
            errors.add(new FieldError(name, "give at most one " + name));
            return null;
        }
        String value = given.get(0).trim();
        if (value.isEmpty()) {
            errors.add(new FieldError(name, name + " is empty"));
            return null;
        }
        return value;
    }

    private static String uuid(MultiMap query, String name, List<FieldError> errors) {
        String value = single(query, name, errors);
        return value == null ? null : uuid(value, name, errors);
    }

    private static String uuid(String value, String name, List<FieldError> errors) {
        try {
            return UUID.fromString(value).toString().equals(value.toLowerCase()) ? value.toLowerCase() : reject(name, value, errors);
        } catch (IllegalArgumentException e) {
            return reject(name, value, errors);
        }
    }

    private static String reject(String name, String value, List<FieldError> errors) {
        errors.add(new FieldError(name, "'" + value + "' is not a record id (a UUID)"));
        return null;
    }
}
