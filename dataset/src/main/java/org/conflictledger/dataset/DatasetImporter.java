package org.conflictledger.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;
import org.conflictledger.dataset.Dataset.ActorEntry;
import org.conflictledger.dataset.Dataset.AgreementEntry;
import org.conflictledger.dataset.Dataset.EventActor;
import org.conflictledger.dataset.Dataset.EventEntry;
import org.conflictledger.dataset.Dataset.ExternalIdEntry;
import org.conflictledger.dataset.Dataset.Identity;
import org.conflictledger.dataset.Dataset.RelationshipEntry;
import org.conflictledger.dataset.Dataset.TermConditionEntry;
import org.conflictledger.dataset.Dataset.TermEntry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Loads a dataset through the public HTTP API, idempotently: an actor whose key is already in the
 * record is not registered again, and a relationship the actor already declared (same kind,
 * counterpart, theater and valid time) is not declared again. Running it twice changes nothing.
 *
 * <p>First pass: the actors, each after the actor it is affiliated with, then the ids each has in other
 * datasets that it does not have yet. Second pass: their relationships. Third pass, when the dataset has agreements: each agreement (after those it
 * supersedes or complements) recorded with the {@code Idempotency-Key} {@code seed-agreement-<key>},
 * then its terms (each after the terms its conditions name) not yet in the agreement, each added with
 * {@code seed-agreement-<key>-term-<order>}. Fourth pass, when an events API is given: the conflict
 * events, each reported with the {@code Idempotency-Key} {@code seed-<key>} and its agreement by id, so
 * that a second report answers the first result. An answer whose {@code recordedAt} or
 * {@code reportedAt} is before this run started was already present. One line per record ({@code +}
 * done, {@code =} already present, {@code !} failed), then a summary line.
 */
public final class DatasetImporter {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;
    public static final int UNREACHABLE = 3;
    /**
     * How long the events pass (and at least, the agreements pass) waits for the service's replica to
     * know the actors the records name.
     */
    static final int REPLICA_WAIT_SECONDS = 60;
    static final String IDEMPOTENCY_PREFIX = "seed-";
    static final String AGREEMENT_IDEMPOTENCY_PREFIX = "seed-agreement-";

    private final ActorsApi api;
    private final PrintStream out;
    private final ImportReport report = new ImportReport();
    /** Key to id of every dataset actor known to be in the record. */
    private final Map<String, String> inRecord = new HashMap<>();
    /** Key to id of every dataset agreement known to be in the record. */
    private final Map<String, String> agreementsInRecord = new HashMap<>();

