package org.conflictledger.events.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ACLED's six event types ({@code event_type}), with the exact text ACLED uses for each.
 */
public enum AcledEventType {
    BATTLES("Battles"),
    EXPLOSIONS_REMOTE_VIOLENCE("Explosions/Remote violence"),
    VIOLENCE_AGAINST_CIVILIANS("Violence against civilians"),
    PROTESTS("Protests"),
    RIOTS("Riots"),
    STRATEGIC_DEVELOPMENTS("Strategic developments");

    private static final Map<String, AcledEventType> BY_LABEL = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(type -> fold(type.label), Function.identity()));

    private final String label;

    AcledEventType(String label) {
        this.label = label;
    }

    /** ACLED's text for this event type, e.g. {@code Explosions/Remote violence}. */
    public String label() {
        return label;
    }

    /** The sub-event types of this event type, in ACLED's order. */
    public List<AcledSubType> subTypes() {
        return Arrays.stream(AcledSubType.values()).filter(subType -> subType.acledEventType() == this).toList();
    }

    /**
     * The event type ACLED writes as {@code label}, ignoring case and surrounding blanks; empty for
     * {@code null} or an unknown text.
     */
    public static Optional<AcledEventType> fromLabel(String label) {
        return label == null ? Optional.empty() : Optional.ofNullable(BY_LABEL.get(fold(label)));
    }

    private static String fold(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }
}
