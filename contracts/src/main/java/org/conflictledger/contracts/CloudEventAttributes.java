package org.conflictledger.contracts;

/**
 * Names of the attributes of a ledger CloudEvent (structured JSON mode, spec version 1.0).
 * The audit metadata of the stored event travels as extension attributes; CloudEvents allows
 * only lower-case letters and digits in extension names, hence {@code correlationid}.
 */
public final class CloudEventAttributes {
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String SPECVERSION = "specversion";
    public static final String TYPE = "type";
    public static final String SUBJECT = "subject";
    public static final String TIME = "time";
    public static final String DATACONTENTTYPE = "datacontenttype";
    public static final String DATA = "data";

    /** Who made the change (the token's subject, or {@code anonymous}). */
    public static final String PRINCIPAL = "principal";
    /** Why the change was made, as given by the caller. */
    public static final String REASON = "reason";
    /** The citations supporting the change, as a JSON array serialised into a string. */
    public static final String SOURCES = "sources";
    public static final String CORRELATION_ID = "correlationid";
    public static final String CAUSATION_ID = "causationid";
    /** Zero-based position of the event in its record's history. */
    public static final String SEQUENCE = "sequence";
    /** Hash chain link of the event (hex SHA-256). */
    public static final String HASH = "hash";

    private CloudEventAttributes() {
    }
}
