package org.conflictledger.platform.access;

import jakarta.enterprise.context.RequestScoped;
import org.conflictledger.access.Caller;

import java.util.Optional;

/**
 * The caller whose token the current request carried, once {@link AccessFilter} has verified it; with token checks
 * off, the name the request claims in {@value #PRINCIPAL_HEADER} instead.
 */
@RequestScoped
public class CurrentCaller {
    /** Names the principal of a request only while token checks are off (development, tests). */
    public static final String PRINCIPAL_HEADER = "X-Ledger-Principal";

    private Caller caller;
    private String claimedPrincipal;

    void set(Caller caller) {
        this.caller = caller;
    }

    void claim(String principal) {
        this.claimedPrincipal = principal == null || principal.isBlank() ? null : principal.strip();
    }

    public Optional<Caller> get() {
        return Optional.ofNullable(caller);
    }

    /**
     * Who the request is made by, as recorded with each change and as the owner of its Idempotency-Keys: the subject of
     * the verified token, or with token checks off the claimed name; empty for an anonymous request.
     */
    public Optional<String> principal() {
        return caller != null ? Optional.of(caller.subject()) : Optional.ofNullable(claimedPrincipal);
    }
}
