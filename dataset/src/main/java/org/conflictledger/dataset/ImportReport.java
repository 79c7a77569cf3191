package org.conflictledger.dataset;

/** What an import did: counts per outcome. */
public final class ImportReport {
    private int actorsRegistered;
    private int actorsPresent;
    private int relationshipsDeclared;
    private int relationshipsPresent;
    private int externalIdsAdded;
    private int externalIdsPresent;
    private boolean externalIdsPass;
    private int agreementsRecorded;
    private int agreementsPresent;
    private int termsAdded;
    private int termsPresent;
    private boolean agreementsPass;
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

    void externalIdsPassStarted() {
        externalIdsPass = true;
    }

    void externalIdAdded() {
        externalIdsAdded++;
    }

    void externalIdPresent() {
        externalIdsPresent++;
    }

    public int externalIdsAdded() {
        return externalIdsAdded;
    }

    public int externalIdsPresent() {
        return externalIdsPresent;
    }

    void agreementsPassStarted() {
        agreementsPass = true;
    }

    void agreementRecorded() {
        agreementsRecorded++;
    }

    void agreementPresent() {
        agreementsPresent++;
    }

    void termAdded() {
        termsAdded++;
    }

    void termPresent() {
        termsPresent++;
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

    public int agreementsRecorded() {
        return agreementsRecorded;
    }

    public int agreementsPresent() {
        return agreementsPresent;
    }

    public int termsAdded() {
        return termsAdded;
    }

    public int termsPresent() {
        return termsPresent;
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
        return actorsRegistered + actorsPresent + externalIdsAdded + externalIdsPresent + relationshipsDeclared
                + relationshipsPresent + agreementsRecorded
                + agreementsPresent + termsAdded + termsPresent + eventsRecorded + eventsPresent + failed;
    }

    /**
     * E.g. {@code actors: 26 registered, 0 present; relationships: 42 declared, 0 present; 0 failed}, with
     * {@code external ids: 13 added, 0 present; } after the actors when the dataset names any, and
     * {@code agreements: 4 recorded, 0 present; terms: 19 added, 0 present; } when the agreements pass ran and
     * {@code events: 13 recorded, 0 present; } when the events pass ran, before the failures.
     */
    public String summary() {
        String agreements = agreementsPass ? "agreements: " + agreementsRecorded + " recorded, " + agreementsPresent
                + " present; terms: " + termsAdded + " added, " + termsPresent + " present; " : "";
        String events = eventsPass ? "events: " + eventsRecorded + " recorded, " + eventsPresent + " present; " : "";
        String externalIds = externalIdsPass ? "external ids: " + externalIdsAdded + " added, " + externalIdsPresent
                + " present; " : "";
        return "actors: " + actorsRegistered + " registered, " + actorsPresent + " present; " + externalIds
                + "relationships: "
                + relationshipsDeclared + " declared, " + relationshipsPresent + " present; " + agreements + events
                + failed + " failed";
    }
}
