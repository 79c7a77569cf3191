package org.conflictledger.platform.axon;

/**
 * One kind of record a service keeps as an event-sourced aggregate.
 *
 * @param name          the record's name in event types and URLs, e.g. {@code actor}
 * @param aggregateType the Axon aggregate class
 */
public record RecordType(String name, Class<?> aggregateType) {
}
