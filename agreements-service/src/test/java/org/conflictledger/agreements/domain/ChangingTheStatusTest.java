package org.conflictledger.agreements.domain;

import static org.conflictledger.agreements.domain.AgreementDetailsBuilder.bareDraft;
import static org.conflictledger.agreements.domain.AgreementDetailsBuilder.trilateralStatement;
import static org.conflictledger.agreements.domain.AgreementTestData.AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.fixture;
import static org.conflictledger.agreements.domain.AgreementTestData.recorded;
import static org.conflictledger.agreements.domain.AgreementTestData.violates;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.AgreementStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The status lifecycle: which status may follow which, the final statuses, and what each status needs. */
class ChangingTheStatusTest {

    private static final Instant EFFECTIVE = Instant.parse("2023-01-01T00:00:00Z");

    /** The lifecycle as the record documents it, written out independently of the aggregate's table. */
    private static final Map<AgreementStatus, Set<AgreementStatus>> ALLOWED = Map.of(
            AgreementStatus.DRAFT, EnumSet.of(AgreementStatus.SIGNED, AgreementStatus.IN_FORCE,
                    AgreementStatus.TERMINATED),
            AgreementStatus.SIGNED, EnumSet.of(AgreementStatus.IN_FORCE, AgreementStatus.SUSPENDED,
                    AgreementStatus.TERMINATED, AgreementStatus.SUPERSEDED),
            AgreementStatus.IN_FORCE, EnumSet.of(AgreementStatus.SUSPENDED, AgreementStatus.TERMINATED,
                    AgreementStatus.SUPERSEDED),
            AgreementStatus.SUSPENDED, EnumSet.of(AgreementStatus.IN_FORCE, AgreementStatus.TERMINATED,
                    AgreementStatus.SUPERSEDED));

