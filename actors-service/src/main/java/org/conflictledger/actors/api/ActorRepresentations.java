package org.conflictledger.actors.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.conflictledger.actors.query.ActorStatus;
import org.conflictledger.actors.query.ActorView;
import org.conflictledger.actors.query.RelationshipView;
import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;
import org.conflictledger.platform.api.ExternalIdentifier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the actor API answers. */
public final class ActorRepresentations {

    private ActorRepresentations() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Actor", description = "An actor as the record says (now, or as of an instant)")
    public record Actor(
            @Schema(example = "3f1c5d8e-2b7a-4c1e-9f0a-6d2b8e4a1c3f") UUID id,
            @Schema(example = "TUR") String key,
            @Schema(example = "Turkey") String name,
            ActorKind kind,
            @Schema(example = "[\"Republic of Turkey\"]") List<String> aliases,
            @Schema(example = "TUR") String country,
            @Schema(description = "Id of the actor this one belongs to") String affiliation,
            @Schema(description = "Identifiers of the actor in other datasets, in the order they were added")
            List<ExternalIdentifier> externalIds,
            ActorStatus status,
            @Schema(description = "The actor a merged duplicate now lives on") UUID mergedInto,
            @Schema(description = "Number of recorded changes; the ETag", example = "1") long version,
            Instant registeredAt,
            Instant updatedAt,
            @Schema(description = "Set when the actor is shown as of an earlier instant") Instant asOf) {

        static Actor of(ActorView view, Instant asOf) {
            return new Actor(view.id, view.key, view.name, view.kind, List.copyOf(view.aliases), view.country,
                    view.affiliation, view.externalIds.stream().map(id -> new ExternalIdentifier(id.scheme, id.value))
                    .toList(), view.status, view.mergedInto, view.version, view.registeredAt, view.updatedAt, asOf);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ActorSummary", description = "Who an actor is, in brief")
    public record ActorSummary(UUID id, @Schema(example = "GNA") String key, @Schema(example = "Government of National Accord") String name) {

        static ActorSummary of(UUID id, ActorView view) {
            return view == null ? new ActorSummary(id, null, null) : new ActorSummary(view.id, view.key, view.name);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Relationship", description = "A relationship from one actor to another, with its valid time")
    public record Relationship(
            UUID id,
            ActorSummary actor,
            RelationshipKind kind,
            ActorSummary counterpart,
            Theater theater,
            LocalDate validFrom,
            LocalDate validUntil,
            Double confidence,
            @Schema(description = "True once the relationship was ended") boolean ended,
            @Schema(description = "outgoing when the actor asked about declared it, incoming when it is the counterpart",
                    example = "outgoing") String direction,
            Instant declaredAt) {

        static Relationship of(RelationshipView view, ActorSummary counterpart, String direction) {
            return new Relationship(view.id, ActorSummary.of(view.actor.id, view.actor), view.kind, counterpart,
                    view.theater, view.validFrom, view.validUntil, view.confidence, view.ended, direction,
                    view.declaredAt);
        }
    }

    @Schema(name = "RebuildReport", description = "Outcome of rebuilding a read model")
    public record RebuildReport(@Schema(example = "actor-read-model") String readModel,
                                @Schema(example = "27") long actors,
                                @Schema(example = "41") long relationships) {
    }

    @Schema(name = "ActorPage", description = "A page of actors")
    public record ActorPage(List<Actor> items,
                            @Schema(description = "Opaque cursor of the next page, null on the last page") String next) {
    }

    @Schema(name = "RelationshipPage", description = "An actor's relationships")
    public record RelationshipPage(List<Relationship> items,
                                   @Schema(description = "Always null: every relationship is on the one page") String next) {
    }
}
