package org.conflictledger.actors.domain;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.conflictledger.actors.domain.ActorRules.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;
import org.conflictledger.platform.domain.RuleViolation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * An actor of the record (a state, a leader, an armed group …) and the relationships it declares
 * towards other actors.
 *
 * <p>Command handlers check the rules (see {@link ActorRules}) and apply events; event-sourcing
 * handlers only assign state. An actor is never deleted: once merged into another or retracted it
 * accepts no further change. Its state is plain fields of JSON-friendly types, so a snapshot is
 * its Jackson serialisation.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class Actor {

    @AggregateIdentifier
    private UUID actorId;
    private String key;
    private String name;
    private ActorKind kind;
    private List<String> aliases = new ArrayList<>();
    private String country;
    private String affiliation;
    private List<ExternalId> externalIds = new ArrayList<>();
    private Map<UUID, Relationship> relationships = new LinkedHashMap<>();
    private UUID mergedInto;
    private boolean retracted;

    /** For Axon and Jackson. */
    protected Actor() {
    }

    @CommandHandler
    public Actor(RegisterActor command) {
        if (command.actorId() == null) {
            throw new RuleViolation(ACTOR_ID_MISSING, "An actor needs an id.");
        }
        String key = ActorRules.key(command.key());
        String name = ActorRules.name(command.name());
        ActorKind kind = ActorRules.kind(command.kind());
        List<String> aliases = ActorRules.aliases(command.aliases(), name);
        String country = ActorRules.country(command.country());
        String affiliation = ActorRules.affiliation(command.affiliation());
        apply(new ActorRegistered(command.actorId(), key, name, kind, aliases, country, affiliation));
    }

    @CommandHandler
    public void handle(RenameActor command) {
        requireChangeable();
        String newName = ActorRules.name(command.name());
        if (newName.equals(name)) {
            return;
        }
        apply(new ActorRenamed(actorId, name, newName));
        // the name is never repeated as an alias: renaming to an alias turns that alias into the name
        List<String> remaining = aliases.stream().filter(alias -> !sameText(alias, newName)).toList();
        if (remaining.size() != aliases.size()) {
            apply(new ActorAliasesChanged(actorId, remaining));
        }
    }

    @CommandHandler
    public void handle(ChangeActorAliases command) {
        requireChangeable();
        List<String> newAliases = ActorRules.aliases(command.aliases(), name);
        if (newAliases.equals(aliases)) {
            return;
        }
        apply(new ActorAliasesChanged(actorId, newAliases));
    }

    @CommandHandler
    public void handle(CorrectActorKind command) {
        requireChangeable();
        ActorKind newKind = ActorRules.kind(command.kind());
        if (newKind == kind) {
            return;
        }
        apply(new ActorKindCorrected(actorId, kind, newKind));
    }

    @CommandHandler
    public void handle(CorrectActorCountry command) {
        requireChangeable();
        String newCountry = ActorRules.country(command.country());
        if (Objects.equals(newCountry, country)) {
            return;
        }
        apply(new ActorCountryCorrected(actorId, country, newCountry));
    }

    @CommandHandler
    public void handle(AddActorExternalId command) {
        requireChangeable();
        ExternalId id = ActorRules.externalId(command.externalId());
        if (externalIds.contains(id)) {
            return;
        }
        if (externalIds.size() >= ActorRules.MAX_EXTERNAL_IDS) {
            throw new RuleViolation(EXTERNAL_IDS_TOO_MANY,
                    "An actor has at most " + ActorRules.MAX_EXTERNAL_IDS + " external ids.");
        }
        apply(new ActorExternalIdAdded(actorId, id.scheme(), id.value()));
    }

    @CommandHandler
    public void handle(RemoveActorExternalId command) {
        requireChangeable();
        ExternalId id = ActorRules.externalId(command.externalId());
        if (!externalIds.contains(id)) {
            throw new RuleViolation(EXTERNAL_ID_NOT_HELD, "Actor " + key + " has no external id " + id + ".");
        }
        apply(new ActorExternalIdRemoved(actorId, id.scheme(), id.value()));
    }

    @CommandHandler
    public void handle(DeclareRelationship command) {
        requireChangeable();
        if (command.relationshipId() == null || command.kind() == null || command.counterpartId() == null) {
            throw new RuleViolation(RELATIONSHIP_INCOMPLETE,
                    "A relationship needs an id, a kind and a counterpart.");
        }
        if (command.counterpartId().equals(actorId)) {
            throw new RuleViolation(RELATIONSHIP_WITH_ITSELF, "An actor cannot have a relationship with itself.");
        }
        requireOrderedPeriod(command.validFrom(), command.validUntil());
        Double confidence = command.confidence();
        if (confidence != null && !(confidence >= 0.0 && confidence <= 1.0)) {
            throw new RuleViolation(CONFIDENCE_OUT_OF_RANGE,
                    "A confidence lies between 0 and 1, but was " + confidence + ".");
        }
        if (relationships.containsKey(command.relationshipId())) {
            throw new RuleViolation(RELATIONSHIP_EXISTS,
                    "Relationship " + command.relationshipId() + " already exists.");
        }
        if (command.validUntil() == null) {
            relationships.values().stream()
                    .filter(Relationship::open)
                    .filter(existing -> existing.kind() == command.kind()
                            && existing.counterpartId().equals(command.counterpartId())
                            && existing.theater() == command.theater())
                    .findFirst()
                    .ifPresent(existing -> {
                        throw new RuleViolation(RELATIONSHIP_DUPLICATE,
                                "The same open relationship is already declared as " + existing.relationshipId()
                                        + "; end it first or declare a closed period.");
                    });
        }
        apply(new RelationshipDeclared(actorId, command.relationshipId(), command.kind(), command.counterpartId(),
                command.theater(), command.validFrom(), command.validUntil(), confidence));
    }

    @CommandHandler
    public void handle(EndRelationship command) {
        requireChangeable();
        Relationship relationship = command.relationshipId() == null ? null
                : relationships.get(command.relationshipId());
        if (relationship == null) {
            throw new RuleViolation(RELATIONSHIP_UNKNOWN,
                    "This actor has no relationship " + command.relationshipId() + ".");
        }
        if (relationship.ended()) {
            throw new RuleViolation(RELATIONSHIP_ENDED,
                    "Relationship " + relationship.relationshipId() + " has already ended.");
        }
        if (command.validUntil() == null) {
            throw new RuleViolation(RELATIONSHIP_PERIOD_INVALID, "Ending a relationship needs the date it ended.");
        }
        requireOrderedPeriod(relationship.validFrom(), command.validUntil());
        apply(new RelationshipEnded(actorId, relationship.relationshipId(), command.validUntil()));
    }

    @CommandHandler
    public void handle(MergeActor command) {
        requireChangeable();
        if (command.intoActorId() == null) {
            throw new RuleViolation(MERGE_TARGET_MISSING, "Merging needs the actor to merge into.");
        }
        if (command.intoActorId().equals(actorId)) {
            throw new RuleViolation(MERGE_INTO_ITSELF, "An actor cannot be merged into itself.");
        }
        releaseExternalIds();
        apply(new ActorMerged(actorId, command.intoActorId()));
    }

    @CommandHandler
    public void handle(RetractActor command) {
        requireChangeable();
        releaseExternalIds();
        apply(new ActorRetracted(actorId));
    }

    /**
     * A merged or retracted actor accepts no change, so it gives up its external ids first: each can then name the
     * actor it was merged into, or another (the write side releases their claims with the command).
     */
    private void releaseExternalIds() {
        for (ExternalId id : List.copyOf(externalIds)) {
            apply(new ActorExternalIdRemoved(actorId, id.scheme(), id.value()));
        }
    }

    private void requireChangeable() {
        if (retracted) {
            throw new RuleViolation(ACTOR_RETRACTED, "Actor " + key + " was retracted and accepts no change.");
        }
        if (mergedInto != null) {
            throw new RuleViolation(ACTOR_MERGED,
                    "Actor " + key + " was merged into " + mergedInto + " and accepts no change.");
        }
    }

    private static void requireOrderedPeriod(LocalDate validFrom, LocalDate validUntil) {
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new RuleViolation(RELATIONSHIP_PERIOD_INVALID,
                    "A relationship cannot end (" + validUntil + ") before it starts (" + validFrom + ").");
        }
    }

    @EventSourcingHandler
    void on(ActorRegistered event) {
        actorId = event.actorId();
        key = event.key();
        name = event.name();
        kind = event.kind();
        aliases = event.aliases();
        country = event.country();
        affiliation = event.affiliation();
    }

    @EventSourcingHandler
    void on(ActorRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(ActorAliasesChanged event) {
        aliases = event.aliases();
    }

    @EventSourcingHandler
    void on(ActorKindCorrected event) {
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(ActorCountryCorrected event) {
        country = event.country();
    }

    @EventSourcingHandler
    void on(ActorExternalIdAdded event) {
        externalIds.add(event.externalId());
    }

    @EventSourcingHandler
    void on(ActorExternalIdRemoved event) {
        externalIds.remove(event.externalId());
    }

    @EventSourcingHandler
    void on(RelationshipDeclared event) {
        relationships.put(event.relationshipId(), new Relationship(event.relationshipId(), event.kind(),
                event.counterpartId(), event.theater(), event.validFrom(), event.validUntil(), event.confidence(),
                false));
    }

    @EventSourcingHandler
    void on(RelationshipEnded event) {
        Relationship ended = relationships.get(event.relationshipId()).endedOn(event.validUntil());
        relationships.put(event.relationshipId(), ended);
    }

    @EventSourcingHandler
    void on(ActorMerged event) {
        mergedInto = event.intoActorId();
    }

    @EventSourcingHandler
    void on(ActorRetracted event) {
        retracted = true;
    }

    /**
     * A relationship as this actor holds it.
     *
     * @param ended whether a {@link RelationshipEnded} was applied to it (a relationship declared
     *              with a {@code validUntil} has a closed period but has not been ended)
     */
    record Relationship(UUID relationshipId, RelationshipKind kind, UUID counterpartId, Theater theater,
                        LocalDate validFrom, LocalDate validUntil, Double confidence, boolean ended) {

        /** Not ended and without an end date. */
        boolean open() {
            return !ended && validUntil == null;
        }

        Relationship endedOn(LocalDate date) {
            return new Relationship(relationshipId, kind, counterpartId, theater, validFrom, date, confidence, true);
        }
    }
}
