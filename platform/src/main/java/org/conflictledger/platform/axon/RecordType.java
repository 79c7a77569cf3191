package org.conflictledger.platform.axon;

/**
 * One kind of record a service keeps as an event-sourced aggregate.
 *
 * @param name          the record's name in event types and URLs, e.g. {@code actor}
 * @param aggregateType the Axon aggregate class
 * @param eventPrefix   the class-name prefix its events share, left out of their published type
 *                      ({@code ConflictEvent} makes {@code ConflictEventReported} {@code ledger.event.reported.v1})
 */
public record RecordType(String name, Class<?> aggregateType, String eventPrefix) {

    /** A record whose events are named after it, e.g. {@code ActorRenamed} of record {@code actor}. */
    public RecordType(String name, Class<?> aggregateType) {
        this(name, aggregateType, Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }
}
