package org.conflictledger.events.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.conflictledger.contracts.ConflictEventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The record's event types speak ACLED's language, and ACLED's texts read back into them. */
class AcledMappingTest {

    @ParameterizedTest
    @CsvSource({
            "BATTLE, BATTLES, ARMED_CLASH",
            "EXPLOSION_REMOTE_VIOLENCE, EXPLOSIONS_REMOTE_VIOLENCE, SHELLING_ARTILLERY_MISSILE_ATTACK",
            "VIOLENCE_AGAINST_CIVILIANS, VIOLENCE_AGAINST_CIVILIANS, ATTACK",
            "PROTEST, PROTESTS, PEACEFUL_PROTEST",
            "RIOT, RIOTS, VIOLENT_DEMONSTRATION",
            "STRATEGIC_DEVELOPMENT, STRATEGIC_DEVELOPMENTS, OTHER",
            "CEASEFIRE_DECLARED, STRATEGIC_DEVELOPMENTS, AGREEMENT",
            "CEASEFIRE_VIOLATION, BATTLES, ARMED_CLASH",
            "NEGOTIATION, STRATEGIC_DEVELOPMENTS, AGREEMENT",
            "AGREEMENT_SIGNED, STRATEGIC_DEVELOPMENTS, AGREEMENT",
            "INTERVENTION, STRATEGIC_DEVELOPMENTS, HEADQUARTERS_OR_BASE_ESTABLISHED",
            "DEPLOYMENT, STRATEGIC_DEVELOPMENTS, HEADQUARTERS_OR_BASE_ESTABLISHED",
            "WITHDRAWAL, STRATEGIC_DEVELOPMENTS, NON_VIOLENT_TRANSFER_OF_TERRITORY",
            "PRISONER_EXCHANGE, STRATEGIC_DEVELOPMENTS, AGREEMENT",
            "STATEMENT, STRATEGIC_DEVELOPMENTS, OTHER",
            "SANCTION, STRATEGIC_DEVELOPMENTS, OTHER"})
    void everyEventTypeMapsToAnAcledTypeAndADefaultSubType(ConflictEventType type, AcledEventType acledEventType,
                                                           AcledSubType defaultSubType) {
        assertThat(AcledMapping.acledEventType(type)).isEqualTo(acledEventType);
        assertThat(AcledMapping.defaultSubType(type)).isEqualTo(defaultSubType);
    }

    @ParameterizedTest
    @EnumSource(ConflictEventType.class)
    void theDefaultSubTypeOfEveryTypeBelongsToItsAcledTypeAndIsAllowed(ConflictEventType type) {
        AcledSubType defaultSubType = AcledMapping.defaultSubType(type);
        assertThat(defaultSubType.acledEventType()).isEqualTo(AcledMapping.acledEventType(type));
        assertThat(AcledMapping.allows(type, defaultSubType)).isTrue();
        assertThat(AcledMapping.allowedSubTypes(type)).contains(defaultSubType);
    }

    @ParameterizedTest
    @EnumSource(ConflictEventType.class)
    void aSubTypeIsAllowedExactlyWhenItBelongsToTheMappedAcledType(ConflictEventType type) {
        Set<AcledEventType> allowedAcledTypes = type == ConflictEventType.CEASEFIRE_VIOLATION
                ? EnumSet.of(AcledEventType.BATTLES, AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE)
                : EnumSet.of(AcledMapping.acledEventType(type));
        for (AcledSubType subType : AcledSubType.values()) {
            assertThat(AcledMapping.allows(type, subType))
                    .as("%s allows %s", type, subType)
                    .isEqualTo(allowedAcledTypes.contains(subType.acledEventType()));
        }
    }

    @Test
    void aCeasefireViolationAllowsEveryBattleAndExplosionSubType() {
        assertThat(AcledMapping.allowedSubTypes(ConflictEventType.CEASEFIRE_VIOLATION)).hasSize(9)
                .contains(AcledSubType.ARMED_CLASH, AcledSubType.AIR_DRONE_STRIKE, AcledSubType.GRENADE)
                .doesNotContain(AcledSubType.ATTACK, AcledSubType.AGREEMENT);
    }

