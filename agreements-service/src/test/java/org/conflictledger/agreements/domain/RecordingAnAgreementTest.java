package org.conflictledger.agreements.domain;

import static org.conflictledger.agreements.domain.AgreementDetailsBuilder.bareDraft;
import static org.conflictledger.agreements.domain.AgreementDetailsBuilder.trilateralStatement;
import static org.conflictledger.agreements.domain.AgreementTestData.AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.ARMENIA;
import static org.conflictledger.agreements.domain.AgreementTestData.AZERBAIJAN;
import static org.conflictledger.agreements.domain.AgreementTestData.OTHER_AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.RUSSIA;
import static org.conflictledger.agreements.domain.AgreementTestData.TURKEY;
import static org.conflictledger.agreements.domain.AgreementTestData.fixture;
import static org.conflictledger.agreements.domain.AgreementTestData.violates;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.AgreementStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Recording an agreement: its status, the consistency of status and details, and the normalisation of its details. */
class RecordingAnAgreementTest {

    private FixtureConfiguration<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private void expectRecorded(AgreementDetailsBuilder given, AgreementStatus status, AgreementDetailsBuilder recorded,
            AgreementStatus recordedStatus) {
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(AGREEMENT, given.build(), status))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementRecorded(AGREEMENT, recorded.build(), recordedStatus));
    }

    private void expectViolation(AgreementDetailsBuilder given, AgreementStatus status, String rule) {
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(AGREEMENT, given.build(), status))
                .expectNoEvents()
                .expectException(violates(rule));
    }

    private static List<UUID> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> new UUID(0x50000000L, i)).toList();
    }

    // --- the status

    @Test
    void recordingAnAgreementRecordsItsDetailsAndStatus() {
        expectRecorded(trilateralStatement(), AgreementStatus.IN_FORCE, trilateralStatement(), AgreementStatus.IN_FORCE);
    }

    @Test
    void anAgreementWithAnInForceInstantIsInForceUnlessTold() {
        expectRecorded(trilateralStatement(), null, trilateralStatement(), AgreementStatus.IN_FORCE);
    }

    @Test
    void anAgreementWithOnlyASigningDateIsSignedUnlessTold() {
        expectRecorded(trilateralStatement().inForceAt(null), null, trilateralStatement().inForceAt(null),
                AgreementStatus.SIGNED);
    }

    @Test
    void anAgreementWithNeitherDateIsADraftUnlessTold() {
        expectRecorded(trilateralStatement().inForceAt(null).signedOn(null), null,
                trilateralStatement().inForceAt(null).signedOn(null), AgreementStatus.DRAFT);
    }

    @Test
    void theStatusGivenWinsOverTheDefault() {
        expectRecorded(trilateralStatement(), AgreementStatus.SIGNED, trilateralStatement(), AgreementStatus.SIGNED);
        expectRecorded(trilateralStatement(), AgreementStatus.DRAFT, trilateralStatement(), AgreementStatus.DRAFT);
    }

    /** Suspended, terminated and superseded need the instant they took effect: a status change says it. */
    @ParameterizedTest
    @EnumSource(value = AgreementStatus.class, names = {"SUSPENDED", "TERMINATED", "SUPERSEDED"})
    void anAgreementEntersTheRecordAsADraftSignedOrInForce(AgreementStatus status) {
        expectViolation(trilateralStatement(), status, AgreementRules.INITIAL_STATUS_INVALID);
    }

    @Test
    void anAgreementInForceNeedsTheInstantItTookEffect() {
        expectViolation(trilateralStatement().inForceAt(null), AgreementStatus.IN_FORCE,
                AgreementRules.IN_FORCE_WITHOUT_INSTANT);
    }

    @ParameterizedTest
    @EnumSource(value = AgreementStatus.class, names = {"SIGNED", "IN_FORCE"})
    void anAgreementBeyondADraftNeedsASignatory(AgreementStatus status) {
        expectViolation(trilateralStatement().signatories(), status, AgreementRules.SIGNATORIES_MISSING);
    }

    @Test
    void anAgreementSignedOrInForceByDefaultNeedsASignatory() {
        expectViolation(trilateralStatement().signatories(), null, AgreementRules.SIGNATORIES_MISSING);
        expectViolation(trilateralStatement().signatories().inForceAt(null), null, AgreementRules.SIGNATORIES_MISSING);
    }

    @Test
    void aDraftNeedsNoSignatory() {
        expectRecorded(bareDraft(), AgreementStatus.DRAFT, bareDraft(), AgreementStatus.DRAFT);
        expectRecorded(bareDraft(), null, bareDraft(), AgreementStatus.DRAFT);
    }

    @Test
    void anAgreementNeedsAnId() {
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(null, trilateralStatement().build(), null))
                .expectNoEvents()
                .expectException(violates(AgreementRules.AGREEMENT_ID_MISSING));
    }

    @Test
    void anAgreementNeedsDetails() {
        fixture.givenNoPriorActivity()
                .when(new RecordAgreement(AGREEMENT, null, null))
                .expectNoEvents()
                .expectException(violates(AgreementRules.DETAILS_MISSING));
    }

    // --- texts

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void anAgreementNeedsATitle(String title) {
        expectViolation(trilateralStatement().title(title), null, AgreementRules.TITLE_MISSING);
    }

    @Test
    void textsAreTrimmedAndBlankOnesDropped() {
        expectRecorded(trilateralStatement().title("  Trilateral statement \n").signedPlace("\tMoscow  ")
                        .paxAgreementId(" 2257 ").inForceZone(" Europe/Moscow "), null,
                trilateralStatement().title("Trilateral statement").signedPlace("Moscow").paxAgreementId("2257"),
                AgreementStatus.IN_FORCE);
        expectRecorded(trilateralStatement().signedPlace("   ").paxAgreementId(" "), null,
                trilateralStatement().signedPlace(null).paxAgreementId(null), AgreementStatus.IN_FORCE);
    }

    @Test
    void aTitleHasAtMost300CharactersOnceTrimmed() {
        String longest = "T".repeat(AgreementRules.MAX_TITLE_LENGTH);
        expectRecorded(trilateralStatement().title("  " + longest + "  "), null, trilateralStatement().title(longest),
                AgreementStatus.IN_FORCE);
        expectViolation(trilateralStatement().title(longest + "T"), null, AgreementRules.TEXT_TOO_LONG);
    }

    @Test
    void aSigningPlaceHasAtMost200Characters() {
        expectViolation(trilateralStatement().signedPlace("M".repeat(201)), null, AgreementRules.TEXT_TOO_LONG);
    }

    @Test
    void anAgreementNeedsAKindAndATheater() {
        expectViolation(trilateralStatement().kind(null), null, AgreementRules.KIND_MISSING);
        expectViolation(trilateralStatement().theater(null), null, AgreementRules.THEATER_MISSING);
    }

    // --- the zone

    @Test
    void theZoneDefaultsToUtc() {
        expectRecorded(trilateralStatement().inForceZone(null), null, trilateralStatement().inForceZone("UTC"),
                AgreementStatus.IN_FORCE);
        expectRecorded(trilateralStatement().inForceZone("  "), null, trilateralStatement().inForceZone("UTC"),
                AgreementStatus.IN_FORCE);
    }

    @Test
    void anOffsetIsAZoneToo() {
        expectRecorded(trilateralStatement().inForceZone("+03:00"), null, trilateralStatement().inForceZone("+03:00"),
                AgreementStatus.IN_FORCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "Moscow", "+25:00", "Europe/Moscow/Kremlin"})
    void anUnknownZoneIsRefused(String zone) {
        expectViolation(trilateralStatement().inForceZone(zone), null, AgreementRules.ZONE_INVALID);
    }

    // --- references

    @Test
    void anEmptyReferenceIsRefused() {
        expectViolation(trilateralStatement().signatories(AZERBAIJAN, null), null, AgreementRules.REFERENCE_MISSING);
        expectViolation(trilateralStatement().witnesses((UUID) null), null, AgreementRules.REFERENCE_MISSING);
        expectViolation(trilateralStatement().supersedes((UUID) null), null, AgreementRules.REFERENCE_MISSING);
        expectViolation(trilateralStatement().complements((UUID) null), null, AgreementRules.REFERENCE_MISSING);
    }

    @Test
    void aReferenceNamedTwiceIsRefused() {
        expectViolation(trilateralStatement().signatories(AZERBAIJAN, ARMENIA, AZERBAIJAN), null,
                AgreementRules.REFERENCE_DUPLICATE);
        expectViolation(trilateralStatement().witnesses(TURKEY, TURKEY), null, AgreementRules.REFERENCE_DUPLICATE);
        expectViolation(trilateralStatement().complements(OTHER_AGREEMENT, OTHER_AGREEMENT), null,
                AgreementRules.REFERENCE_DUPLICATE);
    }

    @Test
    void anActorMaySignAndWitness() {
        expectRecorded(trilateralStatement().witnesses(RUSSIA), null, trilateralStatement().witnesses(RUSSIA),
                AgreementStatus.IN_FORCE);
    }

    @Test
    void anAgreementCannotSupersedeOrComplementItself() {
        expectViolation(trilateralStatement().supersedes(OTHER_AGREEMENT, AGREEMENT), null,
                AgreementRules.REFERENCES_ITSELF);
        expectViolation(trilateralStatement().complements(AGREEMENT), null, AgreementRules.REFERENCES_ITSELF);
    }

    @Test
    void anAgreementMaySupersedeAndComplementOthers() {
        UUID bishkekProtocol = UUID.fromString("30000000-0000-0000-0000-000000001994");
        expectRecorded(trilateralStatement().supersedes(bishkekProtocol).complements(OTHER_AGREEMENT), null,
                trilateralStatement().supersedes(bishkekProtocol).complements(OTHER_AGREEMENT),
                AgreementStatus.IN_FORCE);
    }

    @Test
    void aListHasAtMost50Entries() {
        expectRecorded(trilateralStatement().signatories(ids(50)), null, trilateralStatement().signatories(ids(50)),
                AgreementStatus.IN_FORCE);
        expectViolation(trilateralStatement().signatories(ids(51)), null, AgreementRules.LIST_TOO_LONG);
        expectViolation(trilateralStatement().witnesses(ids(51).toArray(UUID[]::new)), null,
                AgreementRules.LIST_TOO_LONG);
        expectViolation(trilateralStatement().supersedes(ids(51).toArray(UUID[]::new)), null,
                AgreementRules.LIST_TOO_LONG);
    }

    // --- the PA-X id

    @Test
    void aPaxIdHasNoBlanks() {
        expectViolation(trilateralStatement().paxAgreementId("22 57"), null, AgreementRules.EXTERNAL_ID_INVALID);
    }

    @Test
    void aPaxIdHasAtMost64Characters() {
        expectRecorded(trilateralStatement().paxAgreementId("9".repeat(64)), null,
                trilateralStatement().paxAgreementId("9".repeat(64)), AgreementStatus.IN_FORCE);
        expectViolation(trilateralStatement().paxAgreementId("9".repeat(65)), null, AgreementRules.TEXT_TOO_LONG);
    }
}