    private FixtureConfiguration<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** When the agreement reached a status it was not recorded with; before {@link #EFFECTIVE}. */
    private static final Instant EARLIER = Instant.parse("2021-03-01T00:00:00Z");

    /** The events that leave the agreement in a status: it is recorded a draft, signed or in force, then changed. */
    private static List<Object> historyTo(AgreementStatus status) {
        return switch (status) {
            case DRAFT, SIGNED, IN_FORCE -> List.of(recorded(status));
            case SUSPENDED, TERMINATED, SUPERSEDED -> List.of(recorded(),
                    new AgreementStatusChanged(AGREEMENT, AgreementStatus.IN_FORCE, status, EARLIER));
        };
    }

    private static ChangeAgreementStatus change(AgreementStatus status) {
        return new ChangeAgreementStatus(AGREEMENT, null, status, EFFECTIVE);
    }

    /** Every move from a status that is not final to another status, and whether it is allowed. */
    static Stream<Arguments> everyMove() {
        return ALLOWED.keySet().stream().sorted().flatMap(from -> EnumSet.allOf(AgreementStatus.class).stream()
                .filter(to -> to != from)
                .map(to -> arguments(from, to, ALLOWED.get(from).contains(to))));
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyMove")
    void aStatusMayBeFollowedOnlyByTheStatusesTheLifecycleAllows(AgreementStatus from, AgreementStatus to,
            boolean allowed) {
        var result = fixture.given(historyTo(from)).when(change(to));
        if (allowed) {
            result.expectSuccessfulHandlerExecution()
                    .expectEvents(new AgreementStatusChanged(AGREEMENT, from, to, EFFECTIVE));
        } else {
            result.expectNoEvents().expectException(violates(AgreementRules.STATUS_TRANSITION_INVALID));
        }
    }

    static Stream<Arguments> everyMoveFromAFinalStatus() {
        return Stream.of(AgreementStatus.TERMINATED, AgreementStatus.SUPERSEDED)
                .flatMap(from -> EnumSet.allOf(AgreementStatus.class).stream().filter(to -> to != from)
                        .map(to -> arguments(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMoveFromAFinalStatus")
    void anAgreementThatEndedCannotChangeStatus(AgreementStatus from, AgreementStatus to) {
        fixture.given(historyTo(from))
                .when(change(to))
                .expectNoEvents()
                .expectException(violates(AgreementRules.AGREEMENT_ENDED));
    }

    @ParameterizedTest
    @EnumSource(AgreementStatus.class)
    void movingToTheStatusItHasChangesNothing(AgreementStatus status) {
        fixture.given(historyTo(status))
                .when(change(status))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSuspendedAgreementCanComeBackIntoForce() {
        fixture.given(historyTo(AgreementStatus.SUSPENDED))
                .when(change(AgreementStatus.IN_FORCE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementStatusChanged(AGREEMENT, AgreementStatus.SUSPENDED,
                        AgreementStatus.IN_FORCE, EFFECTIVE));
    }

    @Test
    void aStatusChangeNeedsTheNewStatus() {
        fixture.given(recorded())
                .when(change(null))
                .expectNoEvents()
                .expectException(violates(AgreementRules.STATUS_MISSING));
    }

    @Test
    void aStatusChangeNeedsTheInstantItTakesEffect() {
        fixture.given(recorded())
                .when(new ChangeAgreementStatus(AGREEMENT, null, AgreementStatus.SUSPENDED, null))
                .expectNoEvents()
                .expectException(violates(AgreementRules.EFFECTIVE_AT_MISSING));
    }

    @Test
    void anAgreementComesIntoForceOnlyWithTheInstantItTookEffect() {
        fixture.given(new AgreementRecorded(AGREEMENT, trilateralStatement().inForceAt(null).build(),
                        AgreementStatus.SIGNED))
                .when(change(AgreementStatus.IN_FORCE))
                .expectNoEvents()
                .expectException(violates(AgreementRules.IN_FORCE_WITHOUT_INSTANT));
    }

    @Test
    void aDraftWithoutSignatoriesCannotBeSigned() {
        fixture.given(new AgreementRecorded(AGREEMENT, bareDraft().build(), AgreementStatus.DRAFT))
                .when(change(AgreementStatus.SIGNED))
                .expectNoEvents()
                .expectException(violates(AgreementRules.SIGNATORIES_MISSING));
    }

    @Test
    void anUnsignedDraftCanBeAbandoned() {
        fixture.given(new AgreementRecorded(AGREEMENT, bareDraft().build(), AgreementStatus.DRAFT))
                .when(change(AgreementStatus.TERMINATED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementStatusChanged(AGREEMENT, AgreementStatus.DRAFT, AgreementStatus.TERMINATED,
                        EFFECTIVE));
    }

    @Test
    void aDraftWithSignatoriesCanBeSigned() {
        fixture.given(new AgreementRecorded(AGREEMENT, trilateralStatement().inForceAt(null).build(),
                        AgreementStatus.DRAFT))
                .when(change(AgreementStatus.SIGNED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementStatusChanged(AGREEMENT, AgreementStatus.DRAFT, AgreementStatus.SIGNED,
                        EFFECTIVE));
    }

    // --- valid time

    @Test
    void aStatusChangeCannotTakeEffectBeforeTheLastOne() {
        fixture.given(historyTo(AgreementStatus.SUSPENDED))
                .when(new ChangeAgreementStatus(AGREEMENT, null, AgreementStatus.IN_FORCE, EARLIER.minusSeconds(1)))
                .expectNoEvents()
                .expectException(violates(AgreementRules.STATUS_CHANGE_OUT_OF_ORDER));
    }

    @Test
    void aStatusChangeMayTakeEffectAtTheSameInstantAsTheLastOne() {
        fixture.given(historyTo(AgreementStatus.SUSPENDED))
                .when(new ChangeAgreementStatus(AGREEMENT, null, AgreementStatus.TERMINATED, EARLIER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementStatusChanged(AGREEMENT, AgreementStatus.SUSPENDED,
                        AgreementStatus.TERMINATED, EARLIER));
    }

    @Test
    void theOrderIsCheckedAgainstTheLatestChangeInValidTime() {
        fixture.given(recorded(),
                        new AgreementStatusChanged(AGREEMENT, AgreementStatus.IN_FORCE, AgreementStatus.SUSPENDED,
                                EARLIER),
                        new AgreementStatusChanged(AGREEMENT, AgreementStatus.SUSPENDED, AgreementStatus.IN_FORCE,
                                EFFECTIVE))
                .when(new ChangeAgreementStatus(AGREEMENT, null, AgreementStatus.SUSPENDED,
                        EFFECTIVE.minusSeconds(1)))
                .expectNoEvents()
                .expectException(violates(AgreementRules.STATUS_CHANGE_OUT_OF_ORDER));
    }

    // --- versions

    @Test
    void aCommandNamingTheCurrentVersionIsAccepted() {
        fixture.given(recorded())
                .when(new ChangeAgreementStatus(AGREEMENT, 0L, AgreementStatus.SUSPENDED, EFFECTIVE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgreementStatusChanged(AGREEMENT, AgreementStatus.IN_FORCE,
                        AgreementStatus.SUSPENDED, EFFECTIVE));
    }

    @Test
    void aCommandNamingAnOlderVersionIsRefused() {
        fixture.given(recorded(), new AgreementStatusChanged(AGREEMENT, AgreementStatus.IN_FORCE,
                        AgreementStatus.SUSPENDED, EFFECTIVE))
                .when(new ChangeAgreementStatus(AGREEMENT, 0L, AgreementStatus.IN_FORCE, EFFECTIVE))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }
}
