package org.conflictledger.contracts;

import java.util.regex.Pattern;

/**
 * What a release's name and note may be: one rule for the gateway, which cuts a release in every service, and for
 * each service, which keeps its part. A name is cited ("Conflict Ledger release 2020-12"), so it is short, starts
 * with a letter or digit and needs no escaping in a URL.
 */
public final class ReleaseRules {
    /** A release's name. */
    public static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String NAME_RULE =
            "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. 2020-12)";
    /** The longest note, in characters. */
    public static final int MAX_NOTE = 2000;
    public static final String NOTE_RULE = "is required: 1 to " + MAX_NOTE + " characters, not blank";

    private static final Pattern NAME_PATTERN = Pattern.compile(NAME);

    private ReleaseRules() {
    }

    /** What is wrong with a name; null when it is a valid one. */
    public static String nameProblem(String name) {
        return name != null && NAME_PATTERN.matcher(name).matches() ? null : NAME_RULE;
    }

    /** What is wrong with a note; null when it is a valid one. */
    public static String noteProblem(String note) {
        return note != null && !note.isBlank() && note.codePointCount(0, note.length()) <= MAX_NOTE ? null : NOTE_RULE;
    }
}
