package org.conflictledger.agreements.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.conflictledger.agreements.query.AgreementQueries;
import org.conflictledger.agreements.query.AgreementView;
import org.conflictledger.agreements.write.AgreementsWriteConfiguration;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.QueryParameters;
import org.conflictledger.platform.api.RecordNotFound;
import org.conflictledger.platform.audit.AuditTrail;
import org.conflictledger.platform.audit.ChainVerification;
import org.conflictledger.platform.audit.ReadModelCheck;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Finding an agreement for the resources: now, or as it stood at an instant; 404 when there is none. */
@ApplicationScoped
public class AgreementRecords {
    private final AgreementQueries queries;
    private final AgreementMapping mapping;
    private final AuditTrail audit;

    AgreementRecords(AgreementQueries queries, AgreementMapping mapping, AuditTrail audit) {
        this.queries = queries;
        this.mapping = mapping;
        this.audit = audit;
    }

    public AgreementView current(UUID id) {
        return queries.byId(id).orElseThrow(() -> new RecordNotFound("agreement", id.toString()));
    }

    /** History and verification read the store, so they answer for an agreement the read model does not show yet. */
    public void requireStored(UUID id) {
        if (audit.storedVersion(id.toString()) == 0) {
            throw new RecordNotFound("agreement", id.toString());
        }
    }

    /** The agreement as its stored events have it, never behind: the base of a correction. */
    public AgreementView stored(UUID id) {
        return AgreementQueries.fold(audit.events(id.toString()))
                .orElseThrow(() -> new RecordNotFound("agreement", id.toString()));
    }

    /** The agreement now ({@code asOf} null) or folded from its events recorded up to {@code asOf}. */
    public AgreementView view(UUID id, Instant asOf) {
        if (asOf == null) {
            return current(id);
        }
        return AgreementQueries.fold(audit.eventsUpTo(id.toString(), asOf))
                .orElseThrow(() -> new RecordNotFound("agreement", id + " as of " + asOf));
    }

    /**
     * The agreement after a write: from the read model once it has the write, else folded from the store (a write
     * is answered with what was recorded even when the read models did not catch up within the wait).
     */
    public AgreementView written(UUID id) {
        long stored = audit.storedVersion(id.toString());
        return queries.byId(id).filter(view -> view.version >= stored).orElseGet(() -> stored(id));
    }

    public Response currentResponse(UUID id) {
        AgreementView view = written(id);
        return Response.ok(mapping.representation(view, null)).tag(etag(view)).build();
    }

    public ChainVerification verify(UUID id) {
        return audit.verify(AgreementsWriteConfiguration.RECORD.aggregateType(), id.toString(), events ->
                ReadModelCheck.sameJson(AgreementQueries.fold(events).orElse(null), current(id)));
    }

    public static EntityTag etag(AgreementView view) {
        return new EntityTag(Long.toString(view.version));
    }

    /** An agreement id from a path; an id that is not a UUID names no agreement (404). */
    public static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new RecordNotFound("agreement", text);
        }
    }

    /**
     * An instant, or a day: its start in the agreement's time zone (so "overdue on 2 December" means from
     * midnight there, where its deadlines end); null when not given.
     */
    public static Instant instantOrDay(String name, String text, ZoneId zone) {
        if (text != null && text.strip().length() == 10) {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRequest(name, "must be an instant (2020-12-02T00:00:00Z) or a day (2020-12-02)");
            }
        }
        return QueryParameters.instant(name, text);
    }
}
