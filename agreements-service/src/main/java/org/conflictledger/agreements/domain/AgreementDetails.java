package org.conflictledger.agreements.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.conflictledger.contracts.AgreementKind;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.Theater;

/**
 * What an agreement says about itself: its title and kind, where and when it was signed, the
 * instant it takes effect with the time zone it was stated in (the 2020 statement took effect at
 * 00:00 Moscow time), who signed and witnessed it, and the agreements it supersedes or complements.
 * Actors and agreements are named by id. {@code externalIds} are its identifiers in other datasets besides its PA-X id
 * (which a request may also name there, as {@code pax:}), sorted by scheme, then value; absent from agreements recorded
 * before it existed, which read as an empty list.
 */
public record AgreementDetails(
        String title,
        AgreementKind kind,
        Theater theater,
        LocalDate signedOn,
        String signedPlace,
        Instant inForceAt,
        String inForceZone,
        List<UUID> signatories,
        List<UUID> witnesses,
        List<UUID> supersedes,
        List<UUID> complements,
        String paxAgreementId,
        List<ExternalId> externalIds) {

    public AgreementDetails {
        signatories = signatories == null ? List.of() : signatories;
        witnesses = witnesses == null ? List.of() : witnesses;
        supersedes = supersedes == null ? List.of() : supersedes;
        complements = complements == null ? List.of() : complements;
        externalIds = externalIds == null ? List.of() : externalIds;
    }
}
