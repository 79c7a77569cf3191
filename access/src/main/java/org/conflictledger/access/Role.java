package org.conflictledger.access;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles a token's {@code groups} claim grants. They nest: an editor may also read, an admin may also edit.
 */
public enum Role {
    READER, EDITOR, ADMIN;

    /** The claim value, as written in a token's {@code groups}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether holding this role is enough for an action that needs {@code needed}. */
    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    public static Optional<Role> fromClaim(String claim) {
        for (Role role : values()) {
            if (role.claim().equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
