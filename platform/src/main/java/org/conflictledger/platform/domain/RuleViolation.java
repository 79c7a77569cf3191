package org.conflictledger.platform.domain;

/**
 * A command broke a business rule of the record (answered with 409 and a problem document).
 * Plain Java, so aggregates may throw it without depending on any framework.
 */
public class RuleViolation extends RuntimeException {
    private final String rule;

    /**
     * @param rule    a short, stable, kebab-case name of the broken rule, e.g. {@code actor-retracted}
     * @param message what went wrong, for a person
     */
    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
