package org.conflictledger.agreements.query;

import org.conflictledger.contracts.AgreementKind;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.Theater;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What to list: each non-null field narrows the list. Agreements come in signing order (then id;
 * unsigned ones last), after {@code after} when paging.
 *
 * @param signatory an actor that signed the agreement
 * @param inForceAt an instant at which the agreement was in force
 * @param text      words in the title or signing place
 * @param externalId an identifier the agreement has in another dataset
 */
public record AgreementFilter(
        Theater theater,
        AgreementStatus status,
        AgreementKind kind,
        UUID signatory,
        Instant inForceAt,
        String text,
        ExternalId externalId,
        Position after) {

    /** The same filter, listing from just after {@code position} (from the start when null). */
    public AgreementFilter startingAfter(Position position) {
        return new AgreementFilter(theater, status, kind, signatory, inForceAt, text, externalId, position);
    }

    /** Where a page ended: the signing date (null when unsigned) and id of its last agreement. */
    public record Position(LocalDate signedOn, UUID id) {
    }
}