    DatasetImporter(ActorsApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), out, err));
    }

    /** Runs the importer as {@link #main} does and answers its exit status. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        ImporterOptions options;
        try {
            options = ImporterOptions.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println("dataset-importer: " + e.getMessage());
            err.print(ImporterOptions.USAGE);
            return INVALID;
        }
        if (options.help()) {
            out.print(ImporterOptions.USAGE);
            return OK;
        }

        Dataset dataset;
        try {
            dataset = DatasetReader.read(options.dir());
        } catch (InvalidDatasetException e) {
            err.println("dataset-importer: the dataset in " + options.dir() + " is not valid; nothing was sent. "
                    + e.problems().size() + " problem(s):");
            e.problems().forEach(problem -> err.println("  " + problem));
            return INVALID;
        } catch (IOException e) {
            err.println("dataset-importer: cannot read " + options.dir() + ": " + e.getMessage());
            return INVALID;
        }
        noteOtherFiles(options.dir(), out);
        if (options.validateOnly()) {
            out.println("Dataset " + options.dir() + " is valid: " + dataset.actors().size() + " actors, "
                    + dataset.relationshipCount() + " relationships, " + dataset.agreements().size() + " agreements, "
                    + dataset.termCount() + " terms, " + dataset.events().size() + " events.");
            return OK;
        }
        Instant started = Instant.now();

        String correlationId = "dataset-import-" + UUID.randomUUID();
        ActorsApi api = new ActorsApi(options.api(), options.principal(), options.token(), correlationId);
        AgreementsApi agreements = dataset.agreements().isEmpty() ? null
                : new AgreementsApi(options.agreementsApi(), options.principal(), options.token(), correlationId);
        out.println("Importing " + dataset.actors().size() + " actors and " + dataset.relationshipCount()
                + " relationships from " + options.dir() + " into " + api.baseUrl()
                + (agreements == null ? "" : ", then " + dataset.agreements().size() + " agreements with "
                        + dataset.termCount() + " terms into " + agreements.baseUrl())
                + (options.eventsApi() == null || dataset.events().isEmpty() ? ""
                        : ", then " + dataset.events().size() + " events into " + options.eventsApi())
                + " as " + options.principal() + " (correlation id " + correlationId + ")");
        if (options.waitSeconds() > 0 && !awaitApi(api::answers, api.baseUrl(), options.waitSeconds(), out)) {
            err.println(unreachable(api, "no answer within " + options.waitSeconds() + " s"));
            return UNREACHABLE;
        }
        // agreements.json needs agreements-service: say so before anything is sent.
        if (agreements != null) {
            String why = options.waitSeconds() > 0
                    ? awaitApi(agreements::answers, agreements.baseUrl(), options.waitSeconds(), out) ? null
                    : "no answer within " + options.waitSeconds() + " s"
                    : agreements.unreachableBecause();
            if (why != null) {
                err.println(unreachableAgreements(agreements, why, dataset));
                return UNREACHABLE;
            }
        }
        DatasetImporter importer = new DatasetImporter(api, out);
        try {
            importer.importActors(dataset);
            importer.importExternalIds(dataset);
            importer.importRelationships(dataset);
        } catch (ApiUnreachableException e) {
            if (importer.report.processed() > 0) {
                out.println(importer.report.summary() + " (stopped: the API went away)");
            }
            err.println(unreachable(api, e.getMessage()));
            return UNREACHABLE;
        }
        if (agreements != null) {
            try {
                importer.importAgreements(dataset, agreements, started,
                        Math.max(options.waitSeconds(), REPLICA_WAIT_SECONDS));
            } catch (ApiUnreachableException e) {
                out.println(importer.report.summary() + " (stopped: the agreements API went away)");
                err.println(unreachableAgreements(agreements, e.getMessage(), dataset));
                return UNREACHABLE;
            }
        }
        if (!dataset.events().isEmpty() && options.eventsApi() == null) {
            out.println("note: the " + dataset.events().size() + " events of " + DatasetReader.EVENTS_FILE
                    + " are not imported: no --events-api given");
        } else if (!dataset.events().isEmpty()) {
            EventsApi events = new EventsApi(options.eventsApi(), options.principal(), options.token(), correlationId);
            try {
                if (options.waitSeconds() > 0 && !awaitApi(events::answers, events.baseUrl(), options.waitSeconds(), out)) {
                    out.println(importer.report.summary() + " (stopped: the events API does not answer)");
                    err.println(unreachableEvents(events, "no answer within " + options.waitSeconds() + " s"));
                    return UNREACHABLE;
                }
                importer.importEvents(dataset, events, started, REPLICA_WAIT_SECONDS);
            } catch (ApiUnreachableException e) {
                out.println(importer.report.summary() + " (stopped: the events API went away)");
                err.println(unreachableEvents(events, e.getMessage()));
                return UNREACHABLE;
            }
        }
        out.println(importer.report.summary());
        return importer.report.failures() > 0 ? FAILED : OK;
    }

    ImportReport report() {
        return report;
    }

    /** First pass: every actor, parents before the actors affiliated with them. */
    void importActors(Dataset dataset) {
        for (ActorEntry actor : dataset.registrationOrder()) {
            String label = "actor " + actor.key();
            if (actor.affiliation() != null && !inRecord.containsKey(actor.affiliation())) {
                fail(label, "skipped: its affiliation " + actor.affiliation() + " is not in the record");
                continue;
            }
            try {
                Optional<JsonNode> existing = api.find(actor.key());
                if (existing.isPresent()) {
                    present(actor, existing.get(), "");
                    continue;
                }
                try {
                    JsonNode registered = api.register(actor);
                    inRecord.put(actor.key(), registered.path("id").asText());
                    report.actorRegistered();
                    out.println("+ " + label + " registered");
                } catch (ApiException e) {
                    // Someone may have registered the key since we looked: then it is present.
                    Optional<JsonNode> now = e.status() == 409 ? api.find(actor.key()) : Optional.empty();
                    if (now.isEmpty()) {
                        throw e;
                    }
                    present(actor, now.get(), " (registered meanwhile)");
                }
            } catch (ApiException e) {
                fail(label, e.getMessage());
            }
        }
    }

    /** After the actors: the ids each has in other datasets, unless it has them already. */
    void importExternalIds(Dataset dataset) {
        for (ActorEntry actor : dataset.actors()) {
            if (actor.externalIds().isEmpty()) {
                continue;
            }
            report.externalIdsPassStarted();
            if (!inRecord.containsKey(actor.key())) {
                actor.externalIds().forEach(id -> fail(label(actor, id), "skipped: " + actor.key() + " is not in the record"));
                continue;
            }
            try {
                JsonNode existing = api.find(actor.key()).orElseThrow(() -> new ApiException(404, "not found"));
                Set<String> held = new HashSet<>();
                existing.path("externalIds").forEach(id -> held.add(id.path("scheme").asText() + ":" + id.path("value").asText()));
                for (ExternalIdEntry id : actor.externalIds()) {
                    if (!held.add(id.scheme() + ":" + id.value())) {
                        report.externalIdPresent();
                        out.println("= " + label(actor, id) + " already present");
                        continue;
                    }
                    try {
                        api.addExternalId(actor.key(), id, actor.reason(), actor.sources());
                        report.externalIdAdded();
                        out.println("+ " + label(actor, id) + " added");
                    } catch (ApiException e) {
                        fail(label(actor, id), e.getMessage());
                    }
                }
            } catch (ApiException e) {
                actor.externalIds().forEach(id -> fail(label(actor, id), "cannot read " + actor.key() + ": " + e.getMessage()));
            }
        }
    }

    private static String label(ActorEntry actor, ExternalIdEntry id) {
        return "external id " + id.scheme() + ":" + id.value() + " of " + actor.key();
    }

    /** Second pass: each actor's relationships, unless already declared. */
    void importRelationships(Dataset dataset) {
        for (ActorEntry actor : dataset.actors()) {
            if (actor.relationships().isEmpty()) {
                continue;
            }
            if (!inRecord.containsKey(actor.key())) {
                actor.relationships().forEach(relationship -> fail(label(actor, relationship),
                        "skipped: actor " + actor.key() + " is not in the record"));
                continue;
            }
            Set<Identity> declared;
            try {
                declared = declaredBy(actor.key());
            } catch (ApiException e) {
                actor.relationships().forEach(relationship -> fail(label(actor, relationship),
                        "cannot list the relationships of " + actor.key() + ": " + e.getMessage()));
                continue;
            }
            for (RelationshipEntry relationship : actor.relationships()) {
                String label = label(actor, relationship);
                if (!inRecord.containsKey(relationship.counterpart())) {
                    fail(label, "skipped: counterpart " + relationship.counterpart() + " is not in the record");
                } else if (declared.contains(relationship.identity())) {
                    report.relationshipPresent();
                    out.println("= " + label + " already present");
                } else {
                    try {
                        api.declare(actor.key(), relationship);
                        declared.add(relationship.identity());
                        report.relationshipDeclared();
                        out.println("+ " + label + " declared");
                    } catch (ApiException e) {
                        fail(label, e.getMessage());
                    }
                }
            }
        }
    }

    /**
     * Third pass: each agreement (after those it supersedes or complements), then its terms, unless an
     * actor or agreement it names is not in the record. Waits first (up to {@code replicaWaitSeconds})
     * until agreements-service knows every actor the agreements name, and until the same deadline retries a
     * write the service refuses because it does not know an actor yet. {@code started} tells an agreement
     * recorded by this run from one recorded before. A term is present when the agreement already has a
     * term of its order; the others are added, each after the terms its conditions name.
     */
    void importAgreements(Dataset dataset, AgreementsApi agreements, Instant started, int replicaWaitSeconds) {
        report.agreementsPassStarted();
        long deadline = System.nanoTime() + replicaWaitSeconds * 1_000_000_000L;
        Set<String> named = new LinkedHashSet<>();
        for (AgreementEntry agreement : dataset.agreements()) {
            agreement.namedActors().stream().filter(inRecord::containsKey).forEach(named::add);
        }
        Set<String> unknown = awaitReplica(agreements::knowsActor, agreements.baseUrl(), named, replicaWaitSeconds,
                deadline);
        for (AgreementEntry agreement : dataset.recordingOrder()) {
            String label = "agreement " + agreement.key();
            List<String> references = new ArrayList<>(agreement.supersedes());
            references.addAll(agreement.complements());
            List<String> missing = agreement.namedActors().stream().filter(key -> !inRecord.containsKey(key)).toList();
            List<String> absent = references.stream().filter(key -> !agreementsInRecord.containsKey(key)).toList();
            List<String> notKnown = agreement.namedActors().stream().filter(unknown::contains).toList();
            String skipped = !missing.isEmpty() ? "actor " + String.join(", ", missing) + " is not in the record"
                    : !absent.isEmpty() ? "agreement " + String.join(", ", absent) + " is not in the record"
                    : !notKnown.isEmpty() ? "agreements-service does not know actor " + String.join(", ", notKnown)
                    + " yet (its replica of the actors lags); run the importer again later"
                    : null;
            if (skipped != null) {
                fail(label, "skipped: " + skipped);
                skipTerms(agreement, "its agreement " + agreement.key() + " is not in the record");
                continue;
            }
            JsonNode answer;
            try {
                answer = retryingUnknownActor(() -> agreements.record(agreement,
                        agreement.supersedes().stream().map(agreementsInRecord::get).toList(),
                        agreement.complements().stream().map(agreementsInRecord::get).toList(),
                        AGREEMENT_IDEMPOTENCY_PREFIX + agreement.key()), deadline);
            } catch (ApiException e) {
                String hint = e.status() == 409 && e.getMessage().contains("Idempotency")
                        ? " (an earlier run recorded this agreement from a different version of "
                        + DatasetReader.AGREEMENTS_FILE + "; the importer does not correct agreements: correct it"
                        + " through the API)"
                        : "";
                fail(label, e.getMessage() + hint);
                skipTerms(agreement, "its agreement " + agreement.key() + " is not in the record");
                continue;
            }
            String id = answer.path("id").asText();
            agreementsInRecord.put(agreement.key(), id);
            if (before(answer, "recordedAt", started)) {
                report.agreementPresent();
                out.println("= " + label + " already present (" + id + ")");
            } else {
                report.agreementRecorded();
                out.println("+ " + label + " recorded (" + id + ")");
            }
            importTerms(agreement, id, agreements, deadline);
        }
    }

    private void importTerms(AgreementEntry agreement, String agreementId, AgreementsApi agreements, long deadline) {
        Map<Integer, JsonNode> inAgreement = new LinkedHashMap<>();
        try {
            agreements.terms(agreementId).forEach(term -> inAgreement.put(term.path("order").asInt(), term));
        } catch (ApiException e) {
            skipTerms(agreement, "cannot list the terms of agreement " + agreement.key() + ": " + e.getMessage());
            return;
        }
        for (TermEntry term : agreement.additionOrder()) {
            String label = label(agreement, term);
            JsonNode present = inAgreement.get(term.order());
            if (present != null) {
                report.termPresent();
                List<String> differences = differences(term, present);
                String differ = differences.isEmpty() ? ""
                        : " (differs from the dataset in " + String.join(", ", differences) + "; left unchanged)";
                out.println("= " + label + " already present (" + present.path("id").asText() + ")" + differ);
                continue;
            }
            List<String> absent = term.conditions().stream().map(TermConditionEntry::term)
                    .filter(order -> !inAgreement.containsKey(order)).map(String::valueOf).toList();
            if (!absent.isEmpty()) {
                fail(label, "skipped: term " + String.join(", ", absent) + " of " + agreement.key()
                        + ", which its conditions name, is not in the record");
                continue;
            }
            try {
                JsonNode added = retryingUnknownActor(() -> agreements.addTerm(agreementId, term,
                        AGREEMENT_IDEMPOTENCY_PREFIX + agreement.key() + "-term-" + term.order()), deadline);
                inAgreement.put(term.order(), added);
                report.termAdded();
                out.println("+ " + label + " added (" + added.path("id").asText() + ")");
            } catch (ApiException e) {
                fail(label, e.getMessage());
            }
        }
    }

    private void skipTerms(AgreementEntry agreement, String why) {
        agreement.terms().forEach(term -> fail(label(agreement, term), "skipped: " + why));
    }

    /** Fields where a term in the record and the dataset disagree; the importer reports them and changes nothing. */
    private static List<String> differences(TermEntry term, JsonNode existing) {
        List<String> differences = new ArrayList<>();
        if (!term.text().equals(existing.path("text").asText())) {
            differences.add("text");
        }
        if (!term.category().name().equals(existing.path("category").asText())) {
            differences.add("category");
        }
        if (!java.util.Objects.equals(term.deadline() == null ? null : term.deadline().toString(),
                existing.path("deadline").asText(null))) {
            differences.add("deadline");
        }
        if (!new HashSet<>(term.obligated()).equals(keys(existing.path("obligated")))) {
            differences.add("obligated");
        }
        if (!new HashSet<>(term.beneficiaries()).equals(keys(existing.path("beneficiaries")))) {
            differences.add("beneficiaries");
        }
        return differences;
    }

    private static Set<String> keys(JsonNode actors) {
        Set<String> keys = new HashSet<>();
        actors.forEach(actor -> keys.add(actor.path("key").asText(actor.path("id").asText())));
        return keys;
    }

    /**
     * The write's answer; a 400 saying the service does not know an actor (its replica lags behind the
     * registrations) is retried until {@code deadline}.
     */
    private static JsonNode retryingUnknownActor(java.util.function.Supplier<JsonNode> write, long deadline) {
        while (true) {
            try {
                return write.get();
            } catch (ApiException e) {
                if (e.status() != 400 || !e.getMessage().contains(AgreementsApi.UNKNOWN_ACTOR)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiUnreachableException("interrupted", e);
            }
        }
    }

    private static String label(AgreementEntry agreement, TermEntry term) {
        return "term " + agreement.key() + "#" + term.order();
    }

    /**
     * Fourth pass: each event, unless an actor or the agreement it names is not in the record. Waits first
     * (up to {@code replicaWaitSeconds}) until events-service knows every actor the events name.
     * {@code started} tells an event recorded by this run from one recorded before.
     */
    void importEvents(Dataset dataset, EventsApi events, Instant started, int replicaWaitSeconds) {
        report.eventsPassStarted();
        Set<String> named = new LinkedHashSet<>();
        for (EventEntry event : dataset.events()) {
            event.actors().stream().map(EventActor::actor).filter(inRecord::containsKey).forEach(named::add);
        }
        Set<String> unknown = awaitReplica(events::knowsActor, events.baseUrl(), named, replicaWaitSeconds,
                System.nanoTime() + replicaWaitSeconds * 1_000_000_000L);
        for (EventEntry event : dataset.events()) {
            String label = "event " + event.key();
            List<String> missing = event.actors().stream().map(EventActor::actor).distinct()
                    .filter(key -> !inRecord.containsKey(key)).toList();
            List<String> notKnown = event.actors().stream().map(EventActor::actor).distinct()
                    .filter(unknown::contains).toList();
            if (!missing.isEmpty()) {
                fail(label, "skipped: actor " + String.join(", ", missing) + " is not in the record");
                continue;
            }
            if (event.agreement() != null && !agreementsInRecord.containsKey(event.agreement())) {
                fail(label, "skipped: agreement " + event.agreement() + " is not in the record");
                continue;
            }
            if (!notKnown.isEmpty()) {
                fail(label, "skipped: events-service does not know actor " + String.join(", ", notKnown)
                        + " yet (its replica of the actors lags); run the importer again later");
                continue;
            }
            try {
                JsonNode answer = events.report(event,
                        event.agreement() == null ? null : agreementsInRecord.get(event.agreement()),
                        IDEMPOTENCY_PREFIX + event.key());
                String id = answer.path("id").asText();
                if (before(answer, "reportedAt", started)) {
                    report.eventPresent();
                    out.println("= " + label + " already present (" + id + ")");
                } else {
                    report.eventRecorded();
                    out.println("+ " + label + " recorded (" + id + ")");
                }
            } catch (ApiException e) {
                String hint = e.status() == 409 && e.getMessage().contains("Idempotency")
                        ? " (an earlier run recorded this event from a different version of "
                        + DatasetReader.EVENTS_FILE + "; the importer does not correct events: correct it through"
                        + " the API)"
                        : "";
                fail(label, e.getMessage() + hint);
            }
        }
    }

    /** An answer recorded before this run started (or undated, which only an old record would be). */
    private static boolean before(JsonNode answer, String field, Instant started) {
        try {
            return Instant.parse(answer.path(field).asText()).isBefore(started);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The keys the service still does not know at {@code deadline}. */
    private Set<String> awaitReplica(java.util.function.Predicate<String> knowsActor, String baseUrl, Set<String> keys,
                                     int seconds, long deadline) {
        Set<String> unknown = new LinkedHashSet<>(keys);
        boolean announced = false;
        while (true) {
            unknown.removeIf(knowsActor);
            if (unknown.isEmpty() || System.nanoTime() > deadline) {
                return unknown;
            }
            if (!announced) {
                out.println("Waiting up to " + seconds + " s for " + baseUrl + " to know actor(s) "
                        + String.join(", ", unknown) + " ...");
                announced = true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unknown;
            }
        }
    }

    private Set<Identity> declaredBy(String key) {
        Set<Identity> identities = new HashSet<>();
        for (JsonNode item : api.outgoingRelationships(key)) {
            try {
                identities.add(new Identity(RelationshipKind.valueOf(item.path("kind").asText()),
                        item.path("counterpart").path("key").asText(null),
                        item.hasNonNull("theater") ? Theater.valueOf(item.get("theater").asText()) : null,
                        date(item, "validFrom"), date(item, "validUntil")));
            } catch (IllegalArgumentException unknownToThisVersion) {
                // A kind or theater this importer does not know cannot match a dataset record.
            }
        }
        return identities;
    }

    private void present(ActorEntry actor, JsonNode existing, String note) {
        inRecord.put(actor.key(), existing.path("id").asText());
        report.actorPresent();
        List<String> differences = differences(actor, existing);
        String differ = differences.isEmpty() ? ""
                : " (differs from the dataset in " + String.join(", ", differences) + "; left unchanged)";
        out.println("= actor " + actor.key() + " already present" + note + differ);
    }

    /** Fields where the record and the dataset disagree; the importer reports them and changes nothing. */
    private List<String> differences(ActorEntry actor, JsonNode existing) {
        List<String> differences = new ArrayList<>();
        if (!actor.name().equals(existing.path("name").asText())) {
            differences.add("name");
        }
        if (!actor.kind().name().equals(existing.path("kind").asText())) {
            differences.add("kind");
        }
        if (!java.util.Objects.equals(actor.country(), existing.path("country").asText(null))) {
            differences.add("country");
        }
        Set<String> aliases = new HashSet<>();
        existing.path("aliases").forEach(alias -> aliases.add(alias.asText()));
        if (!aliases.equals(new HashSet<>(actor.aliases()))) {
            differences.add("aliases");
        }
        String expectedAffiliation = actor.affiliation() == null ? null : inRecord.get(actor.affiliation());
        if (!java.util.Objects.equals(expectedAffiliation, existing.path("affiliation").asText(null))) {
            differences.add("affiliation");
        }
        if (existing.hasNonNull("status") && !"ACTIVE".equals(existing.get("status").asText())) {
            differences.add("status " + existing.get("status").asText());
        }
        return differences;
    }

    private void fail(String label, String why) {
        report.failed();
        out.println("! " + label + " failed: " + why);
    }

    private static String label(ActorEntry actor, RelationshipEntry relationship) {
        return "relationship " + relationship.identity().describe(actor.key());
    }

    private static LocalDate date(JsonNode item, String field) {
        return item.hasNonNull(field) ? LocalDate.parse(item.get(field).asText()) : null;
    }

    /** Polls {@code answers} until it is true or {@code seconds} have passed. */
    private static boolean awaitApi(java.util.function.BooleanSupplier answers, String baseUrl, int seconds,
                                    PrintStream out) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        boolean announced = false;
        while (!answers.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (!announced) {
                out.println("Waiting up to " + seconds + " s for " + baseUrl + " ...");
                announced = true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static String unreachableAgreements(AgreementsApi api, String why, Dataset dataset) {
        return "dataset-importer: cannot reach the agreements API at " + api.baseUrl() + " (" + why + "). "
                + DatasetReader.AGREEMENTS_FILE + " holds " + dataset.agreements().size() + " agreements, which are"
                + " imported after the actors and before the events. Is the agreements-service (or the gateway) running"
                + " there? Start it, or pass --agreements-api.";
    }

    private static String unreachableEvents(EventsApi api, String why) {
        return "dataset-importer: cannot reach the events API at " + api.baseUrl() + " (" + why + "). "
                + "Is the events-service (or the gateway) running there? Start the suite with ./ledger up, "
                + "or pass --events-api.";
    }

    private static String unreachable(ActorsApi api, String why) {
        return "dataset-importer: cannot reach the API at " + api.baseUrl() + " (" + why + "). "
                + "Is the actors-service (or the gateway) running there? Start the suite with ./ledger up, "
                + "or pass --api.";
    }

    /** Other JSON files in the folder are announced, not read. */
    private static void noteOtherFiles(Path dir, PrintStream out) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!DatasetReader.FILES.contains(name)) {
                    out.println("note: " + name + " is not imported (a dataset holds "
                            + String.join(", ", DatasetReader.FILES) + ")");
                }
            }
        } catch (IOException e) {
            // the reader has already read actors.json from this folder; listing it again is not essential
        }
    }
}
