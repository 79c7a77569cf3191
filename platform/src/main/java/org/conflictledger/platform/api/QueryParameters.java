package org.conflictledger.platform.api;

import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parses query parameters by hand, so that a value that does not parse is a 400 naming the
 * parameter (JAX-RS would answer a failed query-parameter conversion with a bare 404).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(name, "must be a date (yyyy-MM-dd)");
        }
    }

    /** The earliest and latest instants a parameter may name: what both databases can compare with. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(name, "must be an instant (ISO 8601, e.g. 2020-11-10T00:00:00Z)");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidRequest(name, "must be an instant from the year 1 to the year 9999");
        }
        return instant;
    }

    /**
     * The instant a list is asked "as of": not in the future, since the list at a later instant is not known yet and a
     * citation of it would not give the same list back.
     */
    public static Instant listedAsOf(String name, String text) {
        Instant asOf = instant(name, text);
        if (asOf != null && asOf.isAfter(Instant.now())) {
            throw new InvalidRequest(name, "must not be in the future: the list at a later instant is not known yet");
        }
        return asOf;
    }

    /** The longest search text ({@code q}) a list takes, in characters: every search scans text of many records. */
    public static final int MAX_SEARCH_LENGTH = 200;

    /** A search text: stripped, null when blank, at most {@link #MAX_SEARCH_LENGTH} characters (else a 400). */
    public static String searchText(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_SEARCH_LENGTH) {
            throw new InvalidRequest(name, "at most " + MAX_SEARCH_LENGTH + " characters");
        }
        return stripped;
    }

    /** The longest {@code externalId} filter: a scheme, a colon and a value. */
    public static final int MAX_EXTERNAL_ID_FILTER = ExternalIds.MAX_SCHEME + 1 + ExternalIds.MAX_VALUE;

    /**
     * An {@code externalId} filter, {@code scheme:value} exactly as an id is held (not trimmed); null when blank, a 400
     * when it is not an identifier.
     */
    public static ExternalId externalId(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = ExternalIds.split(text)
                .orElseThrow(() -> new InvalidRequest(name, "must be scheme:value, e.g. wikidata:Q43"));
        ExternalIds.schemeProblem(parts[0]).or(() -> ExternalIds.valueProblem(parts[0], parts[1]))
                .ifPresent(problem -> {
                    throw new InvalidRequest(name, "is not scheme:value: its part " + problem);
                });
        return new ExternalId(parts[0], parts[1]);
    }

    /** A page size: {@link Page#DEFAULT_LIMIT} when absent, 1 to {@link Page#MAX_LIMIT} otherwise. */
    public static int limit(String text) {
        if (text == null || text.isBlank()) {
            return Page.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= Page.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequest("limit", "must be an integer from 1 to " + Page.MAX_LIMIT);
    }

    /** A whole number of at least {@code minimum}, or {@code absent} when the parameter is not given. */
    public static long number(String name, String text, long minimum, Long absent) {
        if (text == null || text.isBlank()) {
            if (absent == null) {
                throw new InvalidRequest(name, "is required");
            }
            return absent;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= minimum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequest(name, "must be a whole number of at least " + minimum);
    }
}
