package org.conflictledger.platform.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Comparator;

/** An identifier of a record in another dataset, as every record type's API shows and takes it. */
@Schema(name = "ExternalId", description = "An identifier in another dataset: scheme and value, written scheme:value"
        + " in the externalId filter")
public record ExternalIdentifier(
        @NotNull @Size(max = ExternalIds.MAX_SCHEME) @Pattern(regexp = ExternalIds.SCHEME, message = ExternalIds.SCHEME_RULE)
        @Schema(example = "wikidata", required = true) String scheme,
        @NotNull @Size(max = ExternalIds.MAX_VALUE) @Schema(example = "Q43", required = true) String value) {

    /** By scheme, then value: the order in which events and agreements list theirs. */
    public static final Comparator<ExternalIdentifier> ORDER =
            Comparator.comparing(ExternalIdentifier::scheme).thenComparing(ExternalIdentifier::value);

    public static ExternalIdentifier of(ExternalId id) {
        return new ExternalIdentifier(id.scheme(), id.value());
    }

    public ExternalId externalId() {
        return new ExternalId(scheme, value);
    }
}
