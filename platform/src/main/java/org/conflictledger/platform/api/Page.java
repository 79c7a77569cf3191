package org.conflictledger.platform.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a collection: its items and the cursor of the next page (null on the last). */
@Schema(name = "Page", description = "A page of a collection")
public record Page<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Opaque cursor of the next page, null on the last page") String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** A 200 answer with the page and, when there is a next page, a {@code Link: <…>; rel="next"} header. */
    public Response toResponse(UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(this);
        if (next != null) {
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build()
                    + ">; rel=\"next\"");
        }
        return response.build();
    }
}
