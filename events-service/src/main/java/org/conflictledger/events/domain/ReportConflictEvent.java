package org.conflictledger.events.domain;

import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reports a new conflict event. The aggregate fills in the defaults (the type's ACLED sub-type,
 * a precision of a day), trims texts and rejects anything it cannot hold.
 */
public record ReportConflictEvent(
        @TargetAggregateIdentifier UUID eventId,
        ConflictEventDetails details) {
}
