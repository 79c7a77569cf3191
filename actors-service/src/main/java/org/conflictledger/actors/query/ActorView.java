package org.conflictledger.actors.query;

import org.conflictledger.platform.externalid.ExternalIdColumns;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.conflictledger.actors.domain.ActorAliasesChanged;
import org.conflictledger.actors.domain.ActorCountryCorrected;
import org.conflictledger.actors.domain.ActorExternalIdAdded;
import org.conflictledger.actors.domain.ActorExternalIdRemoved;
import org.conflictledger.actors.domain.ActorKindCorrected;
import org.conflictledger.actors.domain.ActorMerged;
import org.conflictledger.actors.domain.ActorRegistered;
import org.conflictledger.actors.domain.ActorRenamed;
import org.conflictledger.actors.domain.ActorRetracted;
import org.conflictledger.actors.domain.RelationshipDeclared;
import org.conflictledger.actors.domain.RelationshipEnded;
import org.conflictledger.contracts.ActorKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An actor as the record currently says, kept by {@link ActorProjection}. The same
 * {@link #apply} folds events into a detached instance to show an actor as of an instant.
 */
@Entity
@Table(name = "actor_view")
public class ActorView extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "actor_key", nullable = false, unique = true, length = 64)
    public String key;
    @Column(nullable = false, length = 200)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public ActorKind kind;
    @Column(length = 3)
    public String country;
    @Column(length = 64)
    public String affiliation;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ActorStatus status;
    @Column(name = "merged_into")
    public UUID mergedInto;
    /** Number of events of the actor, the value of its ETag. */
    @Column(nullable = false)
    public long version;
    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    /** Lower-case name and aliases, one per line, for text search. */
    @Column(name = "search_text", nullable = false, length = 12000)
    public String searchText;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "actor_view_alias", joinColumns = @JoinColumn(name = "actor_id"))
    @OrderColumn(name = "position")
    @Column(name = "alias", nullable = false, length = 200)
    public List<String> aliases = new ArrayList<>();

    /** In the order they were added (the position keeps it, so that the view compares equal to the fold). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "actor_view_external_id", joinColumns = @JoinColumn(name = "actor_id"))
    @OrderColumn(name = "position")
    public List<ExternalIdColumns> externalIds = new ArrayList<>();

    @OneToMany(mappedBy = "actor", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("declaredAt, id")
    public List<RelationshipView> relationships = new ArrayList<>();

    /** Applies one event of this actor, recorded at {@code at} as its {@code sequence}-th event. */
    public void apply(Object event, long sequence, Instant at) {
        if (event instanceof ActorRegistered e) {
            id = e.actorId();
            key = e.key();
            name = e.name();
            kind = e.kind();
            aliases = new ArrayList<>(e.aliases() == null ? List.of() : e.aliases());
            country = e.country();
            affiliation = e.affiliation();
            status = ActorStatus.ACTIVE;
            registeredAt = at;
        } else if (event instanceof ActorRenamed e) {
            name = e.name();
        } else if (event instanceof ActorAliasesChanged e) {
            aliases.clear();
            aliases.addAll(e.aliases());
        } else if (event instanceof ActorKindCorrected e) {
            kind = e.kind();
        } else if (event instanceof ActorCountryCorrected e) {
            country = e.country();
        } else if (event instanceof ActorExternalIdAdded e) {
            if (externalIds.stream().noneMatch(id -> id.is(e.scheme(), e.value()))) {
                externalIds.add(new ExternalIdColumns(e.scheme(), e.value()));
            }
        } else if (event instanceof ActorExternalIdRemoved e) {
            externalIds.removeIf(id -> id.is(e.scheme(), e.value()));
        } else if (event instanceof RelationshipDeclared e) {
            relationships.add(RelationshipView.declared(this, e, at));
        } else if (event instanceof RelationshipEnded e) {
            relationships.stream().filter(r -> r.id.equals(e.relationshipId())).findFirst()
                    .ifPresent(r -> r.end(e.validUntil()));
        } else if (event instanceof ActorMerged e) {
            status = ActorStatus.MERGED;
            mergedInto = e.intoActorId();
        } else if (event instanceof ActorRetracted) {
            status = ActorStatus.RETRACTED;
        }
        version = sequence + 1;
        updatedAt = at;
        searchText = searchTextOf(name, aliases);
    }

    private static String searchTextOf(String name, List<String> aliases) {
        StringBuilder text = new StringBuilder(name.toLowerCase(Locale.ROOT));
        aliases.forEach(alias -> text.append('\n').append(alias.toLowerCase(Locale.ROOT)));
        return text.length() > 12000 ? text.substring(0, 12000) : text.toString();
    }
}
