package org.conflictledger.contracts;

/**
 * CloudEvent {@code type}s published on {@link Topics#ACTORS}. The {@code data} of each is the
 * JSON of the stored event; every one carries {@code actorId}.
 */
public final class ActorEventTypes {
    public static final String REGISTERED = "ledger.actor.registered.v1";
    public static final String RENAMED = "ledger.actor.renamed.v1";
    public static final String ALIASES_CHANGED = "ledger.actor.aliases-changed.v1";
    public static final String KIND_CORRECTED = "ledger.actor.kind-corrected.v1";
    public static final String COUNTRY_CORRECTED = "ledger.actor.country-corrected.v1";
    public static final String EXTERNAL_ID_ADDED = "ledger.actor.external-id-added.v1";
    public static final String EXTERNAL_ID_REMOVED = "ledger.actor.external-id-removed.v1";
    public static final String RELATIONSHIP_DECLARED = "ledger.actor.relationship-declared.v1";
    public static final String RELATIONSHIP_ENDED = "ledger.actor.relationship-ended.v1";
    public static final String MERGED = "ledger.actor.merged.v1";
    public static final String RETRACTED = "ledger.actor.retracted.v1";

    private ActorEventTypes() {
    }
}
