package org.conflictledger.events.api.formats;

/**
 * A CSV that cannot be read at all (malformed, missing a required column, or too large), as opposed
 * to a row with bad values, which is reported as a {@link RowError} of its {@link ParsedRow}.
 */
public class AcledCsvException extends RuntimeException {

    private final int line;

    public AcledCsvException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The line (1-based) where the problem was found. */
    public int line() {
        return line;
    }
}
