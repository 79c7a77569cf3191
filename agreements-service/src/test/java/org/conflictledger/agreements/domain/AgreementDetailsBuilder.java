package org.conflictledger.agreements.domain;

import static org.conflictledger.agreements.domain.AgreementTestData.ARMENIA;
import static org.conflictledger.agreements.domain.AgreementTestData.AZERBAIJAN;
import static org.conflictledger.agreements.domain.AgreementTestData.IN_FORCE_AT;
import static org.conflictledger.agreements.domain.AgreementTestData.MOSCOW;
import static org.conflictledger.agreements.domain.AgreementTestData.RUSSIA;
import static org.conflictledger.agreements.domain.AgreementTestData.SIGNED_ON;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.conflictledger.contracts.AgreementKind;
import org.conflictledger.contracts.Theater;

/** Builds {@link AgreementDetails} from a known agreement, one field changed at a time. */
final class AgreementDetailsBuilder {

    static final String TITLE = "Statement by the President of the Republic of Azerbaijan, the Prime Minister of the"
            + " Republic of Armenia and the President of the Russian Federation";

    private String title;
    private AgreementKind kind;
    private Theater theater;
    private LocalDate signedOn;
    private String signedPlace;
    private Instant inForceAt;
    private String inForceZone;
    private List<UUID> signatories;
    private List<UUID> witnesses;
    private List<UUID> supersedes;
    private List<UUID> complements;
    private String paxAgreementId;

    private AgreementDetailsBuilder() {
    }

    /**
     * The trilateral statement of 9 November 2020 that ended the 2020 Nagorno-Karabakh war, in force
     * from 00:00 Moscow time on 10 November; every field normalised.
     */
    static AgreementDetailsBuilder trilateralStatement() {
        AgreementDetailsBuilder details = new AgreementDetailsBuilder();
        details.title = TITLE;
        details.kind = AgreementKind.CEASEFIRE;
        details.theater = Theater.NAGORNO_KARABAKH;
        details.signedOn = SIGNED_ON;
        details.signedPlace = "Moscow";
        details.inForceAt = IN_FORCE_AT;
        details.inForceZone = MOSCOW;
        details.signatories = List.of(AZERBAIJAN, ARMENIA, RUSSIA);
        details.witnesses = List.of();
        details.supersedes = List.of();
        details.complements = List.of();
        details.paxAgreementId = "2257";
        return details;
    }

    /** A draft with nothing but what every agreement needs. */
    static AgreementDetailsBuilder bareDraft() {
        return trilateralStatement().signedOn(null).signedPlace(null).inForceAt(null).inForceZone("UTC")
                .signatories().paxAgreementId(null);
    }

    AgreementDetailsBuilder title(String title) {
        this.title = title;
        return this;
    }

    AgreementDetailsBuilder kind(AgreementKind kind) {
        this.kind = kind;
        return this;
    }

    AgreementDetailsBuilder theater(Theater theater) {
        this.theater = theater;
        return this;
    }

    AgreementDetailsBuilder signedOn(LocalDate signedOn) {
        this.signedOn = signedOn;
        return this;
    }

    AgreementDetailsBuilder signedPlace(String signedPlace) {
        this.signedPlace = signedPlace;
        return this;
    }

    AgreementDetailsBuilder inForceAt(Instant inForceAt) {
        this.inForceAt = inForceAt;
        return this;
    }

    AgreementDetailsBuilder inForceZone(String inForceZone) {
        this.inForceZone = inForceZone;
        return this;
    }

    /** Allows null entries, to test that they are refused. */
    AgreementDetailsBuilder signatories(UUID... signatories) {
        this.signatories = Arrays.asList(signatories);
        return this;
    }

    AgreementDetailsBuilder signatories(List<UUID> signatories) {
        this.signatories = signatories;
        return this;
    }

    AgreementDetailsBuilder witnesses(UUID... witnesses) {
        this.witnesses = Arrays.asList(witnesses);
        return this;
    }

    AgreementDetailsBuilder supersedes(UUID... supersedes) {
        this.supersedes = Arrays.asList(supersedes);
        return this;
    }

    AgreementDetailsBuilder complements(UUID... complements) {
        this.complements = Arrays.asList(complements);
        return this;
    }

    AgreementDetailsBuilder paxAgreementId(String paxAgreementId) {
        this.paxAgreementId = paxAgreementId;
        return this;
    }

    AgreementDetails build() {
        return new AgreementDetails(title, kind, theater, signedOn, signedPlace, inForceAt, inForceZone, signatories,
                witnesses, supersedes, complements, paxAgreementId, null);
    }
}
