package org.conflictledger.agreements.api;

import jakarta.ws.rs.QueryParam;
import org.conflictledger.platform.api.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters that choose agreements, shared by the list and the exports: taken as text and parsed by
 * {@link AgreementFilters} so that a bad value is a 400 naming the parameter.
 */
public class AgreementFilterQuery {
    @QueryParam("theater")
    @Parameter(description = "SYRIA, LIBYA, NAGORNO_KARABAKH, EASTERN_MEDITERRANEAN or SOUTH_CAUCASUS", example = "NAGORNO_KARABAKH")
    public String theater;
    @QueryParam("status")
    @Parameter(description = "DRAFT, SIGNED, IN_FORCE, SUSPENDED, TERMINATED or SUPERSEDED", example = "IN_FORCE")
    public String status;
    @QueryParam("kind")
    @Parameter(description = "CEASEFIRE, ARMISTICE, MEMORANDUM or PEACE_AGREEMENT", example = "CEASEFIRE")
    public String kind;
    @QueryParam("signatory")
    @Parameter(description = "Agreements this actor signed (id or key)", example = "PUTIN")
    public String signatory;
    @QueryParam("inForceAt")
    @Parameter(description = "Agreements in force at this instant (ISO 8601, UTC)", example = "2020-12-01T00:00:00Z")
    public String inForceAt;
    @QueryParam("q")
    @Parameter(description = "Part of the title or signing place; at most " + QueryParameters.MAX_SEARCH_LENGTH
            + " characters (a longer one is a 400 naming q)", example = "moscow",
            schema = @Schema(type = SchemaType.STRING, maxLength = QueryParameters.MAX_SEARCH_LENGTH))
    public String q;
    @QueryParam("externalId")
    @Parameter(description = "The agreement known by this identifier in another dataset, as scheme:value: pax:<PA-X id>"
            + " or any other scheme the agreement was given (a malformed one is a 400 naming externalId)",
            example = "pax:2240",
            schema = @Schema(type = SchemaType.STRING, maxLength = QueryParameters.MAX_EXTERNAL_ID_FILTER))
    public String externalId;
    @QueryParam("asOf")
    @Parameter(description = "The list as it stood at this instant (ISO 8601, UTC), filtered and shown with the values"
            + " of that instant (signatories named as they were named then); not in the future. Without it, the list now.", example = "2020-12-01T00:00:00Z")
    public String asOf;
    @QueryParam("release")
    @Parameter(description = "The list as of a named release's instant (GET /api/v1/releases lists them); not with"
            + " asOf", example = "2020-12")
    public String release;
}
