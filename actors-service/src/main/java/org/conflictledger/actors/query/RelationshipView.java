package org.conflictledger.actors.query;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.conflictledger.actors.domain.RelationshipDeclared;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A relationship an actor declared towards a counterpart, with its valid-time interval. */
@Entity
@Table(name = "relationship_view")
public class RelationshipView extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "actor_id")
    public ActorView actor;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public RelationshipKind kind;
    @Column(name = "counterpart_id", nullable = false)
    public UUID counterpartId;
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    public Theater theater;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    public Double confidence;
    @Column(nullable = false)
    public boolean ended;
    @Column(name = "declared_at", nullable = false)
    public Instant declaredAt;

    static RelationshipView declared(ActorView actor, RelationshipDeclared event, Instant at) {
        RelationshipView view = new RelationshipView();
        view.id = event.relationshipId();
        view.actor = actor;
        view.kind = event.kind();
        view.counterpartId = event.counterpartId();
        view.theater = event.theater();
        view.validFrom = event.validFrom();
        view.validUntil = event.validUntil();
        view.confidence = event.confidence();
        view.declaredAt = at;
        return view;
    }

    void end(LocalDate until) {
        validUntil = until;
        ended = true;
    }

    /** Whether the relationship held on {@code day} (valid time); null asks for none. */
    public boolean validAt(LocalDate day) {
        return day == null
                || (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || !day.isAfter(validUntil));
    }
}
