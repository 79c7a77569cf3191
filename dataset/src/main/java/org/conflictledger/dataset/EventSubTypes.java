package org.conflictledger.dataset;

import org.conflictledger.contracts.ConflictEventType;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which ACLED sub-types (by name) an event type allows, as events-service's {@code AcledMapping}
 * and {@code AcledSubType} say: those of the ACLED event type it maps to, and for a ceasefire
 * violation those of Battles and of Explosions/Remote violence. Kept here so that a dataset is
 * checked before anything is sent; the dataset module does not depend on events-service.
 */
final class EventSubTypes {
    static final List<String> BATTLES = List.of("ARMED_CLASH", "GOVERNMENT_REGAINS_TERRITORY",
            "NON_STATE_ACTOR_OVERTAKES_TERRITORY");
    static final List<String> EXPLOSIONS_REMOTE_VIOLENCE = List.of("CHEMICAL_WEAPON", "AIR_DRONE_STRIKE",
            "SUICIDE_BOMB", "SHELLING_ARTILLERY_MISSILE_ATTACK", "REMOTE_EXPLOSIVE_LANDMINE_IED", "GRENADE");
    static final List<String> VIOLENCE_AGAINST_CIVILIANS = List.of("SEXUAL_VIOLENCE", "ATTACK",
            "ABDUCTION_FORCED_DISAPPEARANCE");
    static final List<String> PROTESTS = List.of("PEACEFUL_PROTEST", "PROTEST_WITH_INTERVENTION",
            "EXCESSIVE_FORCE_AGAINST_PROTESTERS");
    static final List<String> RIOTS = List.of("VIOLENT_DEMONSTRATION", "MOB_VIOLENCE");
    static final List<String> STRATEGIC_DEVELOPMENTS = List.of("AGREEMENT", "ARRESTS", "CHANGE_TO_GROUP_ACTIVITY",
            "DISRUPTED_WEAPONS_USE", "HEADQUARTERS_OR_BASE_ESTABLISHED", "LOOTING_PROPERTY_DESTRUCTION",
            "NON_VIOLENT_TRANSFER_OF_TERRITORY", "OTHER");

    private EventSubTypes() {
    }

    /** The sub-types an event of this type may carry, in ACLED's order. */
    static Set<String> allowed(ConflictEventType type) {
        Set<String> allowed = new LinkedHashSet<>();
        switch (type) {
            case BATTLE -> allowed.addAll(BATTLES);
            case CEASEFIRE_VIOLATION -> {
                allowed.addAll(BATTLES);
                allowed.addAll(EXPLOSIONS_REMOTE_VIOLENCE);
            }
            case EXPLOSION_REMOTE_VIOLENCE -> allowed.addAll(EXPLOSIONS_REMOTE_VIOLENCE);
            case VIOLENCE_AGAINST_CIVILIANS -> allowed.addAll(VIOLENCE_AGAINST_CIVILIANS);
            case PROTEST -> allowed.addAll(PROTESTS);
            case RIOT -> allowed.addAll(RIOTS);
            case STRATEGIC_DEVELOPMENT, STATEMENT, SANCTION, CEASEFIRE_DECLARED, NEGOTIATION, AGREEMENT_SIGNED,
                 PRISONER_EXCHANGE, INTERVENTION, DEPLOYMENT, WITHDRAWAL -> allowed.addAll(STRATEGIC_DEVELOPMENTS);
        }
        return allowed;
    }

    /** Every sub-type name events-service knows. */
    static Set<String> all() {
        Set<String> all = new LinkedHashSet<>();
        for (ConflictEventType type : ConflictEventType.values()) {
            all.addAll(allowed(type));
        }
        return all;
    }
}
