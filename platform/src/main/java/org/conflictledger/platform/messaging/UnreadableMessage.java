package org.conflictledger.platform.messaging;

/** A message that is not a ledger CloudEvent the consumer handles; no retry can change that. */
public class UnreadableMessage extends RuntimeException {

    public UnreadableMessage(String reason) {
        super(reason);
    }
}
