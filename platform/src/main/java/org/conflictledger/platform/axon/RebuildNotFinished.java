package org.conflictledger.platform.axon;

import java.time.Duration;

/**
 * A read-model rebuild still replaying when its request stopped waiting (answered 503 with Retry-After). The replay
 * goes on; asking for the rebuild again waits for the same replay instead of starting another.
 */
public class RebuildNotFinished extends RuntimeException {
    public RebuildNotFinished(String processorName, long position, long head, Duration waited) {
        super("The read model " + processorName + " is still being rebuilt after " + waited.toSeconds()
                + " s: replayed up to event " + position + " of " + head + ". The replay goes on; send the same"
                + " request again to wait for it (it does not start the replay again)");
    }
}
