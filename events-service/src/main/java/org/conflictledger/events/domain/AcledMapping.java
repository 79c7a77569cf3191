package org.conflictledger.events.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.conflictledger.contracts.ConflictEventType;

/**
 * How the record's event types speak ACLED's language: the ACLED event type and default sub-type
 * of each {@link ConflictEventType} (for export, and for a report that names no sub-type), which
 * sub-types a type allows, and the plain type an imported ACLED row becomes.
 */
public final class AcledMapping {

    private AcledMapping() {
    }

    /** The ACLED event type an event of this type is exported as. */
    public static AcledEventType acledEventType(ConflictEventType type) {
        return defaultSubType(type).acledEventType();
    }

    /** The sub-type an event of this type takes when its report names none. */
    public static AcledSubType defaultSubType(ConflictEventType type) {
        Objects.requireNonNull(type, "type");
        return switch (type) {
            case BATTLE, CEASEFIRE_VIOLATION -> AcledSubType.ARMED_CLASH;
            case EXPLOSION_REMOTE_VIOLENCE -> AcledSubType.SHELLING_ARTILLERY_MISSILE_ATTACK;
            case VIOLENCE_AGAINST_CIVILIANS -> AcledSubType.ATTACK;
            case PROTEST -> AcledSubType.PEACEFUL_PROTEST;
            case RIOT -> AcledSubType.VIOLENT_DEMONSTRATION;
            case STRATEGIC_DEVELOPMENT, STATEMENT, SANCTION -> AcledSubType.OTHER;
            case CEASEFIRE_DECLARED, NEGOTIATION, AGREEMENT_SIGNED, PRISONER_EXCHANGE -> AcledSubType.AGREEMENT;
            case INTERVENTION, DEPLOYMENT -> AcledSubType.HEADQUARTERS_OR_BASE_ESTABLISHED;
            case WITHDRAWAL -> AcledSubType.NON_VIOLENT_TRANSFER_OF_TERRITORY;
        };
    }

    /**
     * The sub-types an event of this type may carry: those of the ACLED event type it maps to, and
     * for a ceasefire violation those of Battles and of Explosions/Remote violence.
     */
    public static Set<AcledSubType> allowedSubTypes(ConflictEventType type) {
        Set<AcledSubType> allowed = EnumSet.copyOf(acledEventType(type).subTypes());
        if (type == ConflictEventType.CEASEFIRE_VIOLATION) {
            allowed.addAll(AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE.subTypes());
        }
        return Set.copyOf(allowed);
    }

    /** Whether an event of {@code type} may carry {@code subType}; {@code false} when either is {@code null}. */
    public static boolean allows(ConflictEventType type, AcledSubType subType) {
        return type != null && subType != null && allowedSubTypes(type).contains(subType);
    }

    /** The plain, ACLED-level type an imported row of this ACLED event type becomes. */
    public static ConflictEventType typeFor(AcledEventType acledEventType) {
        Objects.requireNonNull(acledEventType, "acledEventType");
        return switch (acledEventType) {
            case BATTLES -> ConflictEventType.BATTLE;
            case EXPLOSIONS_REMOTE_VIOLENCE -> ConflictEventType.EXPLOSION_REMOTE_VIOLENCE;
            case VIOLENCE_AGAINST_CIVILIANS -> ConflictEventType.VIOLENCE_AGAINST_CIVILIANS;
            case PROTESTS -> ConflictEventType.PROTEST;
            case RIOTS -> ConflictEventType.RIOT;
            case STRATEGIC_DEVELOPMENTS -> ConflictEventType.STRATEGIC_DEVELOPMENT;
        };
    }
}
