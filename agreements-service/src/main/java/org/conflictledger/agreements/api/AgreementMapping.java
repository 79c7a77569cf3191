package org.conflictledger.agreements.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.actorreplica.ActorRef;
import org.conflictledger.agreements.api.AgreementRepresentations.ActorName;
import org.conflictledger.agreements.domain.AgreementDetails;
import org.conflictledger.agreements.domain.AgreementRules;
import org.conflictledger.agreements.domain.AgreementState;
import org.conflictledger.agreements.domain.Assessment;
import org.conflictledger.agreements.domain.Evidence;
import org.conflictledger.agreements.domain.Quantity;
import org.conflictledger.agreements.domain.TermCondition;
import org.conflictledger.agreements.domain.TermDetails;
import org.conflictledger.agreements.domain.TermDuration;
import org.conflictledger.agreements.domain.TermState;
import org.conflictledger.agreements.query.AgreementQueries;
import org.conflictledger.agreements.query.AgreementView;
import org.conflictledger.agreements.query.ConflictEventDirectory;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.platform.api.ExternalIdFields;
import org.conflictledger.platform.api.ExternalIdentifier;
import org.conflictledger.platform.api.InvalidRequest;
import org.conflictledger.platform.api.Problem.FieldError;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Translates between the API's bodies and representations and the record: actors named by id or
 * key become ids (a 400 names each one this service does not know), and ids become names again.
 */
@ApplicationScoped
public class AgreementMapping {
    private static final Pattern ORDER = Pattern.compile("\\d{1,5}");

    private final ActorDirectory actors;
    private final AgreementQueries agreements;
    private final ConflictEventDirectory conflictEvents;

    AgreementMapping(ActorDirectory actors, AgreementQueries agreements, ConflictEventDirectory conflictEvents) {
        this.actors = actors;
        this.agreements = agreements;
        this.conflictEvents = conflictEvents;
    }

    public AgreementDetails details(AgreementRequests.Record body) {
        return details(body, Set.of());
    }

