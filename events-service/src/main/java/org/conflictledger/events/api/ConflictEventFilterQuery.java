package org.conflictledger.events.api;

import jakarta.ws.rs.QueryParam;
import org.conflictledger.contracts.RecordLimits;
import org.conflictledger.platform.api.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters that choose conflict events, shared by the list and the exports: taken as text and parsed by
 * {@link ConflictEventFilters} so that a bad value is a 400 naming the parameter.
 */
public class ConflictEventFilterQuery {
    @QueryParam("theater")
    @Parameter(description = "SYRIA, LIBYA, NAGORNO_KARABAKH, EASTERN_MEDITERRANEAN or SOUTH_CAUCASUS", example = "NAGORNO_KARABAKH")
    public String theater;
    @QueryParam("type")
    @Parameter(description = "Conflict event type", example = "BATTLE")
    public String type;
    @QueryParam("actor")
    @Parameter(description = "Events involving this actor (id or key)", example = "AZE")
    public String actor;
    @QueryParam("role")
    @Parameter(description = "Events where an actor (the one named by actor, if given) has this role", example = "PERPETRATOR")
    public String role;
    @QueryParam("from")
    @Parameter(description = "Events ending on or after this day", example = "2020-09-27")
    public String from;
    @QueryParam("to")
    @Parameter(description = "Events starting on or before this day", example = "2020-11-10")
    public String to;
    @QueryParam("bbox")
    @Parameter(description = "minLongitude,minLatitude,maxLongitude,maxLatitude", example = "44.5,38.8,47.5,40.5")
    public String bbox;
    @QueryParam("agreement")
    @Parameter(description = "Events that name this agreement")
    public String agreement;
    @QueryParam("acledEventId")
    @Parameter(description = "The event with this ACLED event_id_cnty; at most " + RecordLimits.MAX_EXTERNAL_ID
            + " characters, no blanks (otherwise a 400 naming acledEventId)",
            schema = @Schema(type = SchemaType.STRING, maxLength = RecordLimits.MAX_EXTERNAL_ID))
    public String acledEventId;
    @QueryParam("externalId")
    @Parameter(description = "The event known by this identifier in another dataset, as scheme:value: acled:<event_id_cnty>,"
            + " ucdp-ged:<id> or any other scheme the event was given (a malformed one is a 400 naming externalId)",
            example = "acled:AZE1234",
            schema = @Schema(type = SchemaType.STRING, maxLength = QueryParameters.MAX_EXTERNAL_ID_FILTER))
    public String externalId;
    @QueryParam("q")
    @Parameter(description = "Part of the place, admin areas or notes; at most " + QueryParameters.MAX_SEARCH_LENGTH
            + " characters (a longer one is a 400 naming q)", example = "shusha",
            schema = @Schema(type = SchemaType.STRING, maxLength = QueryParameters.MAX_SEARCH_LENGTH))
    public String q;
    @QueryParam("status")
    @Parameter(description = "REPORTED, CONFIRMED, DISPUTED or RETRACTED")
    public String status;
    @QueryParam("asOf")
    @Parameter(description = "The list as it stood at this instant (ISO 8601, UTC), filtered and shown with the values"
            + " of that instant (actors named as they were named then); not in the future. Without it, the list now. 503"
            + " history-not-built on a store whose past states a rebuild has not kept yet.", example = "2020-11-10T00:00:00Z")
    public String asOf;
    @QueryParam("release")
    @Parameter(description = "The list as of a named release's instant (GET /api/v1/releases lists them); not with"
            + " asOf", example = "2020-12")
    public String release;
}
