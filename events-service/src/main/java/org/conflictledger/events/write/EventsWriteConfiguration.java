package org.conflictledger.events.write;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.conflictledger.events.domain.ConflictEvent;
import org.conflictledger.platform.axon.RecordType;

/** Tells the platform which aggregate this service keeps. */
@ApplicationScoped
public class EventsWriteConfiguration {
    /** Conflict events: published as {@code ledger.event.<what>.v1}. */
    public static final RecordType RECORD = new RecordType("event", ConflictEvent.class, "ConflictEvent");

    @Produces
    @Singleton
    RecordType conflictEventRecord() {
        return RECORD;
    }
}
