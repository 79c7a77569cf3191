package org.conflictledger.events.domain;

import java.util.List;
import java.util.UUID;

import org.axonframework.serialization.Revision;

/**
 * The event's details were replaced by {@code details} (the complete new set, normalised).
 *
 * @param changedFields the names of the top-level fields of {@link ConflictEventDetails} that
 *                      differ from the previous details, sorted
 */
@Revision("1")
public record ConflictEventCorrected(
        UUID eventId,
        ConflictEventDetails details,
        List<String> changedFields) {

    public ConflictEventCorrected {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
