package org.conflictledger.events.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.events.api.ConflictEventRepresentation.Participant;
import org.conflictledger.events.domain.Citation;
import org.conflictledger.events.domain.ConflictEventDetails;
import org.conflictledger.events.domain.ConflictEventRules;
import org.conflictledger.events.domain.Fatalities;
import org.conflictledger.events.domain.InvolvedActor;
import org.conflictledger.events.domain.Location;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.actorreplica.ActorRef;
import org.conflictledger.events.query.ConflictEventQueries;
import org.conflictledger.events.query.ConflictEventView;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.contracts.RecordDates;
import org.conflictledger.platform.api.ExternalIdFields;
import org.conflictledger.platform.api.ExternalIdentifier;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.Problem.FieldError;
import org.conflictledger.platform.api.SourceCitation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Translates between the API's bodies and representations and the record's details. */
@ApplicationScoped
public class ConflictEventMapping {
    private final ActorDirectory actors;
    private final ConflictEventQueries events;

    ConflictEventMapping(ActorDirectory actors, ConflictEventQueries events) {
        this.actors = actors;
        this.events = events;
    }

    /** The details a report describes; 400 naming every actor or event it names that does not exist. */
    public ConflictEventDetails details(ConflictEventRequests.Report report) {
        List<FieldError> errors = new ArrayList<>();
        List<InvolvedActor> involved = new ArrayList<>();
        for (int i = 0; i < report.actors().size(); i++) {
            ConflictEventRequests.Participant participant = report.actors().get(i);
            ActorRef actor = actors.byReference(participant.actor()).orElse(null);
            if (actor == null) {
                errors.add(new FieldError("actors[" + i + "].actor", "no actor has the id or key " + participant.actor()));
            } else if (!"ACTIVE".equals(actor.status())) {
                errors.add(new FieldError("actors[" + i + "].actor",
                        actor.key() + " is " + actor.status().toLowerCase() + " and cannot be named in new facts"));
            } else {
                involved.add(new InvolvedActor(actor.id(), participant.role()));
            }
        }
        if (report.respondsTo() != null && !events.exists(report.respondsTo())) {
            errors.add(new FieldError("respondsTo", "no conflict event has the id " + report.respondsTo()));
        }
        if (report.date() != null && !RecordDates.contains(report.date())) {
            errors.add(new FieldError("date", RecordDates.RANGE));
        }
        if (report.endDate() != null && !RecordDates.contains(report.endDate())) {
            errors.add(new FieldError("endDate", RecordDates.RANGE));
        } else if (report.endDate() != null && report.date() != null && report.endDate().isBefore(report.date())) {
            errors.add(new FieldError("endDate", "must not be before date"));
        }
        List<ExternalId> externalIds = externalIds(report, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new ConflictEventDetails(report.theater(), report.type(), report.subType(), report.date(),
                report.datePrecision(), report.endDate(), location(report.location()), involved,
                fatalities(report.fatalities()), report.notes(), report.confidence(), report.agreement(), report.term(),
                report.respondsTo(), citations(report.sources()), report.acledEventId(), report.ucdpGedId(), externalIds);
    }

    private static List<ExternalId> externalIds(ConflictEventRequests.Report report, List<FieldError> errors) {
        Map<String, ExternalIdFields.OwnField> own = new HashMap<>();
        own.put(ExternalIds.ACLED, new ExternalIdFields.OwnField("acledEventId", report.acledEventId()));
        own.put(ExternalIds.UCDP_GED, new ExternalIdFields.OwnField("ucdpGedId", report.ucdpGedId()));
        return ExternalIdFields.read(report.externalIds(), own, errors);
    }

    /** The report that would produce these details (actors by id), the base a correction patches. */
    public ConflictEventRequests.Report report(ConflictEventDetails details) {
        Location l = details.location();
        Fatalities f = details.fatalities();
        return new ConflictEventRequests.Report(details.theater(), details.type(), details.subType(), details.date(),
                details.datePrecision(), details.endDate(),
                l == null ? null : new ConflictEventRequests.LocationBody(l.place(), l.admin1(), l.admin2(), l.admin3(),
                        l.country(), l.latitude(), l.longitude(), l.geoPrecision()),
                details.actors().stream()
                        .map(a -> new ConflictEventRequests.Participant(a.actorId().toString(), a.role())).toList(),
                f == null ? null : new ConflictEventRequests.FatalitiesBody(f.low(), f.best(), f.high()),
                details.notes(), details.confidence(), details.agreementId(), details.term(), details.respondsTo(),
                details.sources().stream().map(c -> new SourceCitation(c.title(), c.publisher(), c.url(), c.date())).toList(),
                details.acledEventId(), details.ucdpGedId(),
                details.externalIds().stream().map(ExternalIdentifier::of).toList(), null);
    }

    public ConflictEventRepresentation representation(ConflictEventView view, Instant asOf) {
        return representations(List.of(view), asOf).get(0);
    }

    /**
     * Representations of several events, naming their actors with one look-up: as they are named now, or, for events
     * read as of an instant, as they were named then.
     */
    public List<ConflictEventRepresentation> representations(Collection<ConflictEventView> views, Instant asOf) {
        Set<UUID> ids = new HashSet<>();
        views.forEach(v -> v.details().actors().forEach(a -> ids.add(a.actorId())));
        Map<UUID, ActorRef> names = asOf == null ? actors.byIds(ids) : actors.byIdsAsOf(ids, asOf);
        return views.stream().map(v -> representation(v, names, asOf)).toList();
    }

    /**
     * Events as the canonical export writes them: as of {@code at}, their actors by id only. Actors' names come from
     * the actors service's topic, asynchronously: a name that arrived late would change a release's bytes.
     */
    public List<ConflictEventRepresentation> canonicalRepresentations(Collection<ConflictEventView> views, Instant at) {
        return views.stream().map(v -> representation(v, Map.of(), at)).toList();
    }

    private static ConflictEventRepresentation representation(ConflictEventView view, Map<UUID, ActorRef> names,
                                                              Instant asOf) {
        ConflictEventDetails d = view.details();
        List<Participant> participants = d.actors().stream().map(a -> {
            ActorRef ref = names.get(a.actorId());
            return new Participant(a.actorId(), ref == null ? null : ref.key(), ref == null ? null : ref.name(), a.role());
        }).toList();
        return new ConflictEventRepresentation(view.id, d.theater(), d.type(), d.subType(), d.date(), d.datePrecision(),
                d.endDate(), d.location(), participants, d.fatalities(), d.notes(), d.confidence(), d.agreementId(),
                d.term(), d.respondsTo(), d.sources(), d.acledEventId(), d.ucdpGedId(),
                ConflictEventRules.externalIds(d).stream().map(ExternalIdentifier::of).toList(), view.status, view.version,
                view.reportedAt, view.updatedAt, asOf);
    }

    private static Location location(ConflictEventRequests.LocationBody body) {
        return body == null ? null : new Location(body.place(), body.admin1(), body.admin2(), body.admin3(),
                body.country(), body.latitude(), body.longitude(), body.geoPrecision());
    }

    private static Fatalities fatalities(ConflictEventRequests.FatalitiesBody body) {
        return body == null ? null : new Fatalities(body.low(), body.best(), body.high());
    }

    private static List<Citation> citations(List<SourceCitation> sources) {
        return sources == null ? List.of()
                : sources.stream().map(s -> new Citation(s.title(), s.publisher(), s.url(), s.date())).toList();
    }
}
