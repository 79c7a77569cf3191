package org.conflictledger.contracts;

/** The CloudEvent {@code source} each service publishes under: consumers accept a topic's events only from it. */
public final class CloudEventSources {
    public static final String ACTORS_SERVICE = of("actors-service");
    public static final String EVENTS_SERVICE = of("events-service");
    public static final String AGREEMENTS_SERVICE = of("agreements-service");

    private CloudEventSources() {
    }

    /** The source of the events a service publishes, from its name. */
    public static String of(String serviceName) {
        return "/conflict-ledger/" + serviceName;
    }
}
