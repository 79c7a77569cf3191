package org.conflictledger.agreements.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of an agreement's term list, parsed by the resource (a bad value is a 400 naming it). */
public class TermListQuery {
    @QueryParam("overdueAt")
    @Parameter(description = "Only terms overdue at this instant (deadline passed, not fulfilled); compliance is then shown as of it. A day (2020-12-02) means its start in the agreement's time zone.", example = "2020-12-02T00:00:00Z")
    public String overdueAt;
    @QueryParam("at")
    @Parameter(description = "The instant compliance and overdue are evaluated at (default now, or overdueAt); a day means its start in the agreement's time zone", example = "2020-12-02T00:00:00Z")
    public String at;
    @QueryParam("category")
    @Parameter(description = "Term category", example = "TERRITORIAL_TRANSFER")
    public String category;
    @QueryParam("status")
    @Parameter(description = "Compliance status at the evaluation instant", example = "VIOLATED")
    public String status;
    @QueryParam("obligated")
    @Parameter(description = "Terms obliging this actor (id or key)", example = "ARM")
    public String obligated;
    @QueryParam("asOf")
    @Parameter(description = "Show the terms as the record stood at this instant; not in the future",
            example = "2020-11-15T00:00:00Z")
    public String asOf;
    @QueryParam("release")
    @Parameter(description = "Show the terms as of a named release's instant (GET /api/v1/releases lists them); not"
            + " with asOf", example = "2020-12")
    public String release;
    @QueryParam("cursor")
    @Parameter(description = "Cursor from the previous page's next")
    public String cursor;
    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 500", example = "50")
    public String limit;
}