    @Test
    void nothingIsAllowedForAMissingTypeOrSubType() {
        assertThat(AcledMapping.allows(null, AcledSubType.ARMED_CLASH)).isFalse();
        assertThat(AcledMapping.allows(ConflictEventType.BATTLE, null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "BATTLES, BATTLE",
            "EXPLOSIONS_REMOTE_VIOLENCE, EXPLOSION_REMOTE_VIOLENCE",
            "VIOLENCE_AGAINST_CIVILIANS, VIOLENCE_AGAINST_CIVILIANS",
            "PROTESTS, PROTEST",
            "RIOTS, RIOT",
            "STRATEGIC_DEVELOPMENTS, STRATEGIC_DEVELOPMENT"})
    void anImportedAcledTypeBecomesThePlainTypeThatMapsBackToIt(AcledEventType acledEventType,
                                                               ConflictEventType type) {
        assertThat(AcledMapping.typeFor(acledEventType)).isEqualTo(type);
        assertThat(AcledMapping.acledEventType(AcledMapping.typeFor(acledEventType))).isEqualTo(acledEventType);
    }

    @ParameterizedTest
    @EnumSource(AcledSubType.class)
    void everyImportedSubTypeIsAllowedForThePlainTypeOfItsAcledType(AcledSubType subType) {
        assertThat(AcledMapping.allows(AcledMapping.typeFor(subType.acledEventType()), subType)).isTrue();
    }

    // --- labels

    @Test
    void theSubTypesAreAcledsTwentyFive() {
        assertThat(Arrays.stream(AcledSubType.values()).map(AcledSubType::label)).containsExactly(
                "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
                "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                "Remote explosive/landmine/IED", "Grenade",
                "Sexual violence", "Attack", "Abduction/forced disappearance",
                "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                "Violent demonstration", "Mob violence",
                "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                "Headquarters or base established", "Looting/property destruction",
                "Non-violent transfer of territory", "Other");
    }

    @Test
    void theEventTypesAreAcledsSixWithTheirSubTypes() {
        assertThat(Arrays.stream(AcledEventType.values()).map(AcledEventType::label)).containsExactly(
                "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                "Strategic developments");
        assertThat(AcledEventType.BATTLES.subTypes()).hasSize(3);
        assertThat(AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE.subTypes()).hasSize(6);
        assertThat(AcledEventType.VIOLENCE_AGAINST_CIVILIANS.subTypes()).hasSize(3);
        assertThat(AcledEventType.PROTESTS.subTypes()).hasSize(3);
        assertThat(AcledEventType.RIOTS.subTypes()).hasSize(2);
        assertThat(AcledEventType.STRATEGIC_DEVELOPMENTS.subTypes()).hasSize(8)
                .startsWith(AcledSubType.AGREEMENT).endsWith(AcledSubType.OTHER);
    }

    @ParameterizedTest
    @EnumSource(AcledSubType.class)
    void everySubTypeLabelReadsBackIgnoringCaseAndBlanks(AcledSubType subType) {
        assertThat(AcledSubType.fromLabel(subType.label())).contains(subType);
        assertThat(AcledSubType.fromLabel(subType.label().toUpperCase(Locale.ROOT))).contains(subType);
        assertThat(AcledSubType.fromLabel(subType.label().toLowerCase(Locale.ROOT))).contains(subType);
        assertThat(AcledSubType.fromLabel("  " + subType.label() + " ")).contains(subType);
    }

    @ParameterizedTest
    @EnumSource(AcledEventType.class)
    void everyEventTypeLabelReadsBackIgnoringCaseAndBlanks(AcledEventType type) {
        assertThat(AcledEventType.fromLabel(type.label())).contains(type);
        assertThat(AcledEventType.fromLabel(type.label().toUpperCase(Locale.ROOT))).contains(type);
        assertThat(AcledEventType.fromLabel(type.label().toLowerCase(Locale.ROOT))).contains(type);
        assertThat(AcledEventType.fromLabel("\t" + type.label() + " ")).contains(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Armed clashes", "ARMED_CLASH", "Air strike", "Battles"})
    @NullSource
    void anUnknownSubTypeLabelReadsAsNothing(String label) {
        assertThat(AcledSubType.fromLabel(label)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Battle", "BATTLES_", "Explosions", "Armed clash"})
    @NullSource
    void anUnknownEventTypeLabelReadsAsNothing(String label) {
        assertThat(AcledEventType.fromLabel(label)).isEmpty();
    }
}
