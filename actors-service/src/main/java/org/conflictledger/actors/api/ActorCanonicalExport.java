package org.conflictledger.actors.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.conflictledger.actors.query.ActorFilter;
import org.conflictledger.actors.query.ActorQueries;
import org.conflictledger.actors.query.ActorView;
import org.conflictledger.actors.query.RelationshipView;
import org.conflictledger.platform.export.JsonLines;
import org.conflictledger.platform.release.CanonicalExport;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every actor as it stood at an instant, whatever its status, ordered by key: each line the actor as the list shows
 * it and the relationships it had declared by then (in the order declared, then by id), the actors at either end
 * named as they were named then.
 */
@ApplicationScoped
public class ActorCanonicalExport implements CanonicalExport {
    private static final ActorFilter EVERY_ACTOR = new ActorFilter(null, null, null, null, null, null, null, null);
    private static final Comparator<RelationshipView> DECLARED = Comparator
            .comparing((RelationshipView relationship) -> relationship.declaredAt)
            .thenComparing(relationship -> relationship.id.toString());

    private final ActorQueries queries;

    ActorCanonicalExport(ActorQueries queries) {
        this.queries = queries;
    }

    /** One line of the export. */
    record ActorWithRelationships(ActorRepresentations.Actor actor,
                                  List<ActorRepresentations.Relationship> relationships) {
    }

    @Override
    public String collection() {
        return "actors";
    }

    /** Actors are few (hundreds): the list as of an instant folds them all at once anyway. */
    @Override
    @Transactional
    public void write(Instant at, JsonLines out) throws IOException {
        List<ActorView> actors = queries.listAsOf(EVERY_ACTOR, at, Integer.MAX_VALUE);
        Map<UUID, ActorView> byId = actors.stream().collect(Collectors.toMap(actor -> actor.id, Function.identity()));
        for (ActorView actor : actors) {
            List<ActorRepresentations.Relationship> relationships = actor.relationships.stream().sorted(DECLARED)
                    .map(relationship -> ActorRepresentations.Relationship.of(relationship,
                            ActorRepresentations.ActorSummary.of(relationship.counterpartId,
                                    byId.get(relationship.counterpartId)), "outgoing"))
                    .toList();
            out.write(new ActorWithRelationships(ActorRepresentations.Actor.of(actor, at), relationships));
        }
    }
}
