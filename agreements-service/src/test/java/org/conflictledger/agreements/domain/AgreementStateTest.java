package org.conflictledger.agreements.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictledger.agreements.domain.AgreementDetailsBuilder.trilateralStatement;
import static org.conflictledger.agreements.domain.AgreementTestData.AGREEMENT;
import static org.conflictledger.agreements.domain.AgreementTestData.IN_FORCE_AT;
import static org.conflictledger.agreements.domain.AgreementTestData.recorded;
import static org.conflictledger.agreements.domain.AgreementTestData.stateOf;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.conflictledger.contracts.AgreementStatus;
import org.junit.jupiter.api.Test;

/** Whether an agreement was in force at an instant, and when it ended, in valid time. */
class AgreementStateTest {

    private static final Instant SUSPENDED_AT = Instant.parse("2021-03-01T00:00:00Z");
    private static final Instant RESUMED_AT = Instant.parse("2021-06-01T00:00:00Z");
    private static final Instant TERMINATED_AT = Instant.parse("2023-01-01T00:00:00Z");

    private static AgreementStatusChanged changed(AgreementStatus from, AgreementStatus to, Instant at) {
        return new AgreementStatusChanged(AGREEMENT, from, to, at);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void anAgreementIsInForceFromTheInstantItTookEffect() {
        AgreementState state = stateOf(recorded());

        assertThat(state.inForceAt(IN_FORCE_AT.minusNanos(1))).isFalse();
        assertThat(state.inForceAt(IN_FORCE_AT)).isTrue();
        assertThat(state.inForceAt(at("2030-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void anAgreementWithoutAnInForceInstantIsNeverInForce() {
        AgreementState state = stateOf(new AgreementRecorded(AGREEMENT, trilateralStatement().inForceAt(null).build(),
                AgreementStatus.SIGNED));

        assertThat(state.inForceAt(at("2030-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void aDraftIsNeverInForce() {
        AgreementState state = stateOf(recorded(AgreementStatus.DRAFT));

        assertThat(state.inForceAt(at("2030-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void aSuspendedAgreementIsNotInForceWhileSuspended() {
        AgreementState state = stateOf(recorded(),
                changed(AgreementStatus.IN_FORCE, AgreementStatus.SUSPENDED, SUSPENDED_AT));

        assertThat(state.inForceAt(SUSPENDED_AT.minusNanos(1))).isTrue();
        assertThat(state.inForceAt(SUSPENDED_AT)).isFalse();
        assertThat(state.inForceAt(at("2025-01-01T00:00:00Z"))).isFalse();
        assertThat(state.endedAt()).isEmpty();
    }

    @Test
    void aResumedAgreementIsInForceAgainFromTheInstantItResumed() {
        AgreementState state = stateOf(recorded(),
                changed(AgreementStatus.IN_FORCE, AgreementStatus.SUSPENDED, SUSPENDED_AT),
                changed(AgreementStatus.SUSPENDED, AgreementStatus.IN_FORCE, RESUMED_AT));

        assertThat(state.inForceAt(at("2021-02-01T00:00:00Z"))).isTrue();
        assertThat(state.inForceAt(at("2021-04-01T00:00:00Z"))).isFalse();
        assertThat(state.inForceAt(RESUMED_AT)).isTrue();
        assertThat(state.inForceAt(at("2022-01-01T00:00:00Z"))).isTrue();
        assertThat(state.statusChanges()).containsExactly(new StatusChange(AgreementStatus.SUSPENDED, SUSPENDED_AT),
                new StatusChange(AgreementStatus.IN_FORCE, RESUMED_AT));
    }

    @Test
    void aTerminatedAgreementWasInForceUntilItEnded() {
        AgreementState state = stateOf(recorded(),
                changed(AgreementStatus.IN_FORCE, AgreementStatus.TERMINATED, TERMINATED_AT));

        assertThat(state.inForceAt(at("2022-12-31T23:59:59Z"))).isTrue();
        assertThat(state.inForceAt(TERMINATED_AT)).isFalse();
        assertThat(state.inForceAt(at("2030-01-01T00:00:00Z"))).isFalse();
        assertThat(state.endedAt()).contains(TERMINATED_AT);
        assertThat(state.status()).isEqualTo(AgreementStatus.TERMINATED);
    }

    @Test
    void aSupersededAgreementEndedWhenItWasSuperseded() {
        AgreementState state = stateOf(recorded(),
                changed(AgreementStatus.IN_FORCE, AgreementStatus.SUSPENDED, SUSPENDED_AT),
                changed(AgreementStatus.SUSPENDED, AgreementStatus.SUPERSEDED, TERMINATED_AT));

        assertThat(state.endedAt()).contains(TERMINATED_AT);
        assertThat(state.inForceAt(at("2024-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void anAgreementInForceHasNotEnded() {
        assertThat(stateOf(recorded()).endedAt()).isEmpty();
        assertThat(new AgreementState().endedAt()).isEmpty();
    }

    @Test
    void theZoneIsTheOneTheInForceInstantWasStatedIn() {
        assertThat(stateOf(recorded()).zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void aCorrectionReplacesTheDetailsAndKeepsTheStatus() {
        AgreementState state = stateOf(recorded(), new AgreementCorrected(AGREEMENT,
                trilateralStatement().inForceAt(at("2020-11-10T00:00:00Z")).build(), List.of("inForceAt")));

        assertThat(state.details().inForceAt()).isEqualTo(at("2020-11-10T00:00:00Z"));
        assertThat(state.status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(state.inForceAt(at("2020-11-09T23:00:00Z"))).isFalse();
    }

    @Test
    void anythingElseChangesNothing() {
        AgreementState state = stateOf(recorded());
        state.apply("not an event");
        state.apply(AGREEMENT);

        assertThat(state.details()).isEqualTo(recorded().details());
        assertThat(state.terms()).isEmpty();
    }
}
