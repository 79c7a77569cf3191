package org.conflictledger.agreements.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of the agreement list: what chooses the agreements, then the page. */
public class AgreementListQuery extends AgreementFilterQuery {
    @QueryParam("cursor")
    @Parameter(description = "Cursor from the previous page's next")
    public String cursor;
    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 500", example = "50")
    public String limit;
}
