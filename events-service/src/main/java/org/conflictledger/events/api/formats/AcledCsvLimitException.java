package org.conflictledger.events.api.formats;

/** A CSV beyond what one import accepts (too many rows or too many bytes): a 413 rather than a 400. */
public class AcledCsvLimitException extends AcledCsvException {

    public AcledCsvLimitException(String message, int line) {
        super(message, line);
    }
}
