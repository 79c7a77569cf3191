package org.conflictledger.contracts;

/**
 * CloudEvent {@code type}s published on {@link Topics#EVENTS}. The {@code data} of each is the
 * JSON of the stored event; every one carries {@code eventId}.
 */
public final class ConflictEventTypes {
    public static final String REPORTED = "ledger.event.reported.v1";
    public static final String CORRECTED = "ledger.event.corrected.v1";
    public static final String CONFIRMED = "ledger.event.confirmed.v1";
    public static final String DISPUTED = "ledger.event.disputed.v1";
    public static final String RETRACTED = "ledger.event.retracted.v1";

    private ConflictEventTypes() {
    }
}
