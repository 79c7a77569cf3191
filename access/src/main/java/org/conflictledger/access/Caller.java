package org.conflictledger.access;

import java.util.Set;

/** Who a verified token speaks for: its subject (recorded as the principal of every change) and its roles. */
public record Caller(String subject, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role needed) {
        return roles.stream().anyMatch(role -> role.includes(needed));
    }
}
