package org.conflictledger.contracts;

import java.util.regex.Pattern;

/**
 * The sizes and shapes every writer of the record keeps to: the services' request validation and aggregates, and the
 * dataset importer, which checks a whole dataset before it sends anything. One copy, so that the importer and the
 * services' request validation cannot drift apart. Constants, usable in annotations. (events-service's rules still
 * hold a conflict event's source titles to {@link #MAX_NAME}, below {@link #MAX_SOURCE_TITLE}: such a title is
 * refused with a 409 after validation let it through.)
 */
public final class RecordLimits {
    /** An actor's key: 2 to 64 upper-case letters, digits, {@code _} or {@code -}, starting with a letter or digit. */
    public static final String ACTOR_KEY = "[A-Z0-9][A-Z0-9_-]{1,63}";
    public static final String ACTOR_KEY_RULE = "must be 2-64 upper-case letters, digits, '_' or '-'";
    /** An ISO 3166-1 alpha-3 country code. */
    public static final String COUNTRY = "[A-Z]{3}";
    public static final String COUNTRY_RULE = "must be an ISO 3166-1 alpha-3 code";
    /** A source's address. */
    public static final String URL = "https?://\\S+";
    public static final String URL_RULE = "must be an http(s) URL";
    /**
     * An identifier in another dataset kept in a field of its own (ACLED, UCDP GED, PA-X): no blanks, no control or
     * invisible format characters. Written with {@code \\x} and {@code \\u} escapes only, not {@code \\p{..}} classes,
     * because the API description publishes it and clients check it with their own regex engines (ECMA-262, Python).
     */
    public static final String EXTERNAL_ID = "[^\\s\\x00-\\x1F\\x7F-\\x9F\\u00A0\\u00AD\\u1680\\u2000-\\u200F"
            + "\\u2028-\\u202F\\u205F-\\u206F\\u3000\\uFEFF]+";
    public static final String EXTERNAL_ID_RULE = "must not contain blanks or control characters";
    private static final Pattern EXTERNAL_ID_PATTERN = Pattern.compile(EXTERNAL_ID);

    /** Names and aliases of actors; places and administrative areas of events; what a quantity counts. */
    public static final int MAX_NAME = 200;
    /** An actor named by its id or key in a request. */
    public static final int MAX_REFERENCE = 64;
    public static final int MAX_EXTERNAL_ID = 64;
    /** Why a change is made. */
    public static final int MAX_REASON = 2000;
    /** Free notes on an event, an agreement or a term, and a term's text. */
    public static final int MAX_NOTES = 5000;
    /** Entries of any list in a change: aliases, sources, actors of an event, signatories, quantities, … */
    public static final int MAX_LIST = 50;

    /** A source citation. */
    public static final int MAX_SOURCE_TITLE = 500;
    public static final int MAX_PUBLISHER = 200;
    public static final int MAX_URL = 2000;

    /** An event's reference to a term of an agreement (its id or its order). */
    public static final int MAX_TERM_REFERENCE = 200;

    public static final int MAX_AGREEMENT_TITLE = 300;
    /** An IANA time-zone name. */
    public static final int MAX_ZONE = 64;
    public static final int MAX_TERMS = 500;
    /** A term's place in its agreement: 1 to this. */
    public static final int MAX_ORDER = 10_000;
    public static final int MAX_ARTICLE = 100;
    public static final int MAX_UNIT = 64;
    /** The note on a piece of compliance evidence. */
    public static final int MAX_EVIDENCE_NOTE = 1000;

    private RecordLimits() {
    }

    /** Whether {@code text} has the shape of {@link #EXTERNAL_ID} (its length is checked apart). */
    public static boolean isExternalId(String text) {
        return text != null && EXTERNAL_ID_PATTERN.matcher(text).matches();
    }
}
