package org.conflictledger.access;

import java.time.Instant;
import java.util.Set;

/**
 * Who a verified token speaks for: its subject (recorded as the principal of every change), its roles, and until
 * when the token may be used (its {@code exp}, or earlier when its maximum age comes first).
 */
public record Caller(String subject, Set<Role> roles, Instant validUntil) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role needed) {
        return roles.stream().anyMatch(role -> role.includes(needed));
    }
}
