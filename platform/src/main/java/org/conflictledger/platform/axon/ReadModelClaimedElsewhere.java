package org.conflictledger.platform.axon;

/**
 * A read model cannot be rebuilt (or the topic republished) here because another replica holds the
 * claim of one of the processor's segments (answered 409). A reset must claim every segment; the owner keeps its
 * claim for as long as it runs.
 */
public class ReadModelClaimedElsewhere extends RuntimeException {
    private final String processorName;
    private final String owner;

    public ReadModelClaimedElsewhere(String processorName, String owner) {
        super("The processor " + processorName + " runs on another replica (" + owner
                + "); a rebuild or republish must run on the replica that runs it. Send the request to that replica"
                + " (the owner is its pid@host), or scale the service to one replica, and try again");
        this.processorName = processorName;
        this.owner = owner;
    }

    public String processorName() {
        return processorName;
    }

    public String owner() {
        return owner;
    }
}
