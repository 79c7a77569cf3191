package org.conflictledger.events.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of the conflict event list: what chooses the events, then the order and the page. */
public class ConflictEventListQuery extends ConflictEventFilterQuery {
    @QueryParam("sort")
    @Parameter(description = "date (oldest first, the default) or -date (newest first)", example = "date")
    public String sort;
    @QueryParam("cursor")
    @Parameter(description = "Cursor from the previous page's next")
    public String cursor;
    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 500", example = "50")
    public String limit;
}
