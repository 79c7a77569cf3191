package org.conflictledger.events.domain;

import static org.conflictledger.events.domain.AcledEventType.BATTLES;
import static org.conflictledger.events.domain.AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE;
import static org.conflictledger.events.domain.AcledEventType.PROTESTS;
import static org.conflictledger.events.domain.AcledEventType.RIOTS;
import static org.conflictledger.events.domain.AcledEventType.STRATEGIC_DEVELOPMENTS;
import static org.conflictledger.events.domain.AcledEventType.VIOLENCE_AGAINST_CIVILIANS;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ACLED's sub-event types ({@code sub_event_type}), each with the exact text ACLED uses and the
 * event type it belongs to.
 */
public enum AcledSubType {
    ARMED_CLASH("Armed clash", BATTLES),
    GOVERNMENT_REGAINS_TERRITORY("Government regains territory", BATTLES),
    NON_STATE_ACTOR_OVERTAKES_TERRITORY("Non-state actor overtakes territory", BATTLES),

    CHEMICAL_WEAPON("Chemical weapon", EXPLOSIONS_REMOTE_VIOLENCE),
    AIR_DRONE_STRIKE("Air/drone strike", EXPLOSIONS_REMOTE_VIOLENCE),
    SUICIDE_BOMB("Suicide bomb", EXPLOSIONS_REMOTE_VIOLENCE),
    SHELLING_ARTILLERY_MISSILE_ATTACK("Shelling/artillery/missile attack", EXPLOSIONS_REMOTE_VIOLENCE),
    REMOTE_EXPLOSIVE_LANDMINE_IED("Remote explosive/landmine/IED", EXPLOSIONS_REMOTE_VIOLENCE),
    GRENADE("Grenade", EXPLOSIONS_REMOTE_VIOLENCE),

    SEXUAL_VIOLENCE("Sexual violence", VIOLENCE_AGAINST_CIVILIANS),
    ATTACK("Attack", VIOLENCE_AGAINST_CIVILIANS),
    ABDUCTION_FORCED_DISAPPEARANCE("Abduction/forced disappearance", VIOLENCE_AGAINST_CIVILIANS),

    PEACEFUL_PROTEST("Peaceful protest", PROTESTS),
    PROTEST_WITH_INTERVENTION("Protest with intervention", PROTESTS),
    EXCESSIVE_FORCE_AGAINST_PROTESTERS("Excessive force against protesters", PROTESTS),

    VIOLENT_DEMONSTRATION("Violent demonstration", RIOTS),
    MOB_VIOLENCE("Mob violence", RIOTS),

    AGREEMENT("Agreement", STRATEGIC_DEVELOPMENTS),
    ARRESTS("Arrests", STRATEGIC_DEVELOPMENTS),
    CHANGE_TO_GROUP_ACTIVITY("Change to group/activity", STRATEGIC_DEVELOPMENTS),
    DISRUPTED_WEAPONS_USE("Disrupted weapons use", STRATEGIC_DEVELOPMENTS),
    HEADQUARTERS_OR_BASE_ESTABLISHED("Headquarters or base established", STRATEGIC_DEVELOPMENTS),
    LOOTING_PROPERTY_DESTRUCTION("Looting/property destruction", STRATEGIC_DEVELOPMENTS),
    NON_VIOLENT_TRANSFER_OF_TERRITORY("Non-violent transfer of territory", STRATEGIC_DEVELOPMENTS),
    OTHER("Other", STRATEGIC_DEVELOPMENTS);

    private static final Map<String, AcledSubType> BY_LABEL = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(subType -> fold(subType.label), Function.identity()));

    private final String label;
    private final AcledEventType acledEventType;

    AcledSubType(String label, AcledEventType acledEventType) {
        this.label = label;
        this.acledEventType = acledEventType;
    }

    /** ACLED's text for this sub-event type, e.g. {@code Air/drone strike}. */
    public String label() {
        return label;
    }

    /** The ACLED event type this sub-event type belongs to. */
    public AcledEventType acledEventType() {
        return acledEventType;
    }

    /**
     * The sub-event type ACLED writes as {@code label}, ignoring case and surrounding blanks; empty
     * for {@code null} or an unknown text.
     */
    public static Optional<AcledSubType> fromLabel(String label) {
        return label == null ? Optional.empty() : Optional.ofNullable(BY_LABEL.get(fold(label)));
    }

    private static String fold(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }
}
