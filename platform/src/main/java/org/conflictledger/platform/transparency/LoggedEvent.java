package org.conflictledger.platform.transparency;

/**
 * A leaf of the log with the stored event it was written for; {@code event} is null when the store no longer
 * holds an event at that global index (a row deleted behind the service's back).
 */
public record LoggedEvent(long position, long globalIndex, String aggregateId, long sequence, String leafHash,
                          StoredEvent event) {
}
