package org.conflictledger.contracts;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Identifiers a record has in other datasets, as {@code scheme:value} pairs ({@code wikidata:Q43}): the one copy of
 * their rules, for every record type and module. Known schemes check their values' shape; any other scheme is free
 * (lower-case letters, digits and {@code -}). An identifier names at most one record per record type, except for
 * a classification scheme ({@link #ACLED_INTERACTION}), which many records share. A scheme means what its dataset
 * means for the record type: {@code acled} is an actor's name in ACLED on an actor and ACLED's
 * {@code event_id_cnty} on a conflict event.
 */
public final class ExternalIds {
    /** A Wikidata item: {@code Q} and digits. */
    public static final String WIKIDATA = "wikidata";
    /** An actor's name as ACLED writes it in actor1/actor2 ({@code Military Forces of Azerbaijan (2003-)}). */
    public static final String ACLED = "acled";
    /** ACLED's interaction code of an actor's type, 1 (state forces) to 8 (external/other forces). */
    public static final String ACLED_INTERACTION = "acled-interaction";
    /** A UCDP actor id (digits). */
    public static final String UCDP = "ucdp";
    /** A conflict event's UCDP GED id, the event's {@code ucdpGedId}. */
    public static final String UCDP_GED = "ucdp-ged";
    /** An agreement's PA-X id ({@code AgtId}), the agreement's {@code paxAgreementId}. */
    public static final String PAX = "pax";
    /** At most this many identifiers per record. */
    public static final int MAX_PER_RECORD = RecordLimits.MAX_LIST;

    public static final String SCHEME = "[a-z][a-z0-9-]{1,31}";
    public static final String SCHEME_RULE = "must be 2-32 lower-case letters, digits or '-', starting with a letter";
    public static final int MAX_SCHEME = 32;
    public static final int MAX_VALUE = RecordLimits.MAX_NAME;

    private static final Pattern SCHEME_PATTERN = Pattern.compile(SCHEME);
    /** No control character anywhere (NUL included), no blank or invisible format character at either end. */
    private static final Pattern FREE_VALUE = Pattern.compile(
            "[^\\p{Cc}\\p{Cf}\\p{Z}](?:[^\\p{Cc}]*[^\\p{Cc}\\p{Cf}\\p{Z}])?");
    private static final Map<String, Known> KNOWN = Map.of(
            WIKIDATA, new Known(Pattern.compile("Q[1-9][0-9]{0,11}"), "must be a Wikidata item such as Q43"),
            UCDP, new Known(Pattern.compile("[1-9][0-9]{0,9}"), "must be a UCDP actor id (digits)"),
            ACLED_INTERACTION, new Known(Pattern.compile("[1-8]"), "must be an ACLED interaction code, 1 to 8"));

    private ExternalIds() {
    }

    /** Why {@code scheme} is not a scheme, or empty when it is one. */
    public static Optional<String> schemeProblem(String scheme) {
        return scheme != null && SCHEME_PATTERN.matcher(scheme).matches() ? Optional.empty() : Optional.of(SCHEME_RULE);
    }

    /** Why {@code value} is not an identifier of {@code scheme} (a valid scheme), or empty when it is one. */
    public static Optional<String> valueProblem(String scheme, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (value.length() > MAX_VALUE) {
            return Optional.of("must have at most " + MAX_VALUE + " characters");
        }
        Known known = KNOWN.get(scheme);
        if (known != null) {
            return known.pattern().matcher(value).matches() ? Optional.empty() : Optional.of(known.rule());
        }
        return FREE_VALUE.matcher(value).matches() ? Optional.empty()
                : Optional.of("must not start or end with a blank or hold control characters");
    }

    /** Whether an identifier of {@code scheme} names at most one record (all but classifications). */
    public static boolean unique(String scheme) {
        return !ACLED_INTERACTION.equals(scheme);
    }

    /** Why {@code id} is not an identifier (its scheme, then its value), or empty when it is one. */
    public static Optional<String> problem(ExternalId id) {
        return schemeProblem(id.scheme()).map(rule -> "its scheme " + rule)
                .or(() -> valueProblem(id.scheme(), id.value()).map(rule -> "its value " + rule));
    }

    /**
     * A {@code scheme:value} text split at its first colon; empty when there is no colon. The parts are not checked:
     * see {@link #schemeProblem} and {@link #valueProblem}.
     */
    public static Optional<String[]> split(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(new String[] {text.substring(0, colon), text.substring(colon + 1)});
    }

    private record Known(Pattern pattern, String rule) {
    }
}
