package org.conflictledger.platform.audit;

/** Keys of the audit metadata stored with every event. */
public final class AuditMetadata {
    /** Who made the change: the caller's identity, {@code anonymous} when there is none. */
    public static final String PRINCIPAL = "principal";
    /** Why, in the caller's words. */
    public static final String REASON = "reason";
    /** Citations ({@code title, publisher, url, date}) supporting the change. */
    public static final String SOURCES = "sources";
    /** Shared by everything one client request caused, across services. */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message (command or event) that caused this event. */
    public static final String CAUSATION_ID = "causationId";
    /** When the event was recorded (transaction time), ISO 8601. */
    public static final String RECORDED_AT = "recordedAt";
    /** This event's link in its record's hash chain. */
    public static final String HASH = org.conflictledger.transparency.HashChain.HASH;

    public static final String ANONYMOUS = "anonymous";

    private AuditMetadata() {
    }
}
