package org.conflictledger.contracts;

/**
 * CloudEvent types about a service's transparency log rather than a record. They travel on the service's topic
 * with the record events; a consumer of records skips them (they carry no record subject or sequence).
 */
public final class LogEventTypes {
    /** Every type about the log starts with this. */
    public static final String PREFIX = "ledger.log.";
    /** A signed checkpoint of the log; data is the checkpoint as {@code GET …/log/checkpoints/latest} answers it. */
    public static final String CHECKPOINT = PREFIX + "checkpoint.v1";

    private LogEventTypes() {
    }

    public static boolean isLogEvent(String type) {
        return type != null && type.startsWith(PREFIX);
    }
}
