package org.conflictledger.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.GeoPrecision;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A dataset as read from its folder: the actors (with their outgoing relationships) of
 * {@value DatasetReader#ACTORS_FILE} and the conflict events of {@value DatasetReader#EVENTS_FILE}
 * (none when the folder has no such file). Agreements will sit beside them in {@code agreements.json}.
 */
public record Dataset(List<ActorEntry> actors, List<EventEntry> events) {

    public Dataset {
        actors = List.copyOf(actors);
        events = List.copyOf(events);
    }

    /** A dataset of actors only. */
    public Dataset(List<ActorEntry> actors) {
        this(actors, List.of());
    }

    public int relationshipCount() {
        return actors.stream().mapToInt(actor -> actor.relationships().size()).sum();
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

    /** An actor to register, with the relationships it declares (outgoing). */
    public record ActorEntry(String key, String name, ActorKind kind, List<String> aliases, String country,
                             String affiliation, String reason, List<SourceCitation> sources,
                             List<RelationshipEntry> relationships) {
        public ActorEntry {
            aliases = List.copyOf(aliases);
            sources = List.copyOf(sources);
            relationships = List.copyOf(relationships);
        }
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
     * {@code subType} is the name of an ACLED sub-type the type allows.
     */
    public record EventEntry(String key, Theater theater, ConflictEventType type, String subType, LocalDate date,
                             DatePrecision datePrecision, LocalDate endDate, EventLocation location,
                             List<EventActor> actors, EventFatalities fatalities, String notes, Double confidence,
                             String acledEventId, String ucdpGedId, String reason, List<SourceCitation> sources) {
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
}
