package org.conflictledger.agreements.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.agreements.query.AgreementFilter;
import org.conflictledger.contracts.AgreementKind;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.Theater;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.QueryParameters;

import java.util.UUID;

/** Parses the parameters that choose agreements (the list's and the exports') into a query filter. */
@ApplicationScoped
public class AgreementFilters {
    private final AgreementMapping mapping;

    AgreementFilters(AgreementMapping mapping) {
        this.mapping = mapping;
    }

    /**
     * The filter the parameters ask for, from the start of the list ({@code asOf} is not part of it); a bad parameter
     * is an {@link InvalidRequest} naming it.
     */
    public AgreementFilter filter(AgreementFilterQuery query) {
        UUID signatory = query.signatory == null ? null : mapping.actorIdForFilter(query.signatory, "signatory");
        return new AgreementFilter(
                QueryParameters.enumValue("theater", query.theater, Theater.class),
                QueryParameters.enumValue("status", query.status, AgreementStatus.class),
                QueryParameters.enumValue("kind", query.kind, AgreementKind.class),
                signatory,
                QueryParameters.instant("inForceAt", query.inForceAt),
                QueryParameters.searchText("q", query.q),
                QueryParameters.externalId("externalId", query.externalId),
                null);
    }
}
