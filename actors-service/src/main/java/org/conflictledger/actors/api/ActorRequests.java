package org.conflictledger.actors.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;
import org.conflictledger.platform.api.SourceCitation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the actor API's writes. Each takes an optional {@code reason} and {@code sources}. */
public final class ActorRequests {
    static final String KEY = "[A-Z0-9][A-Z0-9_-]{1,63}";
    static final String REFERENCE = "an actor's id (UUID) or key";

    private ActorRequests() {
    }

    @Schema(name = "ActorRegistration", description = "A new actor")
    public record Registration(
            @NotBlank @Pattern(regexp = KEY, message = "must be 2-64 upper-case letters, digits, '_' or '-'")
            @Schema(description = "Stable short identifier (ISO 3166-1 alpha-3 for states)", example = "TUR", required = true)
            String key,
            @NotBlank @Size(max = 200)
            @Schema(description = "Name", example = "Turkey", required = true)
            String name,
            @NotNull
            @Schema(description = "Kind of actor", example = "STATE", required = true)
            ActorKind kind,
            @Size(max = 50)
            @Schema(description = "Other names", example = "[\"Republic of Turkey\", \"Türkiye\"]")
            List<@NotBlank @Size(max = 200) String> aliases,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code")
            @Schema(description = "Country (ISO 3166-1 alpha-3)", example = "TUR")
            String country,
            @Size(max = 64)
            @Schema(description = "The actor this one belongs to (" + REFERENCE + "), e.g. a leader's state", example = "RUS")
            String affiliation,
            @Size(max = 2000) @Schema(description = "Why the change is made", example = "Seed record")
            String reason,
            @Size(max = 50) @Schema(description = "Sources supporting the change")
            List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorRename", description = "A new name")
    public record Rename(
            @NotBlank @Size(max = 200) @Schema(description = "The new name", example = "Türkiye", required = true)
            String name,
            @Size(max = 2000) @Schema(description = "Why", example = "Official name changed in 2022") String reason,
            @Size(max = 50) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorAliasesChange", description = "The complete new list of aliases")
    public record AliasesChange(
            @NotNull @Size(max = 50) @Schema(description = "All aliases", example = "[\"Republic of Turkey\"]", required = true)
            List<@NotBlank @Size(max = 200) String> aliases,
            @Size(max = 2000) String reason,
            @Size(max = 50) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorKindCorrection", description = "The correct kind")
    public record KindCorrection(
            @NotNull @Schema(description = "The correct kind", example = "GOVERNMENT", required = true) ActorKind kind,
            @Size(max = 2000) String reason,
            @Size(max = 50) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorCountryCorrection", description = "The correct country; null clears it")
    public record CountryCorrection(
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code")
            @Schema(description = "ISO 3166-1 alpha-3", example = "LBY") String country,
            @Size(max = 2000) String reason,
            @Size(max = 50) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "RelationshipDeclaration", description = "How this actor stands towards another")
    public record RelationshipDeclaration(
            @NotNull @Schema(description = "Kind of relationship, read from this actor to the counterpart", example = "SUPPORTS", required = true)
            RelationshipKind kind,
            @NotBlank @Size(max = 64) @Schema(description = "The counterpart (" + REFERENCE + ")", example = "GNA", required = true)
            String counterpart,
            @Schema(description = "Where the relationship holds", example = "LIBYA") Theater theater,
            @Schema(description = "First day it holds", example = "2019-11-27") LocalDate validFrom,
            @Schema(description = "Last day it holds; absent while it lasts", example = "2020-12-31") LocalDate validUntil,
            @DecimalMin("0.0") @DecimalMax("1.0") @Schema(description = "Confidence, 0 to 1", example = "0.9") Double confidence,
            @Size(max = 2000) String reason,
            @Size(max = 50) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "RelationshipEnding", description = "The last day a relationship held")
    public record RelationshipEnding(
            @NotNull @Schema(description = "Last day it held", example = "2020-11-10", required = true) LocalDate validUntil,
            @Size(max = 2000) String reason,
            @Size(max = 50) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorMerge", description = "The actor this duplicate is merged into")
    public record Merge(
            @NotBlank @Size(max = 64) @Schema(description = "The surviving actor (" + REFERENCE + ")", example = "TUR", required = true)
            String into,
            @Size(max = 2000) String reason,
            @Size(max = 50) List<@Valid @NotNull SourceCitation> sources) {
    }

    @Schema(name = "ActorRetraction", description = "Why the actor is withdrawn from the record")
    public record Retraction(
            @Size(max = 2000) @Schema(example = "Registered in error") String reason,
            @Size(max = 50) List<@Valid @NotNull SourceCitation> sources) {
    }
}
