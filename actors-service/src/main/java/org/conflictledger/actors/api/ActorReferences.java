package org.conflictledger.actors.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.actors.write.ActorKeyRegistry;
import org.conflictledger.contracts.RecordLimits;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.RecordNotFound;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Resolves the ways clients name an actor (its id or its key) to its id. */
@ApplicationScoped
public class ActorReferences {
    private static final Pattern KEY = Pattern.compile(RecordLimits.ACTOR_KEY);
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final ActorKeyRegistry keys;

    ActorReferences(ActorKeyRegistry keys) {
        this.keys = keys;
    }

    /** The actor named in a path; 404 when none. */
    public UUID inPath(String reference) {
        return find(reference).orElseThrow(() -> new RecordNotFound("actor", reference));
    }

    /** The actor named in a request field; 400 naming the field when none. */
    public UUID inField(String field, String reference) {
        return find(reference).orElseThrow(() -> new InvalidRequest(field, "no actor has the id or key " + reference));
    }

    private Optional<UUID> find(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        if (UUID_TEXT.matcher(reference).matches()) {
            UUID id = UUID.fromString(reference);
            return keys.isRegistered(id) ? Optional.of(id) : Optional.empty();
        }
        return KEY.matcher(reference).matches() ? keys.actorWithKey(reference) : Optional.empty();
    }
}
