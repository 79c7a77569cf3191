package org.conflictledger.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.AgreementKind;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.GeoPrecision;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.TermCategory;
import org.conflictledger.contracts.Theater;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A dataset as read from its folder: the actors (with their outgoing relationships) of
 * {@value DatasetReader#ACTORS_FILE}, the conflict events of {@value DatasetReader#EVENTS_FILE} and the
 * agreements (with their terms) of {@value DatasetReader#AGREEMENTS_FILE}; none of the last two when the
 * folder has no such file.
 */
public record Dataset(List<ActorEntry> actors, List<EventEntry> events, List<AgreementEntry> agreements) {

    public Dataset {
        actors = List.copyOf(actors);
        events = List.copyOf(events);
        agreements = List.copyOf(agreements);
    }

    /** A dataset of actors only. */
    public Dataset(List<ActorEntry> actors) {
        this(actors, List.of(), List.of());
    }

    public int relationshipCount() {
        return actors.stream().mapToInt(actor -> actor.relationships().size()).sum();
    }

    public int termCount() {
        return agreements.stream().mapToInt(agreement -> agreement.terms().size()).sum();
    }

    /**
     * The agreements in file order, except that an agreement comes after those it supersedes or
     * complements (the API takes those as ids of agreements already in the record). The reader has
     * rejected unknown references and cycles.
     */
    public List<AgreementEntry> recordingOrder() {
        return dependenciesFirst(agreements, AgreementEntry::key,
                agreement -> {
                    List<String> named = new ArrayList<>(agreement.supersedes());
                    named.addAll(agreement.complements());
                    return named;
                });
    }

    /**
     * The actors in file order, except that an actor comes after the actor it is affiliated with
     * (the API only accepts an affiliation to an actor already in the record). The reader has
     * rejected unknown affiliations and cycles.
     */
    public List<ActorEntry> registrationOrder() {
        List<ActorEntry> ordered = new ArrayList<>(actors.size());
        Set<String> placed = new HashSet<>();
        List<ActorEntry> waiting = new ArrayList<>(actors);
        while (!waiting.isEmpty()) {
            boolean progress = false;
            for (var it = waiting.iterator(); it.hasNext(); ) {
                ActorEntry actor = it.next();
                if (actor.affiliation() == null || placed.contains(actor.affiliation())) {
                    ordered.add(actor);
                    placed.add(actor.key());
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("Affiliation cycle among " + waiting.stream().map(ActorEntry::key).toList());
            }
        }
        return ordered;
    }

    /**
     * The items in their order, except that each comes after the items it depends on (by id); a
     * dependency that is not among the items is ignored, a cycle is an error.
     */
    static <T, K> List<T> dependenciesFirst(List<T> items, Function<T, K> id, Function<T, List<K>> dependsOn) {
        Map<K, T> byId = new HashMap<>();
        items.forEach(item -> byId.putIfAbsent(id.apply(item), item));
        Set<K> placed = new LinkedHashSet<>();
        List<T> ordered = new ArrayList<>(items.size());
        for (T item : items) {
            place(item, id, dependsOn, byId, placed, new HashSet<>(), ordered);
        }
        return ordered;
    }

    private static <T, K> void place(T item, Function<T, K> id, Function<T, List<K>> dependsOn, Map<K, T> byId,
                                     Set<K> placed, Set<K> visiting, List<T> ordered) {
        K key = id.apply(item);
        if (placed.contains(key)) {
            return;
        }
        if (!visiting.add(key)) {
            throw new IllegalStateException("Dependency cycle through " + key);
        }
        for (K dependency : dependsOn.apply(item)) {
            T other = byId.get(dependency);
            if (other != null && other != item) {
                place(other, id, dependsOn, byId, placed, visiting, ordered);
            }
        }
        visiting.remove(key);
        placed.add(key);
        ordered.add(item);
    }

    /** An actor to register, with the relationships it declares (outgoing). */
    public record ActorEntry(String key, String name, ActorKind kind, List<String> aliases, String country,
                             String affiliation, String reason, List<SourceCitation> sources,
                             List<RelationshipEntry> relationships, List<ExternalIdEntry> externalIds) {
        public ActorEntry {
            aliases = List.copyOf(aliases);
            sources = List.copyOf(sources);
            relationships = List.copyOf(relationships);
            externalIds = List.copyOf(externalIds);
        }
    }

    /** An identifier of an actor in another dataset ({@code wikidata}, {@code Q43}). */
    public record ExternalIdEntry(String scheme, String value) {
    }

    /** How an actor stands towards a counterpart (by key), where, and over which days. */
    public record RelationshipEntry(RelationshipKind kind, String counterpart, Theater theater, LocalDate validFrom,
                                    LocalDate validUntil, Double confidence, String reason,
                                    List<SourceCitation> sources) {
        public RelationshipEntry {
            sources = List.copyOf(sources);
        }

        /** What makes two relationships of one actor the same for the importer. */
        public Identity identity() {
            return new Identity(kind, counterpart, theater, validFrom, validUntil);
        }
    }

    /** Kind, counterpart, theater and valid time: a relationship with all of them equal is already present. */
    public record Identity(RelationshipKind kind, String counterpart, Theater theater, LocalDate validFrom,
                           LocalDate validUntil) {

        /** E.g. {@code TUR SUPPORTS GNA (LIBYA)} or {@code RUS CO_CHAIRS OSCE-MINSK (NAGORNO_KARABAKH, from 1992-01-01)}. */
        public String describe(String actor) {
            List<String> qualifiers = new ArrayList<>();
            if (theater != null) {
                qualifiers.add(theater.name());
            }
            if (validFrom != null && validUntil != null) {
                qualifiers.add(validFrom + " to " + validUntil);
            } else if (validFrom != null) {
                qualifiers.add("from " + validFrom);
            } else if (validUntil != null) {
                qualifiers.add("until " + validUntil);
            }
            String text = actor + " " + kind + " " + counterpart;
            return qualifiers.isEmpty() ? text : text + " (" + String.join(", ", qualifiers) + ")";
        }
    }

    /** A source supporting a record, as the API takes it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceCitation(String title, String publisher, String url, LocalDate date) {
    }

    /**
     * A conflict event to report, with its stable dataset key (sent as the {@code Idempotency-Key}
     * {@code seed-<key>}, never as a field). Actors are keys of {@value DatasetReader#ACTORS_FILE};
     * {@code subType} is the name of an ACLED sub-type the type allows; {@code agreement} is the key of an
     * agreement of {@value DatasetReader#AGREEMENTS_FILE} (sent as its id) and {@code term} names one of its
     * terms as the API takes it (free text; the term's order, e.g. {@code 1}).
     */
    public record EventEntry(String key, Theater theater, ConflictEventType type, String subType, LocalDate date,
                             DatePrecision datePrecision, LocalDate endDate, EventLocation location,
                             List<EventActor> actors, EventFatalities fatalities, String notes, Double confidence,
                             String acledEventId, String ucdpGedId, String agreement, String term, String reason,
                             List<SourceCitation> sources) {
        public EventEntry {
            actors = List.copyOf(actors);
            sources = List.copyOf(sources);
        }
    }

    /** Where an event happened, as the API takes it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventLocation(String place, String admin1, String admin2, String admin3, String country,
                                Double latitude, Double longitude, GeoPrecision geoPrecision) {
    }

    /** An actor (by key) involved in an event, in a directional role. */
    public record EventActor(String actor, ActorRole role) {
    }

    /** Fatality estimates, low &lt;= best &lt;= high where given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventFatalities(Integer low, Integer best, Integer high) {
    }

    /**
     * An agreement to record, with its stable dataset key (sent as the {@code Idempotency-Key}
     * {@code seed-agreement-<key>}, never as a field) and its terms. Signatories and witnesses are keys of
     * {@value DatasetReader#ACTORS_FILE}; {@code supersedes} and {@code complements} are keys of other
     * agreements of the same file (sent as their ids). {@code notes} explain the record and are not sent.
     */
    public record AgreementEntry(String key, String title, AgreementKind kind, Theater theater, LocalDate signedOn,
                                 String signedPlace, Instant inForceAt, String inForceZone, List<String> signatories,
                                 List<String> witnesses, List<String> supersedes, List<String> complements,
                                 AgreementStatus status, String paxAgreementId, String notes, String reason,
                                 List<SourceCitation> sources, List<TermEntry> terms) {
        public AgreementEntry {
            signatories = List.copyOf(signatories);
            witnesses = List.copyOf(witnesses);
            supersedes = List.copyOf(supersedes);
            complements = List.copyOf(complements);
            sources = List.copyOf(sources);
            terms = List.copyOf(terms);
        }

        /** Every actor key the agreement and its terms name. */
        public Set<String> namedActors() {
            Set<String> named = new LinkedHashSet<>(signatories);
            named.addAll(witnesses);
            terms.forEach(term -> {
                named.addAll(term.obligated());
                named.addAll(term.beneficiaries());
            });
            return named;
        }

        /**
         * The terms in file order, except that a term comes after the terms its conditions name (the API
         * resolves a condition against the terms already added). The reader has rejected cycles.
         */
        public List<TermEntry> additionOrder() {
            return dependenciesFirst(terms, TermEntry::order,
                    term -> term.conditions().stream().map(TermConditionEntry::term).toList());
        }
    }

    /**
     * A term of an agreement, identified in the dataset by its agreement's key and its {@code order}
     * (sent as the {@code Idempotency-Key} {@code seed-agreement-<key>-term-<order>}). Obligated actors and
     * beneficiaries are actor keys; conditions name other terms of the agreement by order.
     */
    public record TermEntry(Integer order, String article, String text, TermCategory category, List<String> obligated,
                            List<String> beneficiaries, LocalDate deadline, TermDurationEntry duration,
                            List<TermQuantity> quantities, List<TermConditionEntry> conditions, String notes,
                            String reason, List<SourceCitation> sources) {
        public TermEntry {
            obligated = List.copyOf(obligated);
            beneficiaries = List.copyOf(beneficiaries);
            quantities = List.copyOf(quantities);
            conditions = List.copyOf(conditions);
            sources = List.copyOf(sources);
        }
    }

    /** How long a term lasts from the agreement's entry into force, and how it renews. */
    public record TermDurationEntry(Period period, boolean autoRenew, Period renewalPeriod, Period noticePeriod) {
    }

    /** A number a term sets: 1960 personnel, 5 km. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TermQuantity(BigDecimal value, String unit, String of) {
    }

    /** This term happens {@code kind} (IN_PARALLEL_WITH, AFTER, BEFORE, CONDITIONAL_ON) the term of order {@code term}. */
    public record TermConditionEntry(String kind, Integer term) {
    }
}
