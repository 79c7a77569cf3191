package org.conflictledger.dataset;

/** What an import did: counts per outcome. */
public final class ImportReport {
    private int actorsRegistered;
    private int actorsPresent;
    private int relationshipsDeclared;
    private int relationshipsPresent;
    private int eventsRecorded;
    private int eventsPresent;
    private boolean eventsPass;
    private int failed;

    void actorRegistered() {
        actorsRegistered++;
    }

    void actorPresent() {
        actorsPresent++;
    }

    void relationshipDeclared() {
        relationshipsDeclared++;
    }

    void relationshipPresent() {
        relationshipsPresent++;
    }

    void eventsPassStarted() {
        eventsPass = true;
    }

    void eventRecorded() {
        eventsRecorded++;
    }

    void eventPresent() {
        eventsPresent++;
    }

    void failed() {
        failed++;
    }

    public int actorsRegistered() {
        return actorsRegistered;
    }

    public int actorsPresent() {
        return actorsPresent;
    }

    public int relationshipsDeclared() {
        return relationshipsDeclared;
    }

    public int relationshipsPresent() {
        return relationshipsPresent;
    }

    public int eventsRecorded() {
        return eventsRecorded;
    }

    public int eventsPresent() {
        return eventsPresent;
    }

    public int failures() {
        return failed;
    }

    /** Records handled so far, whatever the outcome. */
    public int processed() {
        return actorsRegistered + actorsPresent + relationshipsDeclared + relationshipsPresent + eventsRecorded
                + eventsPresent + failed;
    }

    /**
     * E.g. {@code actors: 26 registered, 0 present; relationships: 42 declared, 0 present; 0 failed}, with
     * {@code events: 13 recorded, 0 present; } before the failures when the events pass ran.
     */
    public String summary() {
        String events = eventsPass ? "events: " + eventsRecorded + " recorded, " + eventsPresent + " present; " : "";
        return "actors: " + actorsRegistered + " registered, " + actorsPresent + " present; relationships: "
                + relationshipsDeclared + " declared, " + relationshipsPresent + " present; " + events + failed
                + " failed";
    }
}
