package org.conflictledger.contracts;

/**
 * Where an agreement stands. {@code TERMINATED} and {@code SUPERSEDED} are final; {@code SUSPENDED}
 * can return to {@code IN_FORCE}.
 */
public enum AgreementStatus {
    DRAFT,
    SIGNED,
    IN_FORCE,
    SUSPENDED,
    TERMINATED,
    SUPERSEDED;

    public boolean isFinal() {
        return this == TERMINATED || this == SUPERSEDED;
    }
}
