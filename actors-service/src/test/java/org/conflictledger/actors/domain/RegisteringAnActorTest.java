package org.conflictledger.actors.domain;

import static org.conflictledger.actors.domain.ActorTestData.TURKEY;
import static org.conflictledger.actors.domain.ActorTestData.fixture;
import static org.conflictledger.actors.domain.ActorTestData.turkeyRegistered;
import static org.conflictledger.actors.domain.ActorTestData.violates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conflictledger.contracts.ActorKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegisteringAnActorTest {

    private FixtureConfiguration<Actor> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private void expectViolation(RegisterActor command, String rule) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(violates(rule));
    }

    private static RegisterActor turkey(String key, String name, ActorKind kind, List<String> aliases, String country,
                                        String affiliation) {
        return new RegisterActor(TURKEY, key, name, kind, aliases, country, affiliation);
    }

    private static RegisterActor turkeyWithAliases(List<String> aliases) {
        return turkey("TUR", "Turkey", ActorKind.STATE, aliases, "TUR", null);
    }

    @Test
    void registeringAnActorRecordsIt() {
        fixture.givenNoPriorActivity()
                .when(turkeyWithAliases(List.of("Türkiye", "Republic of Turkey")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(turkeyRegistered());
    }

    @Test
    void registeringALeaderRecordsItsAffiliationAndKeepsAnUnknownCountryEmpty() {
        fixture.givenNoPriorActivity()
                .when(turkey("ERDOGAN", "Recep Tayyip Erdoğan", ActorKind.LEADER, null, null, "TUR"))
                .expectEvents(new ActorRegistered(TURKEY, "ERDOGAN", "Recep Tayyip Erdoğan", ActorKind.LEADER,
                        List.of(), null, "TUR"));
    }

    @Test
    void registeringTrimsTheNameAliasesAndAffiliationAndDropsRepeatedAliases() {
        fixture.givenNoPriorActivity()
                .when(turkey("TUR", "  Turkey ", ActorKind.STATE,
                        List.of(" Türkiye", "TÜRKIYE", "turkey", "Republic of Turkey ", "republic of turkey"),
                        "TUR", "  NATO member "))
                .expectEvents(new ActorRegistered(TURKEY, "TUR", "Turkey", ActorKind.STATE,
                        List.of("Türkiye", "Republic of Turkey"), "TUR", "NATO member"));
    }

    @Test
    void anActorNeedsAnId() {
        expectViolation(new RegisterActor(null, "TUR", "Turkey", ActorKind.STATE, List.of(), "TUR", null),
                ActorRules.ACTOR_ID_MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"T", "tur", "-TUR", "_TUR", "TU R", "TÜR", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABC"})
    @NullSource
    void aKeyIsAShortUpperCaseIdentifier(String key) {
        expectViolation(turkey(key, "Turkey", ActorKind.STATE, List.of(), "TUR", null), ActorRules.KEY_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TU", "OSCE-MINSK", "RUS_PMC", "9TH-BRIGADE", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789AB"})
    void keysOfTwoToSixtyFourCharactersAreAccepted(String key) {
        fixture.givenNoPriorActivity()
                .when(turkey(key, "Turkey", ActorKind.STATE, List.of(), "TUR", null))
                .expectEvents(new ActorRegistered(TURKEY, key, "Turkey", ActorKind.STATE, List.of(), "TUR", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    @NullSource
    void anActorNeedsAName(String name) {
        expectViolation(turkey("TUR", name, ActorKind.STATE, List.of(), "TUR", null), ActorRules.NAME_BLANK);
    }

    @Test
    void aNameHasAtMost200Characters() {
        String longest = "N".repeat(200);
        fixture.givenNoPriorActivity()
                .when(turkey("TUR", " " + longest + " ", ActorKind.STATE, List.of(), "TUR", null))
                .expectEvents(new ActorRegistered(TURKEY, "TUR", longest, ActorKind.STATE, List.of(), "TUR", null));

        expectViolation(turkey("TUR", longest + "N", ActorKind.STATE, List.of(), "TUR", null),
                ActorRules.NAME_TOO_LONG);
    }

    @Test
    void anActorNeedsAKind() {
        expectViolation(turkey("TUR", "Turkey", null, List.of(), "TUR", null), ActorRules.KIND_MISSING);
    }

    @Test
    void aBlankAliasIsRejectedRatherThanDropped() {
        expectViolation(turkeyWithAliases(List.of("Türkiye", " ")), ActorRules.ALIAS_BLANK);
        expectViolation(turkeyWithAliases(Arrays.asList("Türkiye", null)), ActorRules.ALIAS_BLANK);
    }

    @Test
    void anAliasHasAtMost200Characters() {
        expectViolation(turkeyWithAliases(List.of("A".repeat(201))), ActorRules.ALIAS_TOO_LONG);
    }

    @Test
    void anActorHasAtMost50DistinctAliases() {
        List<String> fifty = IntStream.rangeClosed(1, 50).mapToObj(i -> "Alias " + i).toList();
        fixture.givenNoPriorActivity()
                .when(turkeyWithAliases(fifty))
                .expectEvents(new ActorRegistered(TURKEY, "TUR", "Turkey", ActorKind.STATE, fifty, "TUR", null));

        List<String> fiftyOne = new ArrayList<>(fifty);
        fiftyOne.add("Alias 51");
        expectViolation(turkeyWithAliases(fiftyOne), ActorRules.ALIASES_TOO_MANY);
    }

    @Test
    void repeatedAliasesDoNotCountTowardsTheLimit() {
        List<String> fifty = IntStream.rangeClosed(1, 50).mapToObj(i -> "Alias " + i).toList();
        List<String> withRepeats = new ArrayList<>(fifty);
        withRepeats.addAll(fifty.stream().map(String::toUpperCase).toList());
        withRepeats.add("Turkey");
        fixture.givenNoPriorActivity()
                .when(turkeyWithAliases(withRepeats))
                .expectEvents(new ActorRegistered(TURKEY, "TUR", "Turkey", ActorKind.STATE, fifty, "TUR", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "TR", "tur", "TURK", "T1R", " TUR"})
    void aCountryIsAnIsoAlpha3Code(String country) {
        expectViolation(turkey("TUR", "Turkey", ActorKind.STATE, List.of(), country, null), ActorRules.COUNTRY_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anAffiliationIsOmittedRatherThanBlank(String affiliation) {
        expectViolation(turkey("TUR", "Turkey", ActorKind.STATE, List.of(), "TUR", affiliation),
                ActorRules.AFFILIATION_INVALID);
    }

    @Test
    void anAffiliationHasAtMost200Characters() {
        expectViolation(turkey("TUR", "Turkey", ActorKind.STATE, List.of(), "TUR", "A".repeat(201)),
                ActorRules.AFFILIATION_INVALID);
    }
}
