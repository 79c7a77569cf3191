package org.conflictledger.actors.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.contracts.RecordLimits;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;
import org.conflictledger.platform.api.SourceCitation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the actor API's writes. Each takes an optional {@code reason} and {@code sources}. */
public final class ActorRequests {
    static final String REFERENCE = "an actor's id (UUID) or key";

    private ActorRequests() {
    }

    @Schema(name = "ActorRegistration", description = "A new actor")
    public record Registration(
            @NotBlank @Pattern(regexp = RecordLimits.ACTOR_KEY, message = RecordLimits.ACTOR_KEY_RULE)
            @Schema(description = "Stable short identifier (ISO 3166-1 alpha-3 for states)", example = "TUR", required = true)
            String key,
            @NotBlank @Size(max = RecordLimits.MAX_NAME)
            @Schema(description = "Name", example = "Turkey", required = true)
            String name,
            @NotNull
            @Schema(description = "Kind of actor", example = "STATE", required = true)
            ActorKind kind,
            @Size(max = RecordLimits.MAX_LIST)
            @Schema(description = "Other names", example = "[\"Republic of Turkey\", \"Türkiye\"]")
            List<@NotBlank @Size(max = RecordLimits.MAX_NAME) String> aliases,
            @Pattern(regexp = RecordLimits.COUNTRY, message = RecordLimits.COUNTRY_RULE)
            @Schema(description = "Country (ISO 3166-1 alpha-3)", example = "TUR")
            String country,
            @Size(max = RecordLimits.MAX_REFERENCE)
            @Schema(description = "The actor this one belongs to (" + REFERENCE + "), e.g. a leader's state", example = "RUS")
            String affiliation,
            @Size(max = RecordLimits.MAX_REASON) @Schema(description = "Why the change is made", example = "Seed record")
            String reason,
            @Size(max = RecordLimits.MAX_LIST) @Schema(description = "Sources supporting the change")
            List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorRename", description = "A new name")
    public record Rename(
            @NotBlank @Size(max = RecordLimits.MAX_NAME) @Schema(description = "The new name", example = "Türkiye", required = true)
            String name,
            @Size(max = RecordLimits.MAX_REASON) @Schema(description = "Why", example = "Official name changed in 2022") String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorAliasesChange", description = "The complete new list of aliases")
    public record AliasesChange(
            @NotNull @Size(max = RecordLimits.MAX_LIST) @Schema(description = "All aliases", example = "[\"Republic of Turkey\"]", required = true)
            List<@NotBlank @Size(max = RecordLimits.MAX_NAME) String> aliases,
            @Size(max = RecordLimits.MAX_REASON) String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorKindCorrection", description = "The correct kind")
    public record KindCorrection(
            @NotNull @Schema(description = "The correct kind", example = "GOVERNMENT", required = true) ActorKind kind,
            @Size(max = RecordLimits.MAX_REASON) String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorCountryCorrection", description = "The correct country; null clears it")
    public record CountryCorrection(
            @Pattern(regexp = RecordLimits.COUNTRY, message = RecordLimits.COUNTRY_RULE)
            @Schema(description = "ISO 3166-1 alpha-3", example = "LBY") String country,
            @Size(max = RecordLimits.MAX_REASON) String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorExternalIdChange", description = "An identifier of the actor in another dataset, to add or"
            + " remove: wikidata (Q…), acled (ACLED's actor name), acled-interaction (1-8), ucdp (digits), or any"
            + " scheme of lower-case letters, digits and -")
    public record ExternalIdChange(
            @NotNull @Size(max = ExternalIds.MAX_SCHEME) @Pattern(regexp = ExternalIds.SCHEME, message = ExternalIds.SCHEME_RULE)
            @Schema(example = "wikidata", required = true) String scheme,
            @NotNull @Size(max = ExternalIds.MAX_VALUE) @Schema(example = "Q43", required = true) String value,
            @Size(max = RecordLimits.MAX_REASON) @Schema(example = "Wikidata item of the state") String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "RelationshipDeclaration", description = "How this actor stands towards another")
    public record RelationshipDeclaration(
            @NotNull @Schema(description = "Kind of relationship, read from this actor to the counterpart", example = "SUPPORTS", required = true)
            RelationshipKind kind,
            @NotBlank @Size(max = RecordLimits.MAX_REFERENCE) @Schema(description = "The counterpart (" + REFERENCE + ")", example = "GNA", required = true)
            String counterpart,
            @Schema(description = "Where the relationship holds", example = "LIBYA") Theater theater,
            @Schema(description = "First day it holds", example = "2019-11-27") LocalDate validFrom,
            @Schema(description = "Last day it holds; absent while it lasts", example = "2020-12-31") LocalDate validUntil,
            @DecimalMin("0.0") @DecimalMax("1.0") @Schema(description = "Confidence, 0 to 1", example = "0.9") Double confidence,
            @Size(max = RecordLimits.MAX_REASON) String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "RelationshipEnding", description = "The last day a relationship held")
    public record RelationshipEnding(
            @NotNull @Schema(description = "Last day it held", example = "2020-11-10", required = true) LocalDate validUntil,
            @Size(max = RecordLimits.MAX_REASON) String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorMerge", description = "The actor this duplicate is merged into")
    public record Merge(
            @NotBlank @Size(max = RecordLimits.MAX_REFERENCE) @Schema(description = "The surviving actor (" + REFERENCE + ")", example = "TUR", required = true)
            String into,
            @Size(max = RecordLimits.MAX_REASON) String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorRetraction", description = "Why the actor is withdrawn from the record")
    public record Retraction(
            @Size(max = RecordLimits.MAX_REASON) @Schema(example = "Registered in error") String reason,
            @Size(max = RecordLimits.MAX_LIST) List<@Valid @NotNull SourceCitation> sources) {
    }
}
