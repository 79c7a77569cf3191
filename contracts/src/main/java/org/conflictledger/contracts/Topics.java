package org.conflictledger.contracts;

/** Kafka topics the services publish to. Every message is a CloudEvent keyed by record id. */
public final class Topics {
    public static final String ACTORS = "ledger.actors.v1";
    public static final String EVENTS = "ledger.events.v1";
    public static final String AGREEMENTS = "ledger.agreements.v1";

    private Topics() {
    }
}