    /**
     * The details a body describes. Actors in {@code alreadyNamed} (those the record names already,
     * when a correction keeps them) pass even if since merged or retracted.
     */
    public AgreementDetails details(AgreementRequests.Record body, Set<UUID> alreadyNamed) {
        List<FieldError> errors = new ArrayList<>();
        List<UUID> signatories = actorIds(body.signatories(), "signatories", alreadyNamed, errors);
        List<UUID> witnesses = actorIds(body.witnesses(), "witnesses", alreadyNamed, errors);
        List<UUID> supersedes = agreementIds(body.supersedes(), "supersedes", errors);
        List<UUID> complements = agreementIds(body.complements(), "complements", errors);
        TimeBounds.day("signedOn", body.signedOn(), errors);
        TimeBounds.instant("inForceAt", body.inForceAt(), errors);
        if (body.inForceZone() != null && !body.inForceZone().isBlank() && !validZone(body.inForceZone().strip())) {
            errors.add(new FieldError("inForceZone", "is not a time zone (e.g. Europe/Moscow)"));
        }
        List<ExternalId> externalIds = ExternalIdFields.read(body.externalIds(),
                Map.of(ExternalIds.PAX, new ExternalIdFields.OwnField("paxAgreementId", body.paxAgreementId())), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new AgreementDetails(body.title(), body.kind(), body.theater(), body.signedOn(), body.signedPlace(),
                body.inForceAt(), body.inForceZone(), signatories, witnesses, supersedes, complements,
                body.paxAgreementId(), externalIds);
    }

    /** The body that records these details (actors and agreements by id), the base a correction patches. */
    public AgreementRequests.Record record(AgreementDetails d) {
        return new AgreementRequests.Record(d.title(), d.kind(), d.theater(), d.signedOn(), d.signedPlace(),
                d.inForceAt(), d.inForceZone(), texts(d.signatories()), texts(d.witnesses()), d.supersedes(),
                d.complements(), null, d.paxAgreementId(),
                d.externalIds().stream().map(ExternalIdentifier::of).toList(), null, null);
    }

    /** The details a term body describes; actors in {@code alreadyNamed} pass as for an agreement's details. */
    public TermDetails term(AgreementRequests.Term body, AgreementState agreement, Set<UUID> alreadyNamed) {
        List<FieldError> errors = new ArrayList<>();
        List<UUID> obligated = actorIds(body.obligated(), "obligated", alreadyNamed, errors);
        List<UUID> beneficiaries = actorIds(body.beneficiaries(), "beneficiaries", alreadyNamed, errors);
        TimeBounds.day("deadline", body.deadline(), errors);
        if (body.duration() != null) {
            TimeBounds.period("duration.period", body.duration().period(), errors);
            TimeBounds.period("duration.renewalPeriod", body.duration().renewalPeriod(), errors);
            TimeBounds.period("duration.noticePeriod", body.duration().noticePeriod(), errors);
        }
        List<TermCondition> conditions = new ArrayList<>();
        List<AgreementRequests.ConditionBody> given = body.conditions() == null ? List.of() : body.conditions();
        for (int i = 0; i < given.size(); i++) {
            AgreementRequests.ConditionBody condition = given.get(i);
            Optional<UUID> term = termId(agreement, condition.term());
            if (term.isEmpty()) {
                errors.add(new FieldError("conditions[" + i + "].term", "the agreement has no term " + condition.term()));
            } else {
                conditions.add(new TermCondition(condition.kind(), term.get()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        AgreementRequests.DurationBody d = body.duration();
        TermDuration duration = d == null ? null : new TermDuration(d.period(), d.autoRenew(), d.renewalPeriod(), d.noticePeriod());
        List<Quantity> quantities = body.quantities() == null ? List.of()
                : body.quantities().stream().map(q -> new Quantity(q.value(), q.unit(), q.of())).toList();
        return new TermDetails(body.order(), body.article(), body.text(), body.category(), obligated, beneficiaries,
                body.deadline(), duration, quantities, conditions);
    }

    /** The body that adds this term (actors and terms by id), the base a correction patches. */
    public AgreementRequests.Term termBody(TermDetails t) {
        TermDuration d = t.duration();
        return new AgreementRequests.Term(t.order(), t.article(), t.text(), t.category(), texts(t.obligated()),
                texts(t.beneficiaries()), t.deadline(),
                d == null ? null : new AgreementRequests.DurationBody(d.period(), d.autoRenew(), d.renewalPeriod(), d.noticePeriod()),
                t.quantities().stream().map(q -> new AgreementRequests.QuantityBody(q.value(), q.unit(), q.of())).toList(),
                t.conditions().stream().map(c -> new AgreementRequests.ConditionBody(c.kind(), c.term().toString())).toList(),
                null, null);
    }

    /** The evidence cited, each conflict event known from ledger.events.v1; 400 naming those that are not. */
    public List<Evidence> evidence(List<AgreementRequests.EvidenceBody> given) {
        List<AgreementRequests.EvidenceBody> evidence = given == null ? List.of() : given;
        var known = conflictEvents.byIds(evidence.stream().map(AgreementRequests.EvidenceBody::conflictEvent).toList());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < evidence.size(); i++) {
            if (!known.containsKey(evidence.get(i).conflictEvent())) {
                errors.add(new FieldError("evidence[" + i + "].conflictEvent", "no conflict event has the id "
                        + evidence.get(i).conflictEvent() + " (conflict events are known here from ledger.events.v1)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return evidence.stream().map(e -> new Evidence(e.conflictEvent(), e.note())).toList();
    }

    /** The id of an actor named by id or key, which must be active; 400 naming the field otherwise. */
    public UUID actorId(String reference, String field) {
        List<FieldError> errors = new ArrayList<>();
        UUID id = actorId(reference, field, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return id;
    }

    /** The id of an actor a filter names by id or key, whatever its status; 400 naming the parameter if unknown. */
    public UUID actorIdForFilter(String reference, String parameter) {
        return actors.byReference(reference).map(ActorRef::id)
                .orElseThrow(() -> new InvalidRequest(parameter, "no actor has the id or key " + reference));
    }

    /** A term of the agreement named by its id or its order. */
    public static Optional<UUID> termId(AgreementState agreement, String reference) {
        String text = reference == null ? "" : reference.strip();
        if (ORDER.matcher(text).matches()) {
            int order = Integer.parseInt(text);
            return agreement.terms().stream().filter(t -> t.details().order() == order).map(TermState::termId).findFirst();
        }
        try {
            return agreement.term(UUID.fromString(text)).map(TermState::termId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public AgreementRepresentations.Agreement representation(AgreementView view, Instant asOf) {
        // As of an instant, the signatories and witnesses are named as they were then.
        return representation(view, asOf, ids -> asOf == null ? names(ids) : actors.byIdsAsOf(ids, asOf));
    }

    /**
     * The agreement as the canonical export writes it: as of {@code at}, its actors by id only. Their names come from
     * the actors service's topic, asynchronously: a name that arrived late would change a release's bytes.
     */
    public AgreementRepresentations.Agreement canonicalRepresentation(AgreementView view, Instant at) {
        return representation(view, at, ids -> Map.of());
    }

    /** Its terms as the canonical export writes them: compliance as of {@code at}, actors by id only. */
    public List<AgreementRepresentations.Term> canonicalTerms(AgreementView view, Instant at) {
        AgreementState state = view.state();
        return state.terms().stream().map(t -> term(view, state, t, Map.of(), at)).toList();
    }

    private AgreementRepresentations.Agreement representation(AgreementView view, Instant asOf,
                                                              Function<Collection<UUID>, Map<UUID, ActorRef>> namer) {
        AgreementState state = view.state();
        AgreementDetails d = state.details();
        Map<UUID, ActorRef> names = namer.apply(union(d.signatories(), d.witnesses()));
        Instant at = asOf == null ? Instant.now() : asOf;
        return new AgreementRepresentations.Agreement(view.id, d.title(), d.kind(), d.theater(), d.signedOn(),
                d.signedPlace(), d.inForceAt(), d.inForceZone(),
                d.inForceAt() == null ? null : LocalDateTime.ofInstant(d.inForceAt(), state.zone()),
                named(d.signatories(), names), named(d.witnesses(), names), d.supersedes(), d.complements(),
                d.paxAgreementId(), AgreementRules.externalIds(d).stream().map(ExternalIdentifier::of).toList(),
                state.status(), state.statusChanges(), state.inForceAt(at), state.terms().size(),
                state.violations().stream().map(v -> new AgreementRepresentations.Violation(v.conflictEvent(), v.termId(),
                        v.termReference(), v.occurredAt(), v.withdrawn())).toList(),
                view.version, view.recordedAt, view.updatedAt, asOf);
    }

    /**
     * The terms, with compliance and overdue evaluated at {@code at}; of an agreement read as of {@code asOf} (null:
     * now), with the actors named as they were named then.
     */
    public List<AgreementRepresentations.Term> terms(AgreementView view, Collection<TermState> terms, Instant at,
                                                     Instant asOf) {
        AgreementState state = view.state();
        Set<UUID> ids = new HashSet<>();
        terms.forEach(t -> {
            ids.addAll(t.details().obligated());
            ids.addAll(t.details().beneficiaries());
            t.objections().forEach(o -> ids.add(o.party()));
        });
        Map<UUID, ActorRef> names = asOf == null ? names(ids) : actors.byIdsAsOf(ids, asOf);
        return terms.stream().map(t -> term(view, state, t, names, at)).toList();
    }

    private AgreementRepresentations.Term term(AgreementView view, AgreementState state, TermState t,
                                               Map<UUID, ActorRef> names, Instant at) {
        TermDetails d = t.details();
        return new AgreementRepresentations.Term(t.termId(), view.id, d.order(), d.article(), d.text(), d.category(),
                named(d.obligated(), names), named(d.beneficiaries(), names), d.deadline(),
                t.deadlinePassesAt(state.zone()), d.duration(), d.quantities(),
                d.conditions().stream().map(c -> new AgreementRepresentations.Condition(c.kind(), c.term(),
                        state.term(c.term()).map(o -> o.details().order()).orElse(null))).toList(),
                t.assessmentAt(at).map(AgreementMapping::compliance)
                        .orElse(new AgreementRepresentations.Compliance(null, t.complianceAt(at),
                                t.complianceAt(at).defaultScore(), null, List.of(), false, false)),
                t.overdueAt(at, state.zone()), at,
                t.assessments().stream().map(AgreementMapping::compliance).toList(),
                t.objections().stream().map(o -> new AgreementRepresentations.RenewalObjection(
                        named(List.of(o.party()), names).get(0), o.objectedAt())).toList(),
                view.version);
    }

    private static AgreementRepresentations.Compliance compliance(Assessment a) {
        return new AgreementRepresentations.Compliance(a.number(), a.status(), a.score(), a.effectiveAt(), a.evidence(),
                a.automatic(), a.withdrawn());
    }

    private Map<UUID, ActorRef> names(Collection<UUID> ids) {
        return actors.byIds(ids);
    }

    private static List<ActorName> named(List<UUID> ids, Map<UUID, ActorRef> names) {
        return ids.stream().map(id -> {
            ActorRef ref = names.get(id);
            return new ActorName(id, ref == null ? null : ref.key(), ref == null ? null : ref.name());
        }).toList();
    }

    private List<UUID> actorIds(List<String> references, String field, Set<UUID> alreadyNamed, List<FieldError> errors) {
        if (references == null) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i);
            String entry = field + "[" + i + "]";
            UUID id = alreadyNamed(reference, alreadyNamed).orElseGet(() -> actorId(reference, entry, errors));
            if (id != null) {
                if (ids.contains(id)) {
                    errors.add(new FieldError(field + "[" + i + "]", "names the same actor as an earlier entry"));
                }
                ids.add(id);
            }
        }
        return ids;
    }

    private static Optional<UUID> alreadyNamed(String reference, Set<UUID> alreadyNamed) {
        try {
            UUID id = UUID.fromString(reference.strip());
            return alreadyNamed.contains(id) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private UUID actorId(String reference, String field, List<FieldError> errors) {
        ActorRef actor = actors.byReference(reference).orElse(null);
        if (actor == null) {
            errors.add(new FieldError(field, "no actor has the id or key " + reference));
            return null;
        }
        if (!"ACTIVE".equals(actor.status())) {
            errors.add(new FieldError(field, actor.key() + " is " + actor.status().toLowerCase() + " and cannot be named in new facts"));
            return null;
        }
        return actor.id();
    }

    private List<UUID> agreementIds(List<UUID> ids, String field, List<FieldError> errors) {
        if (ids == null) {
            return List.of();
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!agreements.exists(ids.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "no agreement has the id " + ids.get(i)));
            }
        }
        return ids;
    }

    private static boolean validZone(String zone) {
        try {
            java.time.ZoneId.of(zone);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static List<String> texts(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    private static Set<UUID> union(List<UUID> a, List<UUID> b) {
        Set<UUID> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
