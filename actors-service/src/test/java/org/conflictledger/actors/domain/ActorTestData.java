package org.conflictledger.actors.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;
import org.conflictledger.platform.domain.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Actors, events and matchers shared by the aggregate tests. */
final class ActorTestData {

    static final UUID TURKEY = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID RUSSIA = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID AZERBAIJAN = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID DUPLICATE_OF_TURKEY = UUID.fromString("00000000-0000-0000-0000-000000000004");
    static final UUID RELATIONSHIP = UUID.fromString("10000000-0000-0000-0000-000000000001");
    static final UUID OTHER_RELATIONSHIP = UUID.fromString("10000000-0000-0000-0000-000000000002");

    static final LocalDate SEPT_27_2020 = LocalDate.of(2020, 9, 27);
    static final LocalDate NOV_10_2020 = LocalDate.of(2020, 11, 10);

    private ActorTestData() {
    }

    static FixtureConfiguration<Actor> fixture() {
        return new AggregateTestFixture<>(Actor.class);
    }

    static ActorRegistered turkeyRegistered() {
        return new ActorRegistered(TURKEY, "TUR", "Turkey", ActorKind.STATE, List.of("Türkiye", "Republic of Turkey"),
                "TUR", null);
    }

    /** Turkey supports Azerbaijan in Nagorno-Karabakh from 27 September 2020, open-ended. */
    static RelationshipDeclared turkeySupportsAzerbaijan() {
        return new RelationshipDeclared(TURKEY, RELATIONSHIP, RelationshipKind.SUPPORTS, AZERBAIJAN,
                Theater.NAGORNO_KARABAKH, SEPT_27_2020, null, 0.9);
    }

    static DeclareRelationship declareSupportOfAzerbaijan(UUID relationshipId) {
        return new DeclareRelationship(TURKEY, null, relationshipId, RelationshipKind.SUPPORTS, AZERBAIJAN,
                Theater.NAGORNO_KARABAKH, SEPT_27_2020, null, 0.9);
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
