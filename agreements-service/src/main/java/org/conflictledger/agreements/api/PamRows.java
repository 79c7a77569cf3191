package org.conflictledger.agreements.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.conflictledger.contracts.ComplianceStatus;
import org.conflictledger.contracts.TermCategory;
import org.conflictledger.contracts.Theater;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The rows of the Peace Accords Matrix-style implementation export, each with its columns: the CSV header and,
 * in the same order, the keys of a JSON row. A row's cells are text, whole numbers, booleans, a decimal or null,
 * so that the CSV and the JSON form say the same thing.
 */
public final class PamRows {
    /** The columns every row starts with: the agreement and the year. */
    private static final List<String> AGREEMENT_YEAR = List.of("agreement_id", "pax_id", "agreement_title", "theater",
            "signed_date", "year", "year_index", "year_complete");

    private PamRows() {
    }

    @Schema(name = "PamTermYear", description = "A term of an agreement in one year after its signing, scored as the"
            + " Peace Accords Matrix does (0 none, 1 minimal, 2 intermediate, 3 full)")
    public record TermYear(
            @JsonProperty("agreement_id") UUID agreementId,
            @JsonProperty("pax_id") @Schema(description = "The agreement's PA-X id; null when not known") String paxId,
            @JsonProperty("agreement_title") String agreementTitle,
            @JsonProperty("theater") Theater theater,
            @JsonProperty("signed_date") @Schema(example = "2020-11-09") LocalDate signedDate,
            @JsonProperty("year") @Schema(description = "Calendar year in the agreement's time zone", example = "2021") int year,
            @JsonProperty("year_index") @Schema(description = "1 for the year of signing", example = "2") int yearIndex,
            @JsonProperty("year_complete") @Schema(description = "Whether the year had ended by the export's instant") boolean yearComplete,
            @JsonProperty("term_id") UUID termId,
            @JsonProperty("term_order") @Schema(example = "3") int termOrder,
            @JsonProperty("article") @Schema(example = "Paragraph 3") String article,
            @JsonProperty("category") TermCategory category,
            @JsonProperty("status") @Schema(description = "The compliance status in force at the end of the year (at the"
                    + " export's instant for a year not ended); PENDING when none") ComplianceStatus status,
            @JsonProperty("score") @Schema(description = "0 to 3", example = "3") int score,
            @JsonProperty("assessment_effective_at") @Schema(description = "When the assessment that gives the score took"
                    + " effect; null when none does") Instant assessmentEffectiveAt) {

        public static final List<String> COLUMNS = columns("term_id", "term_order", "article", "category", "status",
                "score", "assessment_effective_at");

        /** The cells, in the order of {@link #COLUMNS}. */
        List<Object> cells() {
            return cellsOf(agreementId, paxId, agreementTitle, theater, signedDate, year, yearIndex, yearComplete,
                    termId, termOrder, article, category, status, score, assessmentEffectiveAt);
        }
    }

    @Schema(name = "PamAgreementYear", description = "An agreement in one year after its signing: its terms' Peace"
            + " Accords Matrix scores summed")
    public record AgreementYear(
            @JsonProperty("agreement_id") UUID agreementId,
            @JsonProperty("pax_id") @Schema(description = "The agreement's PA-X id; null when not known") String paxId,
            @JsonProperty("agreement_title") String agreementTitle,
            @JsonProperty("theater") Theater theater,
            @JsonProperty("signed_date") @Schema(example = "2020-11-09") LocalDate signedDate,
            @JsonProperty("year") @Schema(description = "Calendar year in the agreement's time zone", example = "2021") int year,
            @JsonProperty("year_index") @Schema(description = "1 for the year of signing", example = "2") int yearIndex,
            @JsonProperty("year_complete") @Schema(description = "Whether the year had ended by the export's instant") boolean yearComplete,
            @JsonProperty("terms") @Schema(description = "How many terms the agreement has", example = "9") int terms,
            @JsonProperty("score_sum") @Schema(description = "The terms' scores summed", example = "14") int scoreSum,
            @JsonProperty("score_max") @Schema(description = "3 × terms", example = "27") int scoreMax,
            @JsonProperty("implementation_pct") @Schema(description = "score_sum / score_max × 100, one decimal, half up;"
                    + " null without terms", example = "51.9") BigDecimal implementationPct,
            @JsonProperty("terms_fulfilled") @Schema(description = "Terms whose status is FULFILLED", example = "4") int termsFulfilled) {

        public static final List<String> COLUMNS = columns("terms", "score_sum", "score_max", "implementation_pct",
                "terms_fulfilled");

        /** The cells, in the order of {@link #COLUMNS}. */
        List<Object> cells() {
            return cellsOf(agreementId, paxId, agreementTitle, theater, signedDate, year, yearIndex, yearComplete,
                    terms, scoreSum, scoreMax, implementationPct, termsFulfilled);
        }
    }

    private static List<String> columns(String... own) {
        List<String> columns = new ArrayList<>(AGREEMENT_YEAR);
        columns.addAll(Arrays.asList(own));
        return List.copyOf(columns);
    }

    /** Numbers, booleans and null stay as they are; ids, names, days and instants become their ISO text. */
    private static List<Object> cellsOf(Object... values) {
        List<Object> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(value == null || value instanceof Number || value instanceof Boolean ? value
                    : value instanceof Enum<?> name ? name.name() : value.toString());
        }
        return cells;
    }
}
