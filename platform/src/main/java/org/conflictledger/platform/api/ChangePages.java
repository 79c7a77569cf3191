package org.conflictledger.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.platform.audit.Change;
import org.conflictledger.platform.audit.ChangeLog;
import org.conflictledger.platform.audit.ChangeQuery;
import org.conflictledger.platform.axon.RecordType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the query of a {@code GET …/changes} endpoint and pages through the service's {@link ChangeLog}. Every
 * parameter that does not parse is reported, each naming its field, in one 400.
 */
@ApplicationScoped
public class ChangePages {
    /** The longest principal a filter may name. */
    public static final int MAX_PRINCIPAL = 320;

    private final ChangeLog log;

    ChangePages(ChangeLog log) {
        this.log = log;
    }

    /**
     * One page of the service's changes, newest first.
     *
     * @param recordType  one or more (comma list) of the record types the service keeps, or null for all
     * @param cursor      the previous page's {@code next} (or an item's {@code cursor}), or null for the newest
     * @param limitText   the page size as given (1 to 500, default 50)
     */
    public Page<Change> page(String principal, String fromText, String toText, String recordType, String cursor,
                             String limitText) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String who = principal == null || principal.isBlank() ? null : principal.strip();
        if (who != null && who.length() > MAX_PRINCIPAL) {
            errors.add(new Problem.FieldError("principal", "must be at most " + MAX_PRINCIPAL + " characters"));
        }
        Instant from = parse(errors, () -> QueryParameters.instant("from", fromText));
        Instant to = parse(errors, () -> QueryParameters.instant("to", toText));
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new Problem.FieldError("to", "must be after from"));
        }
        List<RecordType> records = recordTypes(recordType, errors);
        Long before = parse(errors, () -> before(cursor));
        Integer limit = parse(errors, () -> QueryParameters.limit(limitText));
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return log.page(new ChangeQuery(who, from, to, records, before, limit));
    }

    private List<RecordType> recordTypes(String text, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<RecordType> chosen = new LinkedHashSet<>();
        List<RecordType> kept = log.recordTypes();
        for (String part : text.split(",")) {
            String name = part.strip();
            kept.stream().filter(record -> record.name().equals(name)).findFirst().ifPresentOrElse(chosen::add,
                    () -> errors.add(new Problem.FieldError("recordType", "'" + name + "' is not one of "
                            + kept.stream().map(RecordType::name).toList() + ", the records this service keeps")));
        }
        return List.copyOf(chosen);
    }

    private static Long before(String cursor) {
        String position = Cursors.decode(cursor);
        if (position == null) {
            return null;
        }
        try {
            long before = Long.parseLong(position);
            if (before > 0) {
                return before;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequest("cursor", "is not a cursor this API returned");
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T parse(List<Problem.FieldError> errors, Parse<T> parse) {
        try {
            return parse.get();
        } catch (InvalidRequest e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
