package org.conflictledger.platform.messaging;

/**
 * A change whose CloudEvent would be larger than the topic takes (answered with 413 and a problem document). It is
 * refused before anything is stored: stored, it could never be published and would hold back every later event.
 */
public class ChangeTooLarge extends RuntimeException {
    private final int size;
    private final int limit;

    public ChangeTooLarge(String eventType, int size, int limit) {
        super("This change would be published as a " + eventType + " CloudEvent of " + size + " bytes; the topic takes"
                + " at most " + limit + ". Shorten its texts or cite fewer sources (text is counted as published, with"
                + " control characters escaped, and the sources are carried twice: in the record and in the audit"
                + " metadata).");
        this.size = size;
        this.limit = limit;
    }

    public int size() {
        return size;
    }

    public int limit() {
        return limit;
    }
}
