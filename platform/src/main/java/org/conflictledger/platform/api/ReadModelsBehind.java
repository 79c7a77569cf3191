package org.conflictledger.platform.api;

/**
 * The read models have not caught up with the stored events within the wait: a read that must hold every event stored
 * by an instant (an export, whose hash is cited) is answered 503 with Retry-After rather than with a part of them.
 */
public class ReadModelsBehind extends RuntimeException {
    public ReadModelsBehind(String detail) {
        super(detail);
    }
}
