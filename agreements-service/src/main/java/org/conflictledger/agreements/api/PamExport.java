package org.conflictledger.agreements.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.conflictledger.agreements.domain.AgreementDetails;
import org.conflictledger.agreements.domain.AgreementState;
import org.conflictledger.agreements.domain.Assessment;
import org.conflictledger.agreements.domain.ImplementationYear;
import org.conflictledger.agreements.domain.TermState;
import org.conflictledger.agreements.query.AgreementFilter;
import org.conflictledger.agreements.query.AgreementQueries;
import org.conflictledger.agreements.query.AgreementView;
import org.conflictledger.contracts.ComplianceStatus;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Peace Accords Matrix-style implementation table: for each signed agreement a filter selects, in the agreement
 * list's order, its terms (in their order) scored in each year since signing ({@link ImplementationYear}), or those
 * scores summed per year. Agreements are read a keyset page at a time, as the record stood at the export's instant,
 * and each row is written as it is made, so that memory does not grow with the rows.
 */
@ApplicationScoped
public class PamExport {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AgreementQueries queries;
    private final int pageSize;

    /** @param pageSize agreements read per query */
    PamExport(AgreementQueries queries,
              @ConfigProperty(name = "agreements.export.page-size", defaultValue = "200") int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("agreements.export.page-size must be at least 1, but is " + pageSize);
        }
        this.queries = queries;
        this.pageSize = pageSize;
    }

    /** One row per agreement, term and year, as the record stood at {@code at}, years counted up to it. */
    void termYears(AgreementFilter filter, Instant at, ExportFormat.Table table) throws IOException {
        forEachSigned(filter, at, agreement -> {
            List<ImplementationYear> years = years(agreement, at);
            for (TermState term : agreement.terms()) {
                for (ImplementationYear year : years) {
                    table.row(termYear(agreement, term, year).cells());
                }
            }
        });
    }

    /** One row per agreement and year, as the record stood at {@code at}, years counted up to it. */
    void agreementYears(AgreementFilter filter, Instant at, ExportFormat.Table table) throws IOException {
        forEachSigned(filter, at, agreement -> {
            List<TermState> terms = agreement.terms();
            for (ImplementationYear year : years(agreement, at)) {
                int scoreSum = 0;
                int fulfilled = 0;
                for (TermState term : terms) {
                    Optional<Assessment> assessment = year.assessmentOf(term);
                    scoreSum += assessment.map(Assessment::score).orElse(0);
                    fulfilled += status(assessment) == ComplianceStatus.FULFILLED ? 1 : 0;
                }
                int scoreMax = 3 * terms.size();
                AgreementDetails details = agreement.details();
                table.row(new PamRows.AgreementYear(agreement.agreementId(), details.paxAgreementId(), details.title(),
                        details.theater(), details.signedOn(), year.year(), year.index(), year.complete(),
                        terms.size(), scoreSum, scoreMax, percent(scoreSum, scoreMax), fulfilled).cells());
            }
        });
    }

    private static PamRows.TermYear termYear(AgreementState agreement, TermState term, ImplementationYear year) {
        AgreementDetails details = agreement.details();
        Optional<Assessment> assessment = year.assessmentOf(term);
        return new PamRows.TermYear(agreement.agreementId(), details.paxAgreementId(), details.title(),
                details.theater(), details.signedOn(), year.year(), year.index(), year.complete(),
                term.termId(), term.details().order(), term.details().article(), term.details().category(),
                status(assessment), assessment.map(Assessment::score).orElse(0),
                assessment.map(Assessment::effectiveAt).orElse(null));
    }

    /** Years in the agreement's time zone (its inForceZone, which the record defaults to UTC). */
    private static List<ImplementationYear> years(AgreementState agreement, Instant at) {
        return ImplementationYear.since(agreement.details().signedOn(), agreement.zone(), at);
    }

    private static ComplianceStatus status(Optional<Assessment> assessment) {
        return assessment.map(Assessment::status).orElse(ComplianceStatus.PENDING);
    }

    /** The share in percent with one decimal, half up; null for an agreement without terms. */
    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /**
     * Each agreement the filter selects that has a signing date, in the list's order (signing date, then id), a page
     * at a time. Unsigned agreements come last in that order, so the first one ends the walk.
     */
    private void forEachSigned(AgreementFilter filter, Instant at, AgreementRows rows) throws IOException {
        AgreementFilter page = filter;
        while (true) {
            List<AgreementView> views = queries.listAsOf(page, at, pageSize);
            for (AgreementView view : views) {
                if (view.signedOn == null) {
                    return;
                }
                rows.write(view.state());
            }
            if (views.size() < pageSize) {
                return;
            }
            AgreementView last = views.get(views.size() - 1);
            page = page.startingAfter(new AgreementFilter.Position(last.signedOn, last.id));
        }
    }

    @FunctionalInterface
    private interface AgreementRows {
        void write(AgreementState agreement) throws IOException;
    }
}
