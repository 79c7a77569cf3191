package org.conflictledger.actors.domain;

import static org.conflictledger.actors.domain.ActorTestData.TURKEY;
import static org.conflictledger.actors.domain.ActorTestData.fixture;
import static org.conflictledger.actors.domain.ActorTestData.turkeyRegistered;
import static org.conflictledger.actors.domain.ActorTestData.violates;

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

/** Renaming, changing aliases, correcting kind and country. */
class ChangingAnActorTest {

    private FixtureConfiguration<Actor> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private void expectViolation(Object command, String rule) {
        fixture.given(turkeyRegistered())
                .when(command)
                .expectNoEvents()
                .expectException(violates(rule));
    }

    private void expectNoChange(Object command) {
        fixture.given(turkeyRegistered())
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- rename

    @Test
    void renamingAnActorRecordsThePreviousName() {
        fixture.given(turkeyRegistered())
                .when(new RenameActor(TURKEY, null, " Republic of Türkiye "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ActorRenamed(TURKEY, "Turkey", "Republic of Türkiye"));
    }

    @Test
    void renamingAgainFollowsTheLatestName() {
        fixture.given(turkeyRegistered(), new ActorRenamed(TURKEY, "Turkey", "Türkiye Cumhuriyeti"))
                .when(new RenameActor(TURKEY, null, "Republic of Türkiye"))
                .expectEvents(new ActorRenamed(TURKEY, "Türkiye Cumhuriyeti", "Republic of Türkiye"));
    }

    @Test
    void renamingToTheCurrentNameChangesNothing() {
        expectNoChange(new RenameActor(TURKEY, null, "  Turkey "));
    }

    @Test
    void renamingOnlyTheCaseOfANameIsAChange() {
        fixture.given(turkeyRegistered())
                .when(new RenameActor(TURKEY, null, "TURKEY"))
                .expectEvents(new ActorRenamed(TURKEY, "Turkey", "TURKEY"));
    }

    @Test
    void renamingToAnAliasRemovesThatAlias() {
        fixture.given(turkeyRegistered())
                .when(new RenameActor(TURKEY, null, "türkiye"))
                .expectEvents(new ActorRenamed(TURKEY, "Turkey", "türkiye"),
                        new ActorAliasesChanged(TURKEY, List.of("Republic of Turkey")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    @NullSource
    void anActorCannotBeRenamedToNothing(String name) {
        expectViolation(new RenameActor(TURKEY, null, name), ActorRules.NAME_BLANK);
    }

    @Test
    void aNewNameHasAtMost200Characters() {
        expectViolation(new RenameActor(TURKEY, null, "N".repeat(201)), ActorRules.NAME_TOO_LONG);
    }

    // --- aliases

    @Test
    void changingAliasesRecordsTheNewListNormalised() {
        fixture.given(turkeyRegistered())
                .when(new ChangeActorAliases(TURKEY, null,
                        List.of(" Türkiye ", "Turkiye", "TÜRKIYE", "TURKEY")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ActorAliasesChanged(TURKEY, List.of("Türkiye", "Turkiye")));
    }

    @Test
    void removingAllAliasesIsAChange() {
        fixture.given(turkeyRegistered())
                .when(new ChangeActorAliases(TURKEY, null, List.of()))
                .expectEvents(new ActorAliasesChanged(TURKEY, List.of()));
    }

    @Test
    void noAliasListMeansNoAliases() {
        fixture.given(turkeyRegistered())
                .when(new ChangeActorAliases(TURKEY, null, null))
                .expectEvents(new ActorAliasesChanged(TURKEY, List.of()));
    }

    @Test
    void changingAliasesToTheCurrentOnesChangesNothing() {
        expectNoChange(new ChangeActorAliases(TURKEY, null, List.of("Türkiye", " Republic of Turkey", "türkiye")));
    }

    @Test
    void aliasesMustNotBeBlank() {
        expectViolation(new ChangeActorAliases(TURKEY, null, List.of("Türkiye", "")), ActorRules.ALIAS_BLANK);
        expectViolation(new ChangeActorAliases(TURKEY, null, Arrays.asList((String) null)), ActorRules.ALIAS_BLANK);
    }

    @Test
    void aliasesHaveAtMost200Characters() {
        expectViolation(new ChangeActorAliases(TURKEY, null, List.of("A".repeat(201))), ActorRules.ALIAS_TOO_LONG);
    }

    @Test
    void anActorHasAtMost50Aliases() {
        List<String> fiftyOne = IntStream.rangeClosed(1, 51).mapToObj(i -> "Alias " + i).toList();
        expectViolation(new ChangeActorAliases(TURKEY, null, fiftyOne), ActorRules.ALIASES_TOO_MANY);
    }

    @Test
    void aliasesAreComparedWithTheCurrentName() {
        fixture.given(turkeyRegistered(), new ActorRenamed(TURKEY, "Turkey", "Türkiye"))
                .when(new ChangeActorAliases(TURKEY, null, List.of("Turkey", "TÜRKIYE")))
                .expectEvents(new ActorAliasesChanged(TURKEY, List.of("Turkey")));
    }

    // --- kind

    @Test
    void correctingTheKindRecordsThePreviousKind() {
        fixture.given(turkeyRegistered())
                .when(new CorrectActorKind(TURKEY, null, ActorKind.GOVERNMENT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ActorKindCorrected(TURKEY, ActorKind.STATE, ActorKind.GOVERNMENT));
    }

    @Test
    void correctingTheKindToTheCurrentOneChangesNothing() {
        expectNoChange(new CorrectActorKind(TURKEY, null, ActorKind.STATE));
    }

    @Test
    void theKindCannotBeRemoved() {
        expectViolation(new CorrectActorKind(TURKEY, null, null), ActorRules.KIND_MISSING);
    }

    // --- country

    @Test
    void correctingTheCountryRecordsThePreviousCountry() {
        fixture.given(turkeyRegistered())
                .when(new CorrectActorCountry(TURKEY, null, "CYP"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ActorCountryCorrected(TURKEY, "TUR", "CYP"));
    }

    @Test
    void theCountryCanBeRemovedAndSetAgain() {
        fixture.given(turkeyRegistered())
                .when(new CorrectActorCountry(TURKEY, null, null))
                .expectEvents(new ActorCountryCorrected(TURKEY, "TUR", null));

        fixture.given(turkeyRegistered(), new ActorCountryCorrected(TURKEY, "TUR", null))
                .when(new CorrectActorCountry(TURKEY, null, "TUR"))
                .expectEvents(new ActorCountryCorrected(TURKEY, null, "TUR"));
    }

    @Test
    void correctingTheCountryToTheCurrentOneChangesNothing() {
        expectNoChange(new CorrectActorCountry(TURKEY, null, "TUR"));

        fixture.given(turkeyRegistered(), new ActorCountryCorrected(TURKEY, "TUR", null))
                .when(new CorrectActorCountry(TURKEY, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "TR", "tur", "TURK"})
    void aCountryIsAnIsoAlpha3Code(String country) {
        expectViolation(new CorrectActorCountry(TURKEY, null, country), ActorRules.COUNTRY_INVALID);
    }
}
