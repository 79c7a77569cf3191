package org.conflictledger.agreements.query;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.conflictledger.agreements.domain.AgreementRules;
import org.conflictledger.platform.audit.AuditTrail;
import org.conflictledger.platform.storage.DatabaseOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Questions the agreement read model answers. */
@ApplicationScoped
@Transactional
public class AgreementQueries {
    /** Unsigned agreements sort after every signed one. */
    private static final LocalDate UNSIGNED = LocalDate.of(9999, 12, 31);
    private static final int BATCH = 200;

    private final AuditTrail audit;

    AgreementQueries(AuditTrail audit) {
        this.audit = audit;
    }

    public Optional<AgreementView> byId(UUID id) {
        return AgreementView.findByIdOptional(id);
    }

    public boolean exists(UUID id) {
        return AgreementView.count("id", id) > 0;
    }

    public long count() {
        return AgreementView.count();
    }

    /**
     * Up to {@code limit} agreements matching the filter, in signing order. The database narrows by
     * every filter; whether an agreement was suspended at {@code inForceAt} is then checked on its
     * status changes.
     */
    public List<AgreementView> list(AgreementFilter filter, int limit) {
        List<AgreementView> found = new ArrayList<>();
        AgreementFilter.Position after = filter.after();
        while (found.size() < limit) {
            List<AgreementView> batch = candidates(filter, after, filter.inForceAt() == null ? limit : BATCH);
            for (AgreementView view : batch) {
                if (filter.inForceAt() == null || view.state().inForceAt(filter.inForceAt())) {
                    found.add(view);
                    if (found.size() == limit) {
                        break;
                    }
                }
            }
            if (batch.size() < (filter.inForceAt() == null ? limit : BATCH)) {
                break;
            }
            AgreementView last = batch.get(batch.size() - 1);
            after = new AgreementFilter.Position(last.signedOn, last.id);
        }
        return found;
    }

    private static List<AgreementView> candidates(AgreementFilter filter, AgreementFilter.Position after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.theater() != null) {
            where.add("a.theater = :theater");
            params.and("theater", filter.theater());
        }
        if (filter.status() != null) {
            where.add("a.status = :status");
            params.and("status", filter.status());
        }
        if (filter.kind() != null) {
            where.add("a.kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.signatory() != null) {
            where.add("exists (select 1 from AgreementView a2 join a2.parties p where a2 = a and p.actorId = :signatory"
                    + " and p.role = '" + PartyRow.SIGNATORY + "')");
            params.and("signatory", filter.signatory());
        }
        if (filter.inForceAt() != null) {
            where.add("a.inForceAt <= :inForceAt and (a.endedAt is null or a.endedAt > :inForceAt)");
            params.and("inForceAt", filter.inForceAt());
        }
        if (filter.text() != null) {
            where.add("a.searchText like :text escape '!'");
            params.and("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.externalId() != null) {
            where.add("a in (select x from AgreementView x join x.externalIds i"
                    + " where i.scheme = :scheme and i.value = :externalValue)");
            params.and("scheme", filter.externalId().scheme()).and("externalValue", filter.externalId().value());
        }
        if (after != null) {
            where.add("(coalesce(a.signedOn, :unsigned) > :afterDate"
                    + " or (coalesce(a.signedOn, :unsigned) = :afterDate and a.id > :afterId))");
            params.and("afterDate", after.signedOn() == null ? UNSIGNED : after.signedOn()).and("afterId", after.id());
        }
        String query = "select a from AgreementView a" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by coalesce(a.signedOn, :unsigned), a.id";
        params.and("unsigned", UNSIGNED);
        return AgreementView.<AgreementView>find(query, params).page(0, limit).list();
    }

    /**
     * Up to {@code limit} agreements as they stood at {@code asOf}, matching the filter with the values of then, in
     * signing order. An agreement unchanged since is read from the view; one changed since is folded from its events
     * up to the instant. Every agreement is looked at for every page: agreements are few, unlike events.
     */
    public List<AgreementView> listAsOf(AgreementFilter filter, Instant asOf, int limit) {
        String text = filter.text() == null ? null : filter.text().toLowerCase(Locale.ROOT);
        Comparator<AgreementView> order = Comparator.<AgreementView, LocalDate>comparing(
                view -> view.signedOn == null ? UNSIGNED : view.signedOn).thenComparing(view -> view.id, DatabaseOrder.UUIDS);
        AgreementView after = null;
        if (filter.after() != null) {
            after = new AgreementView();
            after.signedOn = filter.after().signedOn();
            after.id = filter.after().id();
        }
        List<AgreementView> then = audit.statesAt(asOf, AgreementView.<AgreementView>list("recordedAt <= ?1", asOf),
                view -> view.updatedAt, view -> view.id.toString(), AgreementQueries::fold);
        AgreementView pageStart = after;
        return then.stream()
                .filter(view -> filter.theater() == null || view.theater == filter.theater())
                .filter(view -> filter.status() == null || view.status == filter.status())
                .filter(view -> filter.kind() == null || view.kind == filter.kind())
                .filter(view -> filter.signatory() == null || view.parties.stream().anyMatch(party ->
                        party.role.equals(PartyRow.SIGNATORY) && party.actorId.equals(filter.signatory())))
                .filter(view -> filter.inForceAt() == null || view.inForceAt != null
                        && !view.inForceAt.isAfter(filter.inForceAt())
                        && (view.endedAt == null || view.endedAt.isAfter(filter.inForceAt()))
                        && view.state().inForceAt(filter.inForceAt()))
                .filter(view -> text == null || view.searchText.contains(text))
                .filter(view -> filter.externalId() == null
                        || AgreementRules.externalIds(view.state().details()).contains(filter.externalId()))
                .filter(view -> pageStart == null || order.compare(view, pageStart) > 0)
                .sorted(order)
                .limit(limit)
                .toList();
    }

    /** The agreement as its events up to an instant make it; empty when it had no events yet. */
    public static Optional<AgreementView> fold(List<DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        AgreementView view = new AgreementView();
        for (DomainEventMessage<?> event : events) {
            view.apply(event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
        }
        return Optional.of(view);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
