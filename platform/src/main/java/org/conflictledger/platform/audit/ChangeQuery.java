package org.conflictledger.platform.audit;

import org.conflictledger.platform.axon.RecordType;

import java.time.Instant;
import java.util.List;

/**
 * What the cross-record audit view is asked for. Every filter is optional.
 *
 * @param principal   only changes made by exactly this principal
 * @param from        only changes recorded at or after this instant
 * @param to          only changes recorded before this instant
 * @param recordTypes only changes of these records (all the service keeps when empty)
 * @param before      only changes stored before this global position (the decoded cursor), null for the newest
 * @param limit       at most this many changes
 */
public record ChangeQuery(String principal, Instant from, Instant to, List<RecordType> recordTypes, Long before,
                          int limit) {

    public ChangeQuery {
        recordTypes = recordTypes == null ? List.of() : List.copyOf(recordTypes);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
