package org.conflictledger.agreements.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.agreements.query.AgreementFilter;
import org.conflictledger.agreements.query.AgreementQueries;
import org.conflictledger.agreements.query.AgreementView;
import org.conflictledger.platform.export.JsonLines;
import org.conflictledger.platform.release.CanonicalExport;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Every agreement as it stood at an instant, in signing order (unsigned ones last, then by id), each line the
 * agreement as it is shown and its terms with their compliance as of then, actors by id only (see
 * {@link AgreementMapping#canonicalRepresentation}); read {@code agreements.export.page-size} at a time.
 */
@ApplicationScoped
public class AgreementCanonicalExport implements CanonicalExport {
    private static final AgreementFilter EVERY_AGREEMENT = new AgreementFilter(null, null, null, null, null, null, null,
            null);

    /** One line of the export. */
    record AgreementWithTerms(AgreementRepresentations.Agreement agreement, List<AgreementRepresentations.Term> terms) {
    }

    private final AgreementQueries queries;
    private final AgreementMapping mapping;
    private final int pageSize;

    AgreementCanonicalExport(AgreementQueries queries, AgreementMapping mapping,
                             @ConfigProperty(name = "agreements.export.page-size", defaultValue = "200") int pageSize) {
        this.queries = queries;
        this.mapping = mapping;
        this.pageSize = pageSize;
    }

    @Override
    public String collection() {
        return "agreements";
    }

    @Override
    public void write(Instant at, JsonLines out) throws IOException {
        AgreementFilter filter = EVERY_AGREEMENT;
        List<AgreementView> page;
        do {
            page = queries.listAsOf(filter, at, pageSize);
            for (AgreementView agreement : page) {
                out.write(new AgreementWithTerms(mapping.canonicalRepresentation(agreement, at),
                        mapping.canonicalTerms(agreement, at)));
            }
            if (!page.isEmpty()) {
                AgreementView last = page.get(page.size() - 1);
                filter = filter.startingAfter(new AgreementFilter.Position(last.signedOn, last.id));
            }
        } while (page.size() == pageSize);
    }
}
