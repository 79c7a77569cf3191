package org.conflictledger.platform.axon;

/**
 * A read model cannot be rebuilt here because another replica holds the claim of one of its
 * processor's segments (answered 409). A reset must claim every segment; the owner keeps its
 * claim for as long as it runs.
 */
public class ReadModelClaimedElsewhere extends RuntimeException {
    private final String processorName;
    private final String owner;

    public ReadModelClaimedElsewhere(String processorName, String owner) {
        super("Read model " + processorName + " is being processed by another replica (" + owner
                + "); a rebuild must run on the replica that processes it. Send the request to that replica"
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
