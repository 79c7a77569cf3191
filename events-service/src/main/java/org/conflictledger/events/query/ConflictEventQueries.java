package org.conflictledger.events.query;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.conflictledger.platform.api.HistoryNotBuilt;
import org.conflictledger.platform.api.QueryTimedOut;
import org.conflictledger.platform.config.LedgerConfig;
import org.conflictledger.platform.storage.DatabaseOrder;
import org.hibernate.jpa.HibernateHints;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** Questions the conflict event read model answers. */
@ApplicationScoped
@Transactional
public class ConflictEventQueries {
    private final Duration queryTimeout;

    public ConflictEventQueries(LedgerConfig config) {
        this.queryTimeout = config.api().queryTimeout();
    }

    public Optional<ConflictEventView> byId(UUID id) {
        return ConflictEventView.findByIdOptional(id);
    }

    /** How often a page as of an instant is read when a correction committing meanwhile made it list an event twice. */
    private static final int READS_OF_A_PAGE_AS_OF = 3;

    public boolean exists(UUID id) {
        return ConflictEventView.count("id", id) > 0;
    }

    /** Up to {@code limit} events matching the filter, in date order (then id). */
    public List<ConflictEventView> list(ConflictEventFilter filter, int limit) {
        return find(ConflictEventView.class, "id", filter, null, limit);
    }

    /**
     * Up to {@code limit} events as they stood at {@code asOf}, matching the filter with their values of that instant,
     * in the same order as {@link #list}: the current states that were already current then, and the replaced states
     * that were current then, merged.
     */
    public List<ConflictEventView> listAsOf(ConflictEventFilter filter, Instant asOf, int limit) {
        Object complete = ConflictEventView.getEntityManager()
                .createNativeQuery("SELECT complete FROM conflict_event_history WHERE id = 1").getSingleResult();
        if (!Boolean.TRUE.equals(complete)) {
            throw new HistoryNotBuilt("The events' past states are not all kept yet: this store was written by a version"
                    + " that did not keep them. An admin's read-model rebuild (POST /api/v1/events/admin/read-model/rebuild)"
                    + " fills them; lists without asOf answer meanwhile.");
        }
        // The databases keep microseconds, and a driver rounds a finer instant, possibly up past a change: floor it.
        Instant instant = asOf.truncatedTo(ChronoUnit.MICROS);
        Comparator<ConflictEventView> order = Comparator.<ConflictEventView, LocalDate>comparing(view -> view.date)
                .thenComparing(view -> view.id, DatabaseOrder.UUIDS);
        List<ConflictEventView> merged = List.of();
        for (int attempt = 1; attempt <= READS_OF_A_PAGE_AS_OF; attempt++) {
            List<ConflictEventView> unchangedSince = find(ConflictEventView.class, "id", filter,
                    new AsOf("e.updatedAt <= :asOf", instant), limit);
            List<ConflictEventView> replacedSince = find(ConflictEventVersion.class, "eventId", filter,
                    new AsOf("e.updatedAt <= :asOf and e.recordedTo > :asOf", instant), limit)
                    .stream().map(ConflictEventVersion::asView).toList();
            merged = Stream.concat(unchangedSince.stream(), replacedSince.stream())
                    .sorted(filter.descending() ? order.reversed() : order)
                    .toList();
            if (merged.stream().map(view -> view.id).distinct().count() == merged.size()) {
                break;
            }
            // A correction committed between the two reads moved the state read from the view into the versions:
            // it was read twice. Read the page again, now that the projection's transaction is over.
        }
        Set<UUID> seen = new HashSet<>();
        return merged.stream().filter(view -> seen.add(view.id)).limit(limit).toList();
    }

