package org.conflictledger.actors.query;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;
import org.conflictledger.platform.audit.AuditTrail;
import org.conflictledger.platform.storage.DatabaseOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Questions the actor read model answers. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ActorQueries {
    private final AuditTrail audit;

    ActorQueries(AuditTrail audit) {
        this.audit = audit;
    }

    public Optional<ActorView> byId(UUID id) {
        return ActorView.findByIdOptional(id);
    }

    public Optional<ActorView> byKey(String key) {
        return ActorView.find("key", key).firstResultOptional();
    }

    /** Up to {@code limit} actors matching the filter, ordered by key. */
    public List<ActorView> list(ActorFilter filter, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.kind() != null) {
            where.add("a.kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.country() != null) {
            where.add("a.country = :country");
            params.and("country", filter.country());
        }
        if (filter.status() != null) {
            where.add("a.status = :status");
            params.and("status", filter.status());
        }
        if (filter.text() != null) {
            where.add("a.searchText like :text escape '!'");
            params.and("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.theater() != null) {
            where.add("exists (select r.id from RelationshipView r where r.theater = :theater"
                    + " and (r.actor = a or r.counterpartId = a.id))");
            params.and("theater", filter.theater());
        }
        if (filter.relatedTo() != null) {
            where.add("exists (select r.id from RelationshipView r where (r.actor = a and r.counterpartId = :related)"
                    + " or (r.actor.id = :related and r.counterpartId = a.id))");
            params.and("related", filter.relatedTo());
        }
        if (filter.externalId() != null) {
            where.add("exists (select 1 from ActorView x join x.externalIds e where x = a and e.scheme = :scheme"
                    + " and e.value = :externalValue)");
            params.and("scheme", filter.externalId().scheme()).and("externalValue", filter.externalId().value());
        }
        if (filter.afterKey() != null) {
            where.add("a.key > :afterKey");
            params.and("afterKey", filter.afterKey());
        }
        String query = "select a from ActorView a" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by a.key";
        return ActorView.<ActorView>find(query, params).page(0, limit).list();
    }

    /**
     * Up to {@code limit} actors as they stood at {@code asOf}, matching the filter with the values and relationships
     * of then, ordered by key. An actor unchanged since is read from the view; one changed since is folded from its
     * events up to the instant. Every actor is looked at for every page: actors are few (hundreds), unlike events.
     */
    @Transactional
    public List<ActorView> listAsOf(ActorFilter filter, Instant asOf, int limit) {
        List<ActorView> then = audit.statesAt(asOf, ActorView.<ActorView>list("registeredAt <= ?1", asOf),
                actor -> actor.updatedAt, actor -> actor.id.toString(), ActorQueries::fold);
        Set<UUID> inTheater = filter.theater() == null ? null
                : relatedBy(then, relationship -> relationship.theater == filter.theater());
        Set<UUID> relatedTo = filter.relatedTo() == null ? null : relatedBy(then, relationship ->
                relationship.actor.id.equals(filter.relatedTo()) || relationship.counterpartId.equals(filter.relatedTo()));
        String text = filter.text() == null ? null : filter.text().toLowerCase(Locale.ROOT);
        return then.stream()
                .filter(actor -> filter.kind() == null || actor.kind == filter.kind())
                .filter(actor -> filter.country() == null || filter.country().equals(actor.country))
                .filter(actor -> filter.status() == null || actor.status == filter.status())
                .filter(actor -> filter.externalId() == null || actor.externalIds.stream()
                        .anyMatch(id -> id.is(filter.externalId().scheme(), filter.externalId().value())))
                .filter(actor -> text == null || actor.searchText.contains(text))
                .filter(actor -> inTheater == null || inTheater.contains(actor.id))
                .filter(actor -> relatedTo == null
                        || relatedTo.contains(actor.id) && !actor.id.equals(filter.relatedTo()))
                .filter(actor -> filter.afterKey() == null || actor.key.compareTo(filter.afterKey()) > 0)
                .sorted(Comparator.comparing(actor -> actor.key))
                .limit(limit)
                .toList();
    }

    /** The actors at either end of the relationships that match. */
    private static Set<UUID> relatedBy(List<ActorView> actors, Predicate<RelationshipView> matches) {
        Set<UUID> ids = new HashSet<>();
        for (ActorView actor : actors) {
            for (RelationshipView relationship : actor.relationships) {
                if (matches.test(relationship)) {
                    ids.add(actor.id);
                    ids.add(relationship.counterpartId);
                }
            }
        }
        return ids;
    }

    /**
     * The relationships of an actor: those it declared ({@code outgoing}) and those naming it as
     * counterpart ({@code incoming}), optionally only those valid on a day, of a kind or theater.
     */
    public List<RelationshipView> relationships(UUID actorId, boolean outgoing, boolean incoming, LocalDate validAt,
                                                RelationshipKind kind, Theater theater) {
        List<RelationshipView> found = new ArrayList<>();
        if (outgoing) {
            found.addAll(RelationshipView.<RelationshipView>list("actor.id = ?1 order by declaredAt, id", actorId));
        }
        if (incoming) {
            found.addAll(RelationshipView.<RelationshipView>list("counterpartId = ?1 order by declaredAt, id", actorId));
        }
        return found.stream()
                .filter(r -> r.validAt(validAt))
                .filter(r -> kind == null || r.kind == kind)
                .filter(r -> theater == null || r.theater == theater)
                .toList();
    }

    /**
     * The relationships of an actor as they stood at {@code asOf}, filtered as {@link #relationships} does, with every
     * actor as it stood then (to name the counterparts as they were named then). Every actor is looked at: an incoming
     * relationship is held by its declaring actor, and actors are few.
     */
    @Transactional
    public RelationshipsAsOf relationshipsAsOf(UUID actorId, boolean outgoing, boolean incoming, LocalDate validAt,
                                               RelationshipKind kind, Theater theater, Instant asOf) {
        List<ActorView> then = audit.statesAt(asOf, ActorView.<ActorView>list("registeredAt <= ?1", asOf),
                actor -> actor.updatedAt, actor -> actor.id.toString(), ActorQueries::fold);
        Comparator<RelationshipView> declared = Comparator.<RelationshipView, Instant>comparing(r -> r.declaredAt)
                .thenComparing(r -> r.id, DatabaseOrder.UUIDS);
        List<RelationshipView> found = new ArrayList<>();
        if (outgoing) {
            then.stream().filter(actor -> actor.id.equals(actorId)).flatMap(actor -> actor.relationships.stream())
                    .sorted(declared).forEach(found::add);
        }
        if (incoming) {
            then.stream().flatMap(actor -> actor.relationships.stream())
                    .filter(relationship -> relationship.counterpartId.equals(actorId))
                    .sorted(declared).forEach(found::add);
        }
        List<RelationshipView> matching = found.stream()
                .filter(r -> r.validAt(validAt))
                .filter(r -> kind == null || r.kind == kind)
                .filter(r -> theater == null || r.theater == theater)
                .toList();
        return new RelationshipsAsOf(matching, then.stream().collect(Collectors.toMap(a -> a.id, Function.identity())));
    }

    /** Relationships as of an instant, and every actor as it stood then, by id. */
    public record RelationshipsAsOf(List<RelationshipView> relationships, Map<UUID, ActorView> actors) {
    }

    public Map<UUID, ActorView> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return ActorView.<ActorView>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
    }

    public long countActors() {
        return ActorView.count();
    }

    public long countRelationships() {
        return RelationshipView.count();
    }

    /** The actor as its events up to an instant make it; empty when it had no events yet. */
    public static Optional<ActorView> fold(List<DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        ActorView view = new ActorView();
        for (DomainEventMessage<?> event : events) {
            view.apply(event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
        }
        return Optional.of(view);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
