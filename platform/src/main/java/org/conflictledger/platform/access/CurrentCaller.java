package org.conflictledger.platform.access;

import jakarta.enterprise.context.RequestScoped;
import org.conflictledger.access.Caller;

import java.util.Optional;

/** The caller whose token the current request carried, once {@link AccessFilter} has verified it. */
@RequestScoped
public class CurrentCaller {
    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Optional<Caller> get() {
        return Optional.ofNullable(caller);
    }
}
