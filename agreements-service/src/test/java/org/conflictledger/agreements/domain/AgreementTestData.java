package org.conflictledger.agreements.domain;

import static org.conflictledger.agreements.domain.AgreementDetailsBuilder.trilateralStatement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.ComplianceStatus;
import org.conflictledger.platform.domain.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Ids, instants, events and matchers shared by the agreement tests. */
final class AgreementTestData {

    /** The trilateral statement of 9 November 2020. */
    static final UUID AGREEMENT = UUID.fromString("30000000-0000-0000-0000-000000000002");
    /** The statement of 11 January 2021 on transport links, which complements it. */
    static final UUID OTHER_AGREEMENT = UUID.fromString("30000000-0000-0000-0000-000000000003");

    static final UUID TURKEY = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID RUSSIA = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID AZERBAIJAN = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID ARMENIA = UUID.fromString("00000000-0000-0000-0000-000000000004");

    static final UUID CEASEFIRE_TERM = UUID.fromString("40000000-0000-0000-0000-000000000001");
    static final UUID AGDAM_TERM = UUID.fromString("40000000-0000-0000-0000-000000000002");
    static final UUID PEACEKEEPING_TERM = UUID.fromString("40000000-0000-0000-0000-000000000004");
    static final UUID UNKNOWN_TERM = UUID.fromString("40000000-0000-0000-0000-000000000099");

    /** Conflict events reported as violations. */
    static final UUID VIOLATION = UUID.fromString("20000000-0000-0000-0000-000000000001");
    static final UUID OTHER_VIOLATION = UUID.fromString("20000000-0000-0000-0000-000000000002");

    static final LocalDate SIGNED_ON = LocalDate.of(2020, 11, 9);
    /** 00:00 Moscow time on 10 November 2020. */
    static final Instant IN_FORCE_AT = Instant.parse("2020-11-09T21:00:00Z");
    static final String MOSCOW = "Europe/Moscow";

    static final Instant DEC_1_2020 = Instant.parse("2020-12-01T10:00:00Z");
    static final Instant DEC_12_2020 = Instant.parse("2020-12-12T06:00:00Z");

    /** What the fixture writes into a violation's automatic assessment. */
    static final String AUTOMATIC_NOTE = "Reported as a violation of this term";

    private AgreementTestData() {
    }

    /** A fixture for the aggregate, with Axon's check that a command leaves only the state its events rebuild. */
    static FixtureConfiguration<Agreement> fixture() {
        return new AggregateTestFixture<>(Agreement.class);
    }

    /** The statement as recorded: in force, every field normalised. */
    static AgreementRecorded recorded() {
        return recorded(AgreementStatus.IN_FORCE);
    }

    static AgreementRecorded recorded(AgreementStatus status) {
        return new AgreementRecorded(AGREEMENT, trilateralStatement().build(), status);
    }

    static TermAdded ceasefireAdded() {
        return new TermAdded(AGREEMENT, CEASEFIRE_TERM, TermDetailsBuilder.ceasefire().build());
    }

    static TermAdded agdamAdded() {
        return new TermAdded(AGREEMENT, AGDAM_TERM, TermDetailsBuilder.agdam().build());
    }

    static TermAdded peacekeepingAdded() {
        return new TermAdded(AGREEMENT, PEACEKEEPING_TERM, TermDetailsBuilder.peacekeeping().build());
    }

    static TermComplianceAssessed assessed(UUID term, int number, ComplianceStatus status, Instant effectiveAt,
            Evidence... evidence) {
        return new TermComplianceAssessed(AGREEMENT, term, number, status, status.defaultScore(), effectiveAt,
                List.of(evidence), false);
    }

    /** The automatic VIOLATED assessment a violation of a term causes. */
    static TermComplianceAssessed violated(UUID term, int number, UUID conflictEvent, Instant occurredAt) {
        return new TermComplianceAssessed(AGREEMENT, term, number, ComplianceStatus.VIOLATED, 0, occurredAt,
                List.of(new Evidence(conflictEvent, AUTOMATIC_NOTE)), true);
    }

    /** Matches a {@link RuleViolation} of the given rule. */
    static Matcher<RuleViolation> violates(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return rule.equals(violation.rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of rule ").appendValue(rule);
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText("was rule ").appendValue(violation.rule())
                        .appendText(": ").appendText(violation.getMessage());
            }
        };
    }

    /** The state the events leave. */
    static AgreementState stateOf(Object... events) {
        AgreementState state = new AgreementState();
        for (Object event : events) {
            state.apply(event);
        }
        return state;
    }
}
