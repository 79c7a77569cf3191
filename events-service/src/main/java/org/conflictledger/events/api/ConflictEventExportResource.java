package org.conflictledger.events.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.conflictledger.events.api.formats.UcdpGedCsv;
import org.conflictledger.events.domain.ConflictEventStatus;
import org.conflictledger.events.query.ConflictEventFilter;
import org.conflictledger.events.query.ConflictEventQueries;
import org.conflictledger.events.query.ConflictEventView;
import org.conflictledger.platform.api.Problem;
import org.conflictledger.platform.export.CsvRows;
import org.conflictledger.platform.export.ExportInstant;
import org.conflictledger.platform.release.Releases;
import org.conflictledger.platform.export.HashedExport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The conflict events in the field's dataset shapes, whole (not a page at a time), with the hash of what is sent. */
@Path("/api/v1/events/exports")
@Tag(name = "Conflict events")
@APIResponse(responseCode = "400",
        description = "An invalid or unknown query parameter (named in errors[])",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConflictEventExportResource {
    private final ConflictEventQueries queries;
    private final ConflictEventMapping mapping;
    private final ConflictEventFilters filters;
    private final Releases releases;
    private final int batchSize;

    /** @param batchSize events read per query: memory stays flat however many events the export holds */
    ConflictEventExportResource(ConflictEventQueries queries, ConflictEventMapping mapping,
                                ConflictEventFilters filters, Releases releases,
                                @ConfigProperty(name = "events.export.batch-size", defaultValue = "500") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("events.export.batch-size must be at least 1, but is " + batchSize);
        }
        this.queries = queries;
        this.mapping = mapping;
        this.filters = filters;
        this.releases = releases;
        this.batchSize = batchSize;
    }

    @GET
    @Path("/ucdp-ged")
    @Produces(UcdpGedCsv.MEDIA_TYPE)
    @Operation(operationId = "exportEventsUcdpGed", summary = "Export conflict events as UCDP GED-shaped CSV",
            description = "Every event the filters choose (the list's filters; retracted events only with"
                    + " status=RETRACTED), oldest first, in the columns of UCDP's Georeferenced Event Dataset followed"
                    + " by ledger_ columns; docs/exports.md describes each column. The events as the record stood at"
                    + " asOf (or, without it, at the instant the export is read: Ledger-Read-At), with the values and"
                    + " actor names of then: the same asOf gives the same bytes. Ledger-Content-Hash and Repr-Digest"
                    + " carry the SHA-256 of the body. 503 read-models-behind while the read model has not processed"
                    + " every stored event (retry after Retry-After).")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = UcdpGedCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response ucdpGed(@BeanParam ConflictEventFilterQuery query) {
        boolean statusAsked = query.status != null && !query.status.isBlank();
        ConflictEventFilter first = filters.filter(query, false, null);
        ExportInstant instant = releases.exportInstant(query.asOf, query.release);
        String fileName = instant.fileName("conflict-events-ucdp-ged", "csv");
        return HashedExport.response(UcdpGedCsv.MEDIA_TYPE_UTF8, fileName, instant, out -> {
            CsvRows rows = new CsvRows(out, UcdpGedCsv.COLUMNS);
            ConflictEventFilter filter = first;
            List<ConflictEventView> batch;
            do {
                batch = queries.listAsOf(filter, instant.at(), batchSize);
                for (ConflictEventRepresentation event : mapping.representations(batch, instant.at())) {
                    if (statusAsked || event.status() != ConflictEventStatus.RETRACTED) {
                        rows.row(UcdpGedCsv.row(event));
                    }
                }
                if (!batch.isEmpty()) {
                    ConflictEventView last = batch.get(batch.size() - 1);
                    filter = filter.after(new ConflictEventFilter.Position(last.date, last.id));
                }
            } while (batch.size() == batchSize);
            rows.flush();
        });
    }
}
