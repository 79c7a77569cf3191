package org.conflictledger.events.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.Theater;

/**
 * Everything a report of a conflict event holds. A correction carries a complete new set of
 * details, never a patch. The aggregate normalises what it accepts (see {@link ConflictEventRules}),
 * so the details in a stored event are already normalised.
 *
 * @param subType       the ACLED sub-event type; {@code null} in a command means the type's default
 * @param datePrecision how precisely {@code date} is known; {@code null} in a command means {@code DAY}
 * @param endDate       the last day of an event that lasted several days; {@code null} for one day
 * @param location      where it happened; {@code null} when not tied to a place (a sanction, a statement)
 * @param actors        the actors involved and their roles; at least one
 * @param fatalities    low / best / high estimates; {@code null} when unknown
 * @param confidence    how sure the record is, 0..1; {@code null} when not assessed
 * @param agreementId   the agreement the event concerns (required for a violation)
 * @param term          the term of that agreement the event concerns (only with an agreement)
 * @param respondsTo    the conflict event this one responds to
 * @param acledEventId  ACLED's {@code event_id_cnty}, to cross the record with ACLED
 * @param ucdpGedId     UCDP GED's {@code id}, to cross the record with UCDP
 * @param externalIds   identifiers in other datasets besides those two (which a request may also name here, as
 *                      {@code acled:} and {@code ucdp-ged:}); normalised: sorted by scheme, then value, no repeats.
 *                      Absent from events recorded before it existed, which read as an empty list
 */
public record ConflictEventDetails(
        Theater theater,
        ConflictEventType type,
        AcledSubType subType,
        LocalDate date,
        DatePrecision datePrecision,
        LocalDate endDate,
        Location location,
        List<InvolvedActor> actors,
        Fatalities fatalities,
        String notes,
        Double confidence,
        UUID agreementId,
        String term,
        UUID respondsTo,
        List<Citation> sources,
        String acledEventId,
        String ucdpGedId,
        List<ExternalId> externalIds) {

    /** Lists are copied and unmodifiable ({@code null}: empty); a {@code null} element is kept for the rules to reject. */
    public ConflictEventDetails {
        actors = copy(actors);
        sources = copy(sources);
        externalIds = copy(externalIds);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
