package org.conflictledger.actors.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.conflictledger.actors.query.ActorFilter;
import org.conflictledger.actors.query.ActorQueries;
import org.conflictledger.actors.query.ActorView;
import org.conflictledger.platform.export.JsonLines;
import org.conflictledger.platform.release.CanonicalExport;

import java.io.IOException;
import java.time.Instant;

/** Every actor as it stood at an instant, whatever its status, ordered by key, as the list shows an actor. */
@ApplicationScoped
public class ActorCanonicalExport implements CanonicalExport {
    private static final ActorFilter EVERY_ACTOR = new ActorFilter(null, null, null, null, null, null, null, null);

    private final ActorQueries queries;

    ActorCanonicalExport(ActorQueries queries) {
        this.queries = queries;
    }

    @Override
    public String collection() {
        return "actors";
    }

    /** Actors are few (hundreds): the list as of an instant folds them all at once anyway. */
    @Override
    @Transactional
    public void write(Instant at, JsonLines out) throws IOException {
        for (ActorView actor : queries.listAsOf(EVERY_ACTOR, at, Integer.MAX_VALUE)) {
            out.write(ActorRepresentations.Actor.of(actor, at));
        }
    }
}
