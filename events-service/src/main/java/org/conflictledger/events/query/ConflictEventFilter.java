package org.conflictledger.events.query;

import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.Theater;
import org.conflictledger.events.domain.ConflictEventStatus;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters of the conflict event list; null means "any".
 *
 * @param from       events that end on or after this day
 * @param to         events that start on or before this day
 * @param bbox       {minLongitude, minLatitude, maxLongitude, maxLatitude}
 * @param text       part of the place, admin areas or notes, case-insensitive
 * @param externalId an identifier the event has in another dataset
 * @param descending newest first
 * @param after      the page starts after this position in the order
 */
public record ConflictEventFilter(Theater theater, ConflictEventType type, UUID actor, ActorRole role,
                                  LocalDate from, LocalDate to, double[] bbox, UUID agreement, String text,
                                  ConflictEventStatus status, String acledEventId, ExternalId externalId,
                                  boolean descending,
                                  Position after) {

    /** The same filter, starting after {@code position}: the next batch of an export. */
    public ConflictEventFilter after(Position position) {
        return new ConflictEventFilter(theater, type, actor, role, from, to, bbox, agreement, text, status, acledEventId,
                externalId, descending, position);
    }

    /** A place in the (date, id) order of the list. */
    public record Position(LocalDate date, UUID id) {
    }
}
