package org.conflictledger.events.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.platform.domain.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Ids, events and matchers shared by the aggregate tests. */
final class ConflictEventTestData {

    static final UUID EVENT = UUID.fromString("20000000-0000-0000-0000-000000000001");
    static final UUID OTHER_EVENT = UUID.fromString("20000000-0000-0000-0000-000000000002");

    static final UUID TURKEY = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID RUSSIA = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID AZERBAIJAN = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID ARMENIA = UUID.fromString("00000000-0000-0000-0000-000000000004");
    static final UUID SYRIAN_ARMED_FORCES = UUID.fromString("00000000-0000-0000-0000-000000000005");
    static final UUID USA = UUID.fromString("00000000-0000-0000-0000-000000000006");

    /** The US-brokered humanitarian ceasefire of 26 October 2020. */
    static final UUID US_BROKERED_CEASEFIRE = UUID.fromString("30000000-0000-0000-0000-000000000001");

    static final LocalDate FEB_27_2020 = LocalDate.of(2020, 2, 27);
    static final LocalDate OCT_26_2020 = LocalDate.of(2020, 10, 26);

    private ConflictEventTestData() {
    }

    static FixtureConfiguration<ConflictEvent> fixture() {
        return new AggregateTestFixture<>(ConflictEvent.class);
    }

    /** The Idlib airstrike of 27 February 2020, as reported (already normalised). */
    static ConflictEventReported airstrikeReported() {
        return new ConflictEventReported(EVENT, DetailsBuilder.idlibAirstrike().build());
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
}
