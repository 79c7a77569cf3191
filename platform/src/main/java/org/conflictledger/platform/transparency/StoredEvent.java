package org.conflictledger.platform.transparency;

import org.conflictledger.transparency.HashChain;
import org.conflictledger.transparency.LogEntry;

/** One row of the event store, column by column as stored. */
public record StoredEvent(long globalIndex, String eventId, String aggregateId, long sequence, String aggregateType,
                          String timestamp, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metaData) {
    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, "
            + "e.aggregate_type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

    /** The event's leaf in the log, computed from what the store holds now. */
    public LogEntry logEntry() {
        return new LogEntry(aggregateType, aggregateId, sequence, eventId, timestamp, payloadType, payloadRevision,
                HashChain.recordedHash(metaData));
    }
}
