package org.conflictledger.agreements.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.conflictledger.agreements.query.AgreementFilter;
import org.conflictledger.contracts.ExportHeaders;
import org.conflictledger.platform.api.Problem;
import org.conflictledger.platform.api.QueryParameters;
import org.conflictledger.platform.export.ExportInstant;
import org.conflictledger.platform.release.Releases;
import org.conflictledger.platform.export.HashedExport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The Peace Accords Matrix-style implementation table ({@link PamExport}) as downloads: per term and year, and per
 * agreement and year, as JSON (the default) or CSV, each with the SHA-256 of its body in the headers
 * ({@link HashedExport}). Each is one operation answering two media types; the CSV methods are documented with the
 * JSON ones.
 */
@Path("/api/v1/agreements/exports/pam")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400",
        description = "An invalid parameter, or an unknown query parameter such as cursor or limit (named in errors[])",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PamExportResource {
    private static final String SELECTION = " Agreements are chosen as in the agreement list (theater, status, kind,"
            + " signatory, inForceAt, q) and come in its order (signing date, then id); agreements without a signing"
            + " date are left out. An export is the whole selection: it takes no cursor or limit. Years are calendar"
            + " years in the agreement's time zone (its inForceZone, UTC when it states none), from the year of signing"
            + " (year_index 1) to the year of the export's instant: asOf, or the instant it was read. A year that had"
            + " ended by then is scored as it stood at its last instant (an assessment taking effect at 00:00 on"
            + " 1 January counts for the new year); the year still running is scored at the export's instant (year_complete false)."
            + " With asOf, the record as it stood at that instant: assessments recorded later are not seen.";
    private static final String FORMS = " Accept text/csv for CSV (RFC 4180, UTF-8, a header row; a text cell a"
            + " spreadsheet would read as a formula starts with '), application/json (the default) for an array of"
            + " objects keyed by the CSV's columns, with numbers and booleans as such and empty cells as null. The"
            + " body's SHA-256 is in Ledger-Content-Hash and Repr-Digest; the same record and asOf give the same bytes.";
    private static final String HASH = "sha256:<hex> of the body, the form a citation names";
    private static final String DIGEST = "RFC 9530 digest of the body: sha-256=:<base64>:";
    private static final String AS_OF = "The asOf instant the export shows the record at (when asked with asOf)";
    private static final String READ_AT = "The instant the export was read at (when asked without asOf)";

    private final AgreementFilters filters;
    private final PamExport pam;
    private final Releases releases;

    PamExportResource(AgreementFilters filters, PamExport pam, Releases releases) {
        this.filters = filters;
        this.pam = pam;
        this.releases = releases;
    }

    @GET
    @Path("/terms")
    @Tag(name = "Agreement terms")
    @Operation(operationId = "exportPamTermImplementation",
            summary = "Export term implementation by year (Peace Accords Matrix style)",
            description = "One row per agreement, term (in their order) and year since signing: the compliance status"
                    + " in force at the end of the year and its 0–3 Peace Accords Matrix score (0 none, 1 minimal,"
                    + " 2 intermediate, 3 full), with when the assessment giving it took effect; PENDING and 0 when no"
                    + " assessment was in effect." + SELECTION + FORMS)
    @APIResponse(responseCode = "200", description = "The table, as JSON or CSV",
            headers = {
                    @Header(name = ExportHeaders.CONTENT_HASH, description = HASH, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = ExportHeaders.REPR_DIGEST, description = DIGEST, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = ExportHeaders.AS_OF, description = AS_OF, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = ExportHeaders.READ_AT, description = READ_AT, schema = @Schema(type = SchemaType.STRING))},
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = PamRows.TermYear.class)),
                    @Content(mediaType = ExportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "A header row, then a row per agreement, term and year"))})
    public Response termsJson(@BeanParam AgreementFilterQuery query) {
        return termYears(query, ExportFormat.JSON);
    }

    @GET
    @Path("/terms")
    @Produces(ExportFormat.CSV_PRODUCED)
    @Operation(hidden = true)
    public Response termsCsv(@BeanParam AgreementFilterQuery query) {
        return termYears(query, ExportFormat.CSV);
    }

    @GET
    @Path("/agreements")
    @Tag(name = "Agreements")
    @Operation(operationId = "exportPamAgreementImplementation",
            summary = "Export agreement implementation by year (Peace Accords Matrix style)",
            description = "One row per agreement and year since signing: how many terms it has, their 0–3 Peace"
                    + " Accords Matrix scores at the end of the year summed, the most they can sum to (3 per term),"
                    + " the percentage implemented (one decimal, half up; empty without terms) and how many terms were"
                    + " FULFILLED. Each term is scored as in exportPamTermImplementation." + SELECTION + FORMS)
    @APIResponse(responseCode = "200", description = "The table, as JSON or CSV",
            headers = {
                    @Header(name = ExportHeaders.CONTENT_HASH, description = HASH, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = ExportHeaders.REPR_DIGEST, description = DIGEST, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = ExportHeaders.AS_OF, description = AS_OF, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = ExportHeaders.READ_AT, description = READ_AT, schema = @Schema(type = SchemaType.STRING))},
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = PamRows.AgreementYear.class)),
                    @Content(mediaType = ExportFormat.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "A header row, then a row per agreement and year"))})
    public Response agreementsJson(@BeanParam AgreementFilterQuery query) {
        return agreementYears(query, ExportFormat.JSON);
    }

    @GET
    @Path("/agreements")
    @Produces(ExportFormat.CSV_PRODUCED)
    @Operation(hidden = true)
    public Response agreementsCsv(@BeanParam AgreementFilterQuery query) {
        return agreementYears(query, ExportFormat.CSV);
    }

    private Response termYears(AgreementFilterQuery query, ExportFormat format) {
        return export(query, format, "pam-terms", PamRows.TermYear.COLUMNS, pam::termYears);
    }

    private Response agreementYears(AgreementFilterQuery query, ExportFormat format) {
        return export(query, format, "pam-agreements", PamRows.AgreementYear.COLUMNS, pam::agreementYears);
    }

    /** Every parameter is checked before anything is written, so that a bad one is a 400 and not a broken download. */
    private Response export(AgreementFilterQuery query, ExportFormat format, String name, List<String> columns,
                            Rows rows) {
        AgreementFilter filter = filters.filter(query);
        ExportInstant instant = releases.exportInstant(query.asOf, query.release);
        return HashedExport.response(format.mediaType(), instant.fileName(name, format.extension()), instant, out -> {
            ExportFormat.Table table = format.table(out, columns);
            rows.write(filter, instant.at(), table);
            table.finish();
        });
    }

    @FunctionalInterface
    private interface Rows {
        void write(AgreementFilter filter, Instant at, ExportFormat.Table table) throws IOException;
    }
}