    /** The states of one entity that match the filter (and were current at an instant, when asked), one page. */
    private <T extends ConflictEventColumns> List<T> find(Class<T> entity, String idProperty, ConflictEventFilter filter,
                                                          AsOf asOf, int limit) {
        String entityName = entity.getSimpleName();
        String id = "e." + idProperty;
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (asOf != null) {
            where.add(asOf.condition());
            params.and("asOf", asOf.instant());
        }
        if (filter.theater() != null) {
            where.add("e.theater = :theater");
            params.and("theater", filter.theater());
        }
        if (filter.type() != null) {
            where.add("e.type = :type");
            params.and("type", filter.type());
        }
        if (filter.status() != null) {
            where.add("e.status = :status");
            params.and("status", filter.status());
        }
        if (filter.actor() != null || filter.role() != null) {
            List<String> participant = new ArrayList<>();
            if (filter.actor() != null) {
                participant.add("p.actorId = :actor");
                params.and("actor", filter.actor());
            }
            if (filter.role() != null) {
                participant.add("p.role = :role");
                params.and("role", filter.role());
            }
            where.add("exists (select 1 from " + entityName + " e2 join e2.participants p where e2 = e and "
                    + String.join(" and ", participant) + ")");
        }
        if (filter.from() != null) {
            where.add("e.lastDate >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("e.date <= :to");
            params.and("to", filter.to());
        }
        if (filter.bbox() != null) {
            where.add("e.longitude between :minLon and :maxLon and e.latitude between :minLat and :maxLat");
            params.and("minLon", filter.bbox()[0]).and("minLat", filter.bbox()[1])
                    .and("maxLon", filter.bbox()[2]).and("maxLat", filter.bbox()[3]);
        }
        if (filter.agreement() != null) {
            where.add("e.agreementId = :agreement");
            params.and("agreement", filter.agreement());
        }
        if (filter.acledEventId() != null) {
            where.add("e.acledEventId = :acled");
            params.and("acled", filter.acledEventId());
        }
        if (filter.externalId() != null) {
            where.add("e in (select x from " + entityName + " x join x.externalIds i"
                    + " where i.scheme = :scheme and i.value = :externalValue)");
            params.and("scheme", filter.externalId().scheme()).and("externalValue", filter.externalId().value());
        }
        if (filter.text() != null) {
            where.add("e.searchText like :text escape '!'");
            params.and("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.after() != null) {
            // Written as a range on the date plus a tie-break so that the database reads the index from the cursor
            // on: (date > d or (date = d and id > i)) is the same set, but it makes H2 start from the beginning.
            String op = filter.descending() ? "<" : ">";
            where.add("e.date " + op + "= :afterDate");
            where.add("(e.date " + op + " :afterDate or " + id + " " + op + " :afterId)");
            params.and("afterDate", filter.after().date()).and("afterId", filter.after().id());
        }
        String direction = filter.descending() ? " desc" : "";
        String query = "select e from " + entityName + " e" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + leadingSortColumn(filter).map(column -> column + direction + ", ").orElse("")
                + "e.date" + direction + ", " + id + direction;
        try {
            TypedQuery<T> typed = ConflictEventView.getEntityManager().createQuery(query, entity);
            params.map().forEach(typed::setParameter);
            return typed.setHint(HibernateHints.HINT_TIMEOUT, (int) Math.max(1, queryTimeout.toSeconds()))
                    .setMaxResults(limit)
                    .getResultList();
        } catch (RuntimeException e) {
            if (QueryTimedOut.isCause(e)) {
                throw new QueryTimedOut("The list was cancelled after " + queryTimeout.toSeconds()
                        + " s (the query timeout); try again later, or narrow the filters", e);
            }
            throw e;
        }
    }

    private record AsOf(String condition, Instant instant) {
    }

    /**
     * The column filtered for equality that leads the list's order. Filtered to one value, it does not change the
     * order, but it lets the database read an index on (column, event_date, id) in order and stop after one page,
     * instead of reading and sorting every matching event (H2 uses an index for ORDER BY only when the index
     * starts with the ORDER BY columns).
     */
    private static Optional<String> leadingSortColumn(ConflictEventFilter filter) {
        if (filter.theater() != null) {
            return Optional.of("e.theater");
        }
        if (filter.type() != null) {
            return Optional.of("e.type");
        }
        if (filter.status() != null) {
            return Optional.of("e.status");
        }
        return Optional.empty();
    }

    public long count() {
        return ConflictEventView.count();
    }

    /** The event as its events up to an instant make it; empty when it had no events yet. */
    public static Optional<ConflictEventView> fold(List<DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        ConflictEventView view = new ConflictEventView();
        for (DomainEventMessage<?> event : events) {
            view.apply(event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
        }
        return Optional.of(view);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
