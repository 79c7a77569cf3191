package org.conflictledger.dataset;

/** What an import did: counts per outcome. */
public final class ImportReport {
    private int actorsRegistered;
    private int actorsPresent;
    private int relationshipsDeclared;
    private int relationshipsPresent;
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

    public int failures() {
        return failed;
    }

    /** Records handled so far, whatever the outcome. */
    public int processed() {
        return actorsRegistered + actorsPresent + relationshipsDeclared + relationshipsPresent + failed;
    }

    /** E.g. {@code actors: 26 registered, 0 present; relationships: 42 declared, 0 present; 0 failed}. */
    public String summary() {
        return "actors: " + actorsRegistered + " registered, " + actorsPresent + " present; relationships: "
                + relationshipsDeclared + " declared, " + relationshipsPresent + " present; " + failed + " failed";
    }
}
