package org.conflictledger.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.AgreementKind;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.contracts.GeoPrecision;
import org.conflictledger.contracts.RecordLimits;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.TermCategory;
import org.conflictledger.contracts.Theater;
import org.conflictledger.dataset.Dataset.ActorEntry;
import org.conflictledger.dataset.Dataset.AgreementEntry;
import org.conflictledger.dataset.Dataset.EventActor;
import org.conflictledger.dataset.Dataset.EventEntry;
import org.conflictledger.dataset.Dataset.EventFatalities;
import org.conflictledger.dataset.Dataset.EventLocation;
import org.conflictledger.dataset.Dataset.ExternalIdEntry;
import org.conflictledger.dataset.Dataset.Identity;
import org.conflictledger.dataset.Dataset.RelationshipEntry;
import org.conflictledger.dataset.Dataset.SourceCitation;
import org.conflictledger.dataset.Dataset.TermConditionEntry;
import org.conflictledger.dataset.Dataset.TermDurationEntry;
import org.conflictledger.dataset.Dataset.TermEntry;
import org.conflictledger.dataset.Dataset.TermQuantity;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dataset folder and checks it completely before anything is sent: the shape and limits
 * the API enforces, plus what only the whole file can tell (duplicate keys, references to keys the
 * file does not define, affiliation cycles, relationships declared twice). Every problem is
 * reported with its file and JSON path.
 *
 * <p>Layout of a dataset folder: {@value #ACTORS_FILE} (actors and their outgoing relationships),
 * optionally {@value #AGREEMENTS_FILE} (agreements and their terms, naming those actors by key) and
 * {@value #EVENTS_FILE} (conflict events naming those actors, and agreements, by key).
 */
public final class DatasetReader {
    public static final String ACTORS_FILE = "actors.json";
    public static final String EVENTS_FILE = "events.json";
    public static final String AGREEMENTS_FILE = "agreements.json";
    /** The files a dataset folder may hold, in the order they are read and imported. */
    public static final List<String> FILES = List.of(ACTORS_FILE, AGREEMENTS_FILE, EVENTS_FILE);

    // The record's limits, the ones every service checks (contracts/RecordLimits).
    static final Pattern KEY = Pattern.compile(RecordLimits.ACTOR_KEY);
    static final Pattern COUNTRY = Pattern.compile(RecordLimits.COUNTRY);
    static final Pattern URL = Pattern.compile(RecordLimits.URL);
    static final Pattern EXTERNAL_ID = Pattern.compile("(?=.{1," + RecordLimits.MAX_EXTERNAL_ID + "}$)"
            + RecordLimits.EXTERNAL_ID);
    /** A dataset event key: lower case, digits and hyphens; sent as the Idempotency-Key {@code seed-<key>}. */
    static final Pattern EVENT_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{2,99}");
    /** A dataset agreement key, like an event key; sent as the Idempotency-Key {@code seed-agreement-<key>}. */
    static final Pattern AGREEMENT_KEY = EVENT_KEY;
    /** The kinds of condition between terms (agreements-service's {@code TermCondition.ConditionKind}). */
    static final List<String> CONDITION_KINDS = List.of("IN_PARALLEL_WITH", "AFTER", "BEFORE", "CONDITIONAL_ON");
    /** How a conflict event may name a term by order, as agreements-service's {@code TermReferences} reads it. */
    private static final Pattern TERM_ORDER_REFERENCE =
            Pattern.compile("(?:(?:term|point|provision|paragraph)\\s*|#)?(\\d{1,5})");

    private static final Set<String> ROOT_FIELDS = Set.of("description", "actors");
    private static final Set<String> ACTOR_FIELDS = Set.of("key", "name", "kind", "aliases", "country", "affiliation",
            "reason", "sources", "relationships", "externalIds");
    private static final Set<String> EXTERNAL_ID_FIELDS = Set.of("scheme", "value");
    private static final Set<String> RELATIONSHIP_FIELDS = Set.of("kind", "counterpart", "theater", "validFrom",
            "validUntil", "confidence", "reason", "sources");
    private static final Set<String> SOURCE_FIELDS = Set.of("title", "publisher", "url", "date");
    private static final Set<String> EVENTS_ROOT_FIELDS = Set.of("description", "events");
    private static final Set<String> EVENT_FIELDS = Set.of("key", "theater", "type", "subType", "date",
            "datePrecision", "endDate", "location", "actors", "fatalities", "notes", "confidence", "acledEventId",
            "ucdpGedId", "agreement", "term", "reason", "sources");
    private static final Set<String> AGREEMENTS_ROOT_FIELDS = Set.of("description", "agreements");
    private static final Set<String> AGREEMENT_FIELDS = Set.of("key", "title", "kind", "theater", "signedOn",
            "signedPlace", "inForceAt", "inForceZone", "signatories", "witnesses", "supersedes", "complements",
            "status", "paxAgreementId", "notes", "reason", "sources", "terms");
    private static final Set<String> TERM_FIELDS = Set.of("order", "article", "text", "category", "obligated",
            "beneficiaries", "deadline", "duration", "quantities", "conditions", "notes", "reason", "sources");
    private static final Set<String> DURATION_FIELDS = Set.of("period", "autoRenew", "renewalPeriod", "noticePeriod");
    private static final Set<String> QUANTITY_FIELDS = Set.of("value", "unit", "of");
    private static final Set<String> CONDITION_FIELDS = Set.of("kind", "term");
    private static final Set<String> LOCATION_FIELDS = Set.of("place", "admin1", "admin2", "admin3", "country",
            "latitude", "longitude", "geoPrecision");
    private static final Set<String> EVENT_ACTOR_FIELDS = Set.of("actor", "role");
    private static final Set<String> FATALITY_FIELDS = Set.of("low", "best", "high");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private final String file;
    private final List<DatasetProblem> problems = new ArrayList<>();
    /** Where each unique external id ({@code scheme:value}) was first named. */
    private final Map<String, String> externalIdPaths = new HashMap<>();

    private DatasetReader(String file) {
        this.file = file;
    }

    /**
     * Reads and checks the dataset in {@code dir}: {@value #ACTORS_FILE}, and {@value #AGREEMENTS_FILE} and
     * {@value #EVENTS_FILE} when the folder has them. Throws with every problem of all files when it is not
     * valid.
     */
    public static Dataset read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw invalid(dir.toString(), "$", "is not a dataset folder (no such directory)");
        }
        Path actorsFile = dir.resolve(ACTORS_FILE);
        if (!Files.isRegularFile(actorsFile)) {
            throw invalid(ACTORS_FILE, "$", "is missing from " + dir);
        }
        DatasetReader actorsReader = new DatasetReader(ACTORS_FILE);
        Dataset actors = actorsReader.actorsFile(readJson(actorsFile, ACTORS_FILE));
        List<DatasetProblem> problems = new ArrayList<>(actorsReader.problems);
        Set<String> actorKeys = keysOf(actors);
        List<AgreementEntry> agreements = List.of();
        Path agreementsFile = dir.resolve(AGREEMENTS_FILE);
        if (Files.isRegularFile(agreementsFile)) {
            try {
                DatasetReader agreementsReader = new DatasetReader(AGREEMENTS_FILE);
                agreements = agreementsReader.agreementsFile(readJson(agreementsFile, AGREEMENTS_FILE), actorKeys);
                problems.addAll(agreementsReader.problems);
            } catch (InvalidDatasetException e) {
                problems.addAll(e.problems());
            }
        }
        List<EventEntry> events = List.of();
        Path eventsFile = dir.resolve(EVENTS_FILE);
        if (Files.isRegularFile(eventsFile)) {
            try {
                DatasetReader eventsReader = new DatasetReader(EVENTS_FILE);
                events = eventsReader.eventsFile(readJson(eventsFile, EVENTS_FILE), actorKeys, byKey(agreements));
                problems.addAll(eventsReader.problems);
            } catch (InvalidDatasetException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
        return new Dataset(actors.actors(), events, agreements);
    }

    private static Map<String, AgreementEntry> byKey(List<AgreementEntry> agreements) {
        Map<String, AgreementEntry> byKey = new LinkedHashMap<>();
        agreements.forEach(agreement -> {
            if (agreement.key() != null) {
                byKey.putIfAbsent(agreement.key(), agreement);
            }
        });
        return byKey;
    }

    private static JsonNode readJson(Path path, String file) throws IOException {
        try {
            return JSON.readTree(path.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw invalid(file, where, "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Set<String> keysOf(Dataset actors) {
        Set<String> keys = new HashSet<>();
        actors.actors().forEach(actor -> {
            if (actor.key() != null) {
                keys.add(actor.key());
            }
        });
        return keys;
    }

    /**
     * Checks the content of an events file against the keys of the dataset's actors and its agreements;
     * throws with every problem when it is not valid.
     */
    public static List<EventEntry> parseEvents(JsonNode root, String file, Set<String> actorKeys,
                                               List<AgreementEntry> agreements) {
        DatasetReader reader = new DatasetReader(file);
        List<EventEntry> events = reader.eventsFile(root, actorKeys, byKey(agreements));
        if (!reader.problems.isEmpty()) {
            throw new InvalidDatasetException(reader.problems);
        }
        return events;
    }

    /** Parses events JSON text (for tests and tools); throws with every problem when it is not valid. */
    public static List<EventEntry> parseEvents(String json, String file, Set<String> actorKeys,
                                               List<AgreementEntry> agreements) {
        try {
            return parseEvents(JSON.readTree(json), file, actorKeys, agreements);
        } catch (JsonProcessingException e) {
            throw invalid(file, "$", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** As {@link #parseEvents(String, String, Set, List)} for a dataset without agreements. */
    public static List<EventEntry> parseEvents(String json, String file, Set<String> actorKeys) {
        return parseEvents(json, file, actorKeys, List.of());
    }

    /**
     * Checks the content of an agreements file against the keys of the dataset's actors; throws with every
     * problem when it is not valid.
     */
    public static List<AgreementEntry> parseAgreements(JsonNode root, String file, Set<String> actorKeys) {
        DatasetReader reader = new DatasetReader(file);
        List<AgreementEntry> agreements = reader.agreementsFile(root, actorKeys);
        if (!reader.problems.isEmpty()) {
            throw new InvalidDatasetException(reader.problems);
        }
        return agreements;
    }

    /** Parses agreements JSON text (for tests and tools); throws with every problem when it is not valid. */
    public static List<AgreementEntry> parseAgreements(String json, String file, Set<String> actorKeys) {
        try {
            return parseAgreements(JSON.readTree(json), file, actorKeys);
        } catch (JsonProcessingException e) {
            throw invalid(file, "$", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Checks the content of an actors file; throws with every problem when it is not valid. */
    public static Dataset parseActors(JsonNode root, String file) {
        DatasetReader reader = new DatasetReader(file);
        Dataset dataset = reader.actorsFile(root);
        if (!reader.problems.isEmpty()) {
            throw new InvalidDatasetException(reader.problems);
        }
        return dataset;
    }

    /** Parses JSON text (for tests and tools); throws with every problem when it is not valid. */
    public static Dataset parseActors(String json, String file) {
        try {
            return parseActors(JSON.readTree(json), file);
        } catch (JsonProcessingException e) {
            throw invalid(file, "$", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static InvalidDatasetException invalid(String file, String path, String message) {
        return new InvalidDatasetException(List.of(new DatasetProblem(file, path, message)));
    }

    private Dataset actorsFile(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("$", "must be an object with an \"actors\" array");
            return new Dataset(List.of());
        }
        unknownFields(root, "$", ROOT_FIELDS);
        JsonNode actorsNode = root.get("actors");
        if (actorsNode == null || !actorsNode.isArray()) {
            problem("$.actors", "must be an array of actors");
            return new Dataset(List.of());
        }
        List<ActorEntry> actors = new ArrayList<>();
        List<String> actorPaths = new ArrayList<>();
        for (int i = 0; i < actorsNode.size(); i++) {
            String path = "$.actors[" + i + "]";
            ActorEntry actor = actor(actorsNode.get(i), path);
            if (actor != null) {
                actors.add(actor);
                actorPaths.add(path);
            }
        }
        crossCheck(actors, actorPaths);
        return new Dataset(actors);
    }

    private ActorEntry actor(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "must be an object");
            return null;
        }
        unknownFields(node, path, ACTOR_FIELDS);
        String key = key(node, path, "key", true);
        String name = text(node, path, "name", true, RecordLimits.MAX_NAME);
        ActorKind kind = enumValue(node, path, "kind", ActorKind.class, true);
        List<String> aliases = aliases(node, path);
        String country = pattern(node, path, "country", COUNTRY, "an ISO 3166-1 alpha-3 code such as TUR");
        String affiliation = key(node, path, "affiliation", false);
        String reason = text(node, path, "reason", true, RecordLimits.MAX_REASON);
        List<SourceCitation> sources = sources(node, path);
        List<RelationshipEntry> relationships = new ArrayList<>();
        JsonNode relationshipsNode = node.get("relationships");
        if (relationshipsNode != null && !relationshipsNode.isNull()) {
            if (!relationshipsNode.isArray()) {
                problem(path + ".relationships", "must be an array");
            } else {
                for (int i = 0; i < relationshipsNode.size(); i++) {
                    RelationshipEntry relationship = relationship(relationshipsNode.get(i),
                            path + ".relationships[" + i + "]");
                    relationships.add(relationship);
                }
            }
        }
        return new ActorEntry(key, name, kind, aliases, country, affiliation, reason, sources, relationships,
                externalIds(node, path));
    }

    private RelationshipEntry relationship(JsonNode node, String path) {
        if (!node.isObject()) {
            problem(path, "must be an object");
            return new RelationshipEntry(null, null, null, null, null, null, null, List.of());
        }
        unknownFields(node, path, RELATIONSHIP_FIELDS);
        RelationshipKind kind = enumValue(node, path, "kind", RelationshipKind.class, true);
        String counterpart = key(node, path, "counterpart", true);
        Theater theater = enumValue(node, path, "theater", Theater.class, false);
        LocalDate validFrom = date(node, path, "validFrom");
        LocalDate validUntil = date(node, path, "validUntil");
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problem(path + ".validUntil", "must not be before validFrom (" + validFrom + ")");
        }
        Double confidence = confidence(node, path);
        String reason = text(node, path, "reason", true, RecordLimits.MAX_REASON);
        List<SourceCitation> sources = sources(node, path);
        return new RelationshipEntry(kind, counterpart, theater, validFrom, validUntil, confidence, reason, sources);
    }

    private Double confidence(JsonNode node, String path) {
        JsonNode confidenceNode = node.get("confidence");
        if (confidenceNode == null || confidenceNode.isNull()) {
            return null;
        }
        if (!confidenceNode.isNumber()) {
            problem(path + ".confidence", "must be a number from 0 to 1");
        } else if (confidenceNode.asDouble() < 0.0 || confidenceNode.asDouble() > 1.0) {
            problem(path + ".confidence", "must be from 0 to 1, was " + confidenceNode.asText());
        } else {
            return confidenceNode.asDouble();
        }
        return null;
    }

    private List<EventEntry> eventsFile(JsonNode root, Set<String> actorKeys, Map<String, AgreementEntry> agreements) {
        if (root == null || !root.isObject()) {
            problem("$", "must be an object with an \"events\" array");
            return List.of();
        }
        unknownFields(root, "$", EVENTS_ROOT_FIELDS);
        JsonNode eventsNode = root.get("events");
        if (eventsNode == null || !eventsNode.isArray()) {
            problem("$.events", "must be an array of conflict events");
            return List.of();
        }
        List<EventEntry> events = new ArrayList<>();
        Map<String, String> firstPathOfKey = new HashMap<>();
        for (int i = 0; i < eventsNode.size(); i++) {
            String path = "$.events[" + i + "]";
            EventEntry event = event(eventsNode.get(i), path, actorKeys, agreements);
            if (event == null) {
                continue;
            }
            if (event.key() != null) {
                String first = firstPathOfKey.putIfAbsent(event.key(), path);
                if (first != null) {
                    problem(path + ".key", "duplicate key " + event.key() + " (also at " + first + ".key)");
                }
            }
            events.add(event);
        }
        return events;
    }

    private EventEntry event(JsonNode node, String path, Set<String> actorKeys, Map<String, AgreementEntry> agreements) {
        if (!node.isObject()) {
            problem(path, "must be an object");
            return null;
        }
        unknownFields(node, path, EVENT_FIELDS);
        String key = text(node, path, "key", true, Integer.MAX_VALUE);
        if (key != null && !EVENT_KEY.matcher(key).matches()) {
            problem(path + ".key", "must be an event key matching " + EVENT_KEY.pattern() + ", was \"" + key + "\"");
            key = null;
        }
        Theater theater = enumValue(node, path, "theater", Theater.class, true);
        ConflictEventType type = enumValue(node, path, "type", ConflictEventType.class, true);
        String subType = subType(node, path, type);
        LocalDate date = date(node, path, "date");
        if (date == null && !node.hasNonNull("date")) {
            problem(path + ".date", "is required");
        }
        DatePrecision precision = enumValue(node, path, "datePrecision", DatePrecision.class, false);
        if (date != null && precision == DatePrecision.MONTH && date.getDayOfMonth() != 1) {
            problem(path + ".date", "with datePrecision MONTH the date is the first of the month, was " + date);
        }
        if (date != null && precision == DatePrecision.YEAR && date.getDayOfYear() != 1) {
            problem(path + ".date", "with datePrecision YEAR the date is the first of January, was " + date);
        }
        LocalDate endDate = date(node, path, "endDate");
        if (date != null && endDate != null && endDate.isBefore(date)) {
            problem(path + ".endDate", "must not be before date (" + date + ")");
        }
        EventLocation location = location(node, path);
        List<EventActor> actors = eventActors(node, path, actorKeys);
        EventFatalities fatalities = fatalities(node, path);
        String notes = text(node, path, "notes", false, RecordLimits.MAX_NOTES);
        Double confidence = confidence(node, path);
        String acledEventId = pattern(node, path, "acledEventId", EXTERNAL_ID, "an id of 1 to 64 characters without blanks or control characters");
        String ucdpGedId = pattern(node, path, "ucdpGedId", EXTERNAL_ID, "an id of 1 to 64 characters without blanks or control characters");
        String agreement = eventAgreement(node, path, type, agreements);
        String term = eventTerm(node, path, agreements.get(agreement));
        String reason = text(node, path, "reason", true, RecordLimits.MAX_REASON);
        List<SourceCitation> sources = sources(node, path);
        return new EventEntry(key, theater, type, subType, date, precision, endDate, location, actors, fatalities,
                notes, confidence, acledEventId, ucdpGedId, agreement, term, reason, sources);
    }

    /** The key of the agreement an event names; a violation must name one of {@value #AGREEMENTS_FILE}. */
    private String eventAgreement(JsonNode node, String path, ConflictEventType type,
                                  Map<String, AgreementEntry> agreements) {
        String agreement = text(node, path, "agreement", false, Integer.MAX_VALUE);
        if (agreement == null) {
            if (type != null && type.isViolation() && !node.hasNonNull("agreement")) {
                problem(path + ".agreement", "a " + type + " must name its agreement: the key of an agreement of "
                        + AGREEMENTS_FILE);
            }
            return null;
        }
        if (!AGREEMENT_KEY.matcher(agreement).matches()) {
            problem(path + ".agreement", "must be an agreement key matching " + AGREEMENT_KEY.pattern() + ", was \""
                    + agreement + "\"");
            return null;
        }
        if (!agreements.containsKey(agreement)) {
            problem(path + ".agreement", "unknown agreement key " + agreement + " (not defined in " + AGREEMENTS_FILE
                    + ")");
        }
        return agreement;
    }

    /**
     * The term an event names, as free text the API passes on; it must name a term of the event's agreement
     * the way agreements-service resolves it (the order, {@code term 3}, {@code #3}, or the article).
     */
    private String eventTerm(JsonNode node, String path, AgreementEntry agreement) {
        String term = text(node, path, "term", false, RecordLimits.MAX_TERM_REFERENCE);
        if (term == null) {
            return null;
        }
        if (!node.hasNonNull("agreement")) {
            problem(path + ".term", "a term can only be named together with its agreement");
            return term;
        }
        if (agreement != null && !namesTermOf(agreement, term)) {
            problem(path + ".term", "agreement " + agreement.key() + " has no term \"" + term + "\" (give the order of"
                    + " one of its terms, e.g. \"1\", or its article)");
        }
        return term;
    }

    private static boolean namesTermOf(AgreementEntry agreement, String reference) {
        for (TermEntry term : agreement.terms()) {
            if (term.article() != null && term.article().equalsIgnoreCase(reference)) {
                return true;
            }
        }
        Matcher order = TERM_ORDER_REFERENCE.matcher(reference.toLowerCase(Locale.ROOT));
        if (order.matches()) {
            int number = Integer.parseInt(order.group(1));
            return agreement.terms().stream().anyMatch(term -> term.order() != null && term.order() == number);
        }
        return false;
    }

    private String subType(JsonNode node, String path, ConflictEventType type) {
        String subType = text(node, path, "subType", false, Integer.MAX_VALUE);
        if (subType == null) {
            return null;
        }
        if (!EventSubTypes.all().contains(subType)) {
            problem(path + ".subType", "unknown subType \"" + subType + "\"; one of " + EventSubTypes.all());
            return null;
        }
        if (type != null && !EventSubTypes.allowed(type).contains(subType)) {
            problem(path + ".subType", "\"" + subType + "\" does not fit a " + type + "; it allows "
                    + EventSubTypes.allowed(type));
            return null;
        }
        return subType;
    }

    private EventLocation location(JsonNode event, String eventPath) {
        JsonNode node = event.get("location");
        String path = eventPath + ".location";
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem(path, "must be an object {place, admin1, admin2, admin3, country, latitude, longitude, geoPrecision}");
            return null;
        }
        unknownFields(node, path, LOCATION_FIELDS);
        String place = text(node, path, "place", false, RecordLimits.MAX_NAME);
        String admin1 = text(node, path, "admin1", false, RecordLimits.MAX_NAME);
        String admin2 = text(node, path, "admin2", false, RecordLimits.MAX_NAME);
        String admin3 = text(node, path, "admin3", false, RecordLimits.MAX_NAME);
        String country = text(node, path, "country", false, RecordLimits.MAX_NAME);
        Double latitude = coordinate(node, path, "latitude", 90.0);
        Double longitude = coordinate(node, path, "longitude", 180.0);
        GeoPrecision geoPrecision = enumValue(node, path, "geoPrecision", GeoPrecision.class, false);
        boolean hasLatitude = node.hasNonNull("latitude");
        boolean hasLongitude = node.hasNonNull("longitude");
        if (hasLatitude != hasLongitude) {
            problem(path + (hasLatitude ? ".longitude" : ".latitude"), "give both latitude and longitude, or neither");
        } else if (hasLatitude && !node.hasNonNull("geoPrecision")) {
            problem(path + ".geoPrecision", "is required with coordinates");
        }
        return new EventLocation(place, admin1, admin2, admin3, country, latitude, longitude, geoPrecision);
    }

    private Double coordinate(JsonNode node, String path, String field, double limit) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problem(path + "." + field, "must be a number from " + -limit + " to " + limit);
            return null;
        }
        if (Math.abs(value.asDouble()) > limit) {
            problem(path + "." + field, "must be from " + -limit + " to " + limit + ", was " + value.asText());
            return null;
        }
        return value.asDouble();
    }

    private List<EventActor> eventActors(JsonNode event, String eventPath, Set<String> actorKeys) {
        JsonNode node = event.get("actors");
        String path = eventPath + ".actors";
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            problem(path, "at least one actor is required: [{\"actor\": KEY, \"role\": ROLE}]");
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, "must be an array of {\"actor\": KEY, \"role\": ROLE}");
            return List.of();
        }
        if (node.size() > RecordLimits.MAX_LIST) {
            problem(path, "at most " + RecordLimits.MAX_LIST + " actors, found " + node.size());
        }
        List<EventActor> actors = new ArrayList<>();
        Map<EventActor, Integer> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = path + "[" + i + "]";
            if (!item.isObject()) {
                problem(itemPath, "must be an object {\"actor\": KEY, \"role\": ROLE}");
                continue;
            }
            unknownFields(item, itemPath, EVENT_ACTOR_FIELDS);
            String actor = key(item, itemPath, "actor", true);
            if (actor != null && !actorKeys.contains(actor)) {
                problem(itemPath + ".actor", "unknown actor key " + actor + " (not defined in " + ACTORS_FILE + ")");
            }
            ActorRole role = enumValue(item, itemPath, "role", ActorRole.class, true);
            EventActor involved = new EventActor(actor, role);
            if (actor != null && role != null) {
                Integer same = seen.putIfAbsent(involved, i);
                if (same != null) {
                    problem(itemPath, "actor " + actor + " is named as " + role + " twice (also at " + path + "["
                            + same + "])");
                    continue;
                }
            }
            actors.add(involved);
        }
        return actors;
    }

    private EventFatalities fatalities(JsonNode event, String eventPath) {
        JsonNode node = event.get("fatalities");
        String path = eventPath + ".fatalities";
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem(path, "must be an object {low, best, high}");
            return null;
        }
        unknownFields(node, path, FATALITY_FIELDS);
        Integer low = count(node, path, "low");
        Integer best = count(node, path, "best");
        Integer high = count(node, path, "high");
        if ((low != null && best != null && low > best) || (best != null && high != null && best > high)
                || (low != null && high != null && low > high)) {
            problem(path, "must hold low <= best <= high where given, was " + low + " / " + best + " / " + high);
        }
        return new EventFatalities(low, best, high);
    }

    private Integer count(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            problem(path + "." + field, "must be a whole number of at least 0, was " + value);
            return null;
        }
        return value.asInt();
    }

    private List<AgreementEntry> agreementsFile(JsonNode root, Set<String> actorKeys) {
        if (root == null || !root.isObject()) {
            problem("$", "must be an object with an \"agreements\" array");
            return List.of();
        }
        unknownFields(root, "$", AGREEMENTS_ROOT_FIELDS);
        JsonNode agreementsNode = root.get("agreements");
        if (agreementsNode == null || !agreementsNode.isArray()) {
            problem("$.agreements", "must be an array of agreements");
            return List.of();
        }
        List<AgreementEntry> agreements = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < agreementsNode.size(); i++) {
            String path = "$.agreements[" + i + "]";
            AgreementEntry agreement = agreement(agreementsNode.get(i), path, actorKeys);
            if (agreement != null) {
                agreements.add(agreement);
                paths.add(path);
            }
        }
        crossCheckAgreements(agreements, paths);
        return agreements;
    }

    private AgreementEntry agreement(JsonNode node, String path, Set<String> actorKeys) {
        if (!node.isObject()) {
            problem(path, "must be an object");
            return null;
        }
        unknownFields(node, path, AGREEMENT_FIELDS);
        String key = text(node, path, "key", true, Integer.MAX_VALUE);
        if (key != null && !AGREEMENT_KEY.matcher(key).matches()) {
            problem(path + ".key", "must be an agreement key matching " + AGREEMENT_KEY.pattern() + ", was \"" + key + "\"");
            key = null;
        }
        String title = text(node, path, "title", true, RecordLimits.MAX_AGREEMENT_TITLE);
        AgreementKind kind = enumValue(node, path, "kind", AgreementKind.class, true);
        Theater theater = enumValue(node, path, "theater", Theater.class, true);
        LocalDate signedOn = date(node, path, "signedOn");
        String signedPlace = text(node, path, "signedPlace", false, RecordLimits.MAX_NAME);
        Instant inForceAt = instant(node, path, "inForceAt");
        String inForceZone = zone(node, path, "inForceZone");
        List<String> signatories = actorKeys(node, path, "signatories", actorKeys);
        List<String> witnesses = actorKeys(node, path, "witnesses", actorKeys);
        List<String> supersedes = agreementKeys(node, path, "supersedes");
        List<String> complements = agreementKeys(node, path, "complements");
        AgreementStatus status = enumValue(node, path, "status", AgreementStatus.class, false);
        // The rules agreements-service applies to a new agreement, with its default status.
        AgreementStatus effective = status != null ? status
                : inForceAt != null ? AgreementStatus.IN_FORCE
                : signedOn != null ? AgreementStatus.SIGNED
                : AgreementStatus.DRAFT;
        if (effective == AgreementStatus.IN_FORCE && !node.hasNonNull("inForceAt")) {
            problem(path + ".inForceAt", "is required with status IN_FORCE (the instant it took effect)");
        }
        JsonNode signatoriesNode = node.get("signatories");
        if (effective != AgreementStatus.DRAFT && (signatoriesNode == null || signatoriesNode.isNull()
                || (signatoriesNode.isArray() && signatoriesNode.isEmpty()))) {
            problem(path + ".signatories", "at least one signatory is required unless the status is DRAFT (the status"
                    + " is " + effective + (status == null ? ", the default with " + (inForceAt != null ? "inForceAt"
                    : "signedOn") : "") + ")");
        }
        String paxAgreementId = pattern(node, path, "paxAgreementId", EXTERNAL_ID,
                "an id of 1 to 64 characters without blanks or control characters");
        String notes = text(node, path, "notes", false, RecordLimits.MAX_NOTES);
        String reason = text(node, path, "reason", true, RecordLimits.MAX_REASON);
        List<SourceCitation> sources = sources(node, path);
        List<TermEntry> terms = terms(node, path, actorKeys);
        return new AgreementEntry(key, title, kind, theater, signedOn, signedPlace, inForceAt, inForceZone, signatories,
                witnesses, supersedes, complements, status, paxAgreementId, notes, reason, sources, terms);
    }

    private List<TermEntry> terms(JsonNode agreement, String agreementPath, Set<String> actorKeys) {
        JsonNode node = agreement.get("terms");
        String path = agreementPath + ".terms";
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, "must be an array of terms");
            return List.of();
        }
        if (node.size() > RecordLimits.MAX_TERMS) {
            problem(path, "at most " + RecordLimits.MAX_TERMS + " terms, found " + node.size());
        }
        List<TermEntry> terms = new ArrayList<>();
        List<String> termPaths = new ArrayList<>();
        Map<Integer, String> firstPathOfOrder = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String termPath = path + "[" + i + "]";
            TermEntry term = term(node.get(i), termPath, actorKeys);
            if (term == null) {
                continue;
            }
            if (term.order() != null) {
                String first = firstPathOfOrder.putIfAbsent(term.order(), termPath);
                if (first != null) {
                    problem(termPath + ".order", "duplicate order " + term.order() + " (also at " + first + ".order)");
                    continue;
                }
            }
            terms.add(term);
            termPaths.add(termPath);
        }
        Map<Integer, TermEntry> byOrder = new HashMap<>();
        terms.forEach(term -> {
            if (term.order() != null) {
                byOrder.put(term.order(), term);
            }
        });
        for (int i = 0; i < terms.size(); i++) {
            TermEntry term = terms.get(i);
            List<TermConditionEntry> conditions = term.conditions();
            for (int c = 0; c < conditions.size(); c++) {
                Integer other = conditions.get(c).term();
                String conditionPath = termPaths.get(i) + ".conditions[" + c + "].term";
                if (other == null) {
                    continue;
                }
                if (other.equals(term.order())) {
                    problem(conditionPath, "a term cannot be a condition of itself");
                } else if (!byOrder.containsKey(other)) {
                    problem(conditionPath, "names no term of this agreement: no term has order " + other);
                }
            }
        }
        cycles(terms, termPaths, TermEntry::order,
                term -> term.conditions().stream().map(TermConditionEntry::term).toList(), ".conditions",
                "condition cycle between terms ", " (agreements-service needs the term a condition names to be added"
                        + " first)");
        return terms;
    }

    private TermEntry term(JsonNode node, String path, Set<String> actorKeys) {
        if (!node.isObject()) {
            problem(path, "must be an object");
            return null;
        }
        unknownFields(node, path, TERM_FIELDS);
        Integer order = null;
        JsonNode orderNode = node.get("order");
        if (orderNode == null || orderNode.isNull()) {
            problem(path + ".order", "is required: the term's place in the agreement, 1 to " + RecordLimits.MAX_ORDER);
        } else if (!orderNode.isIntegralNumber() || !orderNode.canConvertToInt() || orderNode.asInt() < 1
                || orderNode.asInt() > RecordLimits.MAX_ORDER) {
            problem(path + ".order", "must be a whole number from 1 to " + RecordLimits.MAX_ORDER + ", was " + orderNode);
        } else {
            order = orderNode.asInt();
        }
        String article = text(node, path, "article", false, RecordLimits.MAX_ARTICLE);
        String text = text(node, path, "text", true, RecordLimits.MAX_NOTES);
        TermCategory category = enumValue(node, path, "category", TermCategory.class, true);
        List<String> obligated = actorKeys(node, path, "obligated", actorKeys);
        List<String> beneficiaries = actorKeys(node, path, "beneficiaries", actorKeys);
        LocalDate deadline = date(node, path, "deadline");
        TermDurationEntry duration = duration(node, path);
        List<TermQuantity> quantities = quantities(node, path);
        List<TermConditionEntry> conditions = conditions(node, path);
        String notes = text(node, path, "notes", false, RecordLimits.MAX_NOTES);
        String reason = text(node, path, "reason", true, RecordLimits.MAX_REASON);
        List<SourceCitation> sources = sources(node, path);
        return new TermEntry(order, article, text, category, obligated, beneficiaries, deadline, duration, quantities,
                conditions, notes, reason, sources);
    }

    private TermDurationEntry duration(JsonNode term, String termPath) {
        JsonNode node = term.get("duration");
        String path = termPath + ".duration";
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem(path, "must be an object {period, autoRenew, renewalPeriod, noticePeriod}");
            return null;
        }
        unknownFields(node, path, DURATION_FIELDS);
        Period period = period(node, path, "period");
        if (period == null && !node.hasNonNull("period")) {
            problem(path + ".period", "is required: an ISO 8601 period such as P5Y");
        }
        boolean autoRenew = false;
        JsonNode autoRenewNode = node.get("autoRenew");
        if (autoRenewNode != null && !autoRenewNode.isNull()) {
            if (autoRenewNode.isBoolean()) {
                autoRenew = autoRenewNode.asBoolean();
            } else {
                problem(path + ".autoRenew", "must be true or false");
            }
        }
        Period renewal = period(node, path, "renewalPeriod");
        if (renewal != null && !autoRenew) {
            problem(path + ".renewalPeriod", "is only kept for a term that renews automatically (autoRenew true)");
        }
        Period notice = period(node, path, "noticePeriod");
        Period renews = renewal != null ? renewal : period;
        if (notice != null && ((period != null && !shorter(notice, period)) || (autoRenew && renews != null
                && !shorter(notice, renews)))) {
            problem(path + ".noticePeriod", "must be shorter than the periods it gives notice of, was " + notice);
        }
        return new TermDurationEntry(period, autoRenew, renewal, notice);
    }

    private Period period(JsonNode node, String path, String field) {
        String value = text(node, path, field, false, Integer.MAX_VALUE);
        if (value == null) {
            return null;
        }
        try {
            Period period = Period.parse(value);
            if (!shorter(Period.ZERO, period)) {
                problem(path + "." + field, "must be a positive period, was \"" + value + "\"");
                return null;
            }
            return period;
        } catch (DateTimeParseException e) {
            problem(path + "." + field, "must be an ISO 8601 period such as P5Y or P6M, was \"" + value + "\"");
            return null;
        }
    }

    /** Whether {@code a} is shorter than {@code b}, measured from one day (as agreements-service measures it). */
    private static boolean shorter(Period a, Period b) {
        LocalDate base = LocalDate.of(2000, 1, 1);
        return base.plus(a).isBefore(base.plus(b));
    }

    private List<TermQuantity> quantities(JsonNode term, String termPath) {
        JsonNode node = term.get("quantities");
        String path = termPath + ".quantities";
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, "must be an array of {value, unit, of}");
            return List.of();
        }
        if (node.size() > RecordLimits.MAX_LIST) {
            problem(path, "at most " + RecordLimits.MAX_LIST + " quantities, found " + node.size());
        }
        List<TermQuantity> quantities = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = path + "[" + i + "]";
            if (!item.isObject()) {
                problem(itemPath, "must be an object {value, unit, of}");
                continue;
            }
            unknownFields(item, itemPath, QUANTITY_FIELDS);
            BigDecimal value = null;
            JsonNode valueNode = item.get("value");
            if (valueNode == null || valueNode.isNull()) {
                problem(itemPath + ".value", "is required");
            } else if (!valueNode.isNumber() || valueNode.decimalValue().signum() < 0) {
                problem(itemPath + ".value", "must be a number of at least 0, was " + valueNode);
            } else {
                value = valueNode.decimalValue();
            }
            String unit = text(item, itemPath, "unit", true, RecordLimits.MAX_UNIT);
            String of = text(item, itemPath, "of", false, RecordLimits.MAX_NAME);
            quantities.add(new TermQuantity(value, unit, of));
        }
        return quantities;
    }

    private List<TermConditionEntry> conditions(JsonNode term, String termPath) {
        JsonNode node = term.get("conditions");
        String path = termPath + ".conditions";
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(path, "must be an array of {kind, term}");
            return List.of();
        }
        if (node.size() > RecordLimits.MAX_LIST) {
            problem(path, "at most " + RecordLimits.MAX_LIST + " conditions, found " + node.size());
        }
        List<TermConditionEntry> conditions = new ArrayList<>();
        Map<TermConditionEntry, Integer> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemPath = path + "[" + i + "]";
            if (!item.isObject()) {
                problem(itemPath, "must be an object {kind, term}");
                continue;
            }
            unknownFields(item, itemPath, CONDITION_FIELDS);
            String kind = text(item, itemPath, "kind", true, Integer.MAX_VALUE);
            if (kind != null && !CONDITION_KINDS.contains(kind)) {
                problem(itemPath + ".kind", "unknown kind \"" + kind + "\"; one of " + CONDITION_KINDS);
                kind = null;
            }
            Integer other = null;
            JsonNode termNode = item.get("term");
            if (termNode == null || termNode.isNull()) {
                problem(itemPath + ".term", "is required: the order of another term of this agreement");
            } else if (!termNode.isIntegralNumber() || !termNode.canConvertToInt()) {
                problem(itemPath + ".term", "must be the order (a whole number) of another term of this agreement, was "
                        + termNode);
            } else {
                other = termNode.asInt();
            }
            TermConditionEntry condition = new TermConditionEntry(kind, other);
            if (kind != null && other != null) {
                Integer same = seen.putIfAbsent(condition, i);
                if (same != null) {
                    problem(itemPath, "the same condition is given twice (also at " + path + "[" + same + "])");
                    continue;
                }
            }
            conditions.add(condition);
        }
        return conditions;
    }

    /** Keys of actors the dataset defines: at most 50, each once. */
    private List<String> actorKeys(JsonNode node, String path, String field, Set<String> known) {
        return keyList(node, path, field, KEY, "an actor key", key -> known.contains(key) ? null
                : "unknown actor key " + key + " (not defined in " + ACTORS_FILE + ")");
    }

    /** Keys of agreements; whether the file defines them is checked once the whole file is read. */
    private List<String> agreementKeys(JsonNode node, String path, String field) {
        return keyList(node, path, field, AGREEMENT_KEY, "an agreement key", key -> null);
    }

    private List<String> keyList(JsonNode node, String path, String field, Pattern pattern, String what,
                                 Function<String, String> unknown) {
        JsonNode list = node.get(field);
        String listPath = path + "." + field;
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            problem(listPath, "must be an array of keys");
            return List.of();
        }
        if (list.size() > RecordLimits.MAX_LIST) {
            problem(listPath, "at most " + RecordLimits.MAX_LIST + " entries, found " + list.size());
        }
        List<String> keys = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String itemPath = listPath + "[" + i + "]";
            if (!item.isTextual() || !pattern.matcher(item.asText()).matches()) {
                problem(itemPath, "must be " + what + " matching " + pattern.pattern() + ", was " + item);
                continue;
            }
            String key = item.asText();
            Integer same = seen.putIfAbsent(key, i);
            if (same != null) {
                problem(itemPath, key + " is named twice (also at " + listPath + "[" + same + "])");
                continue;
            }
            String why = unknown.apply(key);
            if (why != null) {
                problem(itemPath, why);
            }
            keys.add(key);
        }
        return keys;
    }

    /** What needs the whole file: unique keys, references to agreements it defines, no reference cycles. */
    private void crossCheckAgreements(List<AgreementEntry> agreements, List<String> paths) {
        Map<String, String> firstPathOfKey = new HashMap<>();
        for (int i = 0; i < agreements.size(); i++) {
            String key = agreements.get(i).key();
            if (key == null) {
                continue;
            }
            String first = firstPathOfKey.putIfAbsent(key, paths.get(i));
            if (first != null) {
                problem(paths.get(i) + ".key", "duplicate key " + key + " (also at " + first + ".key)");
            }
        }
        for (int i = 0; i < agreements.size(); i++) {
            AgreementEntry agreement = agreements.get(i);
            for (String field : List.of("supersedes", "complements")) {
                List<String> named = field.equals("supersedes") ? agreement.supersedes() : agreement.complements();
                for (int r = 0; r < named.size(); r++) {
                    String other = named.get(r);
                    String path = paths.get(i) + "." + field + "[" + r + "]";
                    if (other.equals(agreement.key())) {
                        problem(path, "an agreement cannot name itself");
                    } else if (!firstPathOfKey.containsKey(other)) {
                        problem(path, "unknown agreement key " + other + " (not defined in " + file + ")");
                    }
                }
            }
        }
        List<AgreementEntry> unique = new ArrayList<>();
        List<String> uniquePaths = new ArrayList<>();
        for (int i = 0; i < agreements.size(); i++) {
            if (agreements.get(i).key() != null && firstPathOfKey.get(agreements.get(i).key()).equals(paths.get(i))) {
                unique.add(agreements.get(i));
                uniquePaths.add(paths.get(i));
            }
        }
        cycles(unique, uniquePaths, AgreementEntry::key, agreement -> {
            List<String> named = new ArrayList<>(agreement.supersedes());
            named.addAll(agreement.complements());
            return named;
        }, "", "supersedes/complements cycle ", " (agreements-service needs an agreement named there to be recorded"
                + " first)");
    }

    /** Reports each cycle of dependencies once, at the item where it is first found. */
    private <T, K> void cycles(List<T> items, List<String> paths, Function<T, K> id, Function<T, List<K>> dependsOn,
                               String field, String what, String why) {
        Map<K, Integer> index = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            K key = id.apply(items.get(i));
            if (key != null) {
                index.putIfAbsent(key, i);
            }
        }
        Set<K> done = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            K start = id.apply(items.get(i));
            if (start == null || done.contains(start)) {
                continue;
            }
            List<K> cycle = findCycle(start, new ArrayList<>(), items, index, id, dependsOn, done);
            if (cycle != null) {
                problem(paths.get(index.get(cycle.get(0))) + field, what + cycle.stream().map(String::valueOf)
                        .reduce((a, b) -> a + " -> " + b).orElse("") + why);
            }
        }
    }

    private static <T, K> List<K> findCycle(K key, List<K> chain, List<T> items, Map<K, Integer> index,
                                            Function<T, K> id, Function<T, List<K>> dependsOn, Set<K> done) {
        int at = chain.indexOf(key);
        if (at >= 0) {
            List<K> cycle = new ArrayList<>(chain.subList(at, chain.size()));
            cycle.add(key);
            return cycle;
        }
        if (done.contains(key) || !index.containsKey(key)) {
            return null;
        }
        chain.add(key);
        for (K next : dependsOn.apply(items.get(index.get(key)))) {
            if (next == null || next.equals(key)) {
                continue; // unknown or self references are reported on their own
            }
            List<K> cycle = findCycle(next, chain, items, index, id, dependsOn, done);
            if (cycle != null) {
                cycle.forEach(done::add);
                return cycle;
            }
        }
        chain.remove(chain.size() - 1);
        done.add(key);
        return null;
    }

    private Instant instant(JsonNode node, String path, String field) {
        String value = text(node, path, field, false, Integer.MAX_VALUE);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problem(path + "." + field, "must be an instant in UTC such as 2020-11-09T21:00:00Z, was \"" + value + "\"");
            return null;
        }
    }

    private String zone(JsonNode node, String path, String field) {
        String value = text(node, path, field, false, RecordLimits.MAX_ZONE);
        if (value == null) {
            return null;
        }
        try {
            ZoneId.of(value);
            return value;
        } catch (DateTimeException e) {
            problem(path + "." + field, "is not a time zone (e.g. Europe/Moscow), was \"" + value + "\"");
            return null;
        }
    }

    /** What needs the whole file: unique keys, known references, no cycles, no relationship twice. */
    private void crossCheck(List<ActorEntry> actors, List<String> paths) {
        Map<String, String> firstPathOfKey = new LinkedHashMap<>();
        Map<String, ActorEntry> byKey = new HashMap<>();
        for (int i = 0; i < actors.size(); i++) {
            ActorEntry actor = actors.get(i);
            if (actor.key() == null) {
                continue;
            }
            String first = firstPathOfKey.putIfAbsent(actor.key(), paths.get(i));
            if (first != null) {
                problem(paths.get(i) + ".key", "duplicate key " + actor.key() + " (also at " + first + ".key)");
            } else {
                byKey.put(actor.key(), actor);
            }
        }
        for (int i = 0; i < actors.size(); i++) {
            ActorEntry actor = actors.get(i);
            String path = paths.get(i);
            if (actor.affiliation() != null) {
                if (actor.affiliation().equals(actor.key())) {
                    problem(path + ".affiliation", "an actor cannot be affiliated with itself");
                } else if (!byKey.containsKey(actor.affiliation())) {
                    problem(path + ".affiliation", "unknown actor key " + actor.affiliation()
                            + " (not defined in " + file + ")");
                }
            }
            Map<Identity, Integer> seen = new HashMap<>();
            Map<List<Object>, Integer> open = new HashMap<>();
            for (int r = 0; r < actor.relationships().size(); r++) {
                RelationshipEntry relationship = actor.relationships().get(r);
                String relationshipPath = path + ".relationships[" + r + "]";
                String counterpart = relationship.counterpart();
                if (counterpart != null) {
                    if (counterpart.equals(actor.key())) {
                        problem(relationshipPath + ".counterpart", "an actor cannot have a relationship with itself");
                    } else if (!byKey.containsKey(counterpart)) {
                        problem(relationshipPath + ".counterpart", "unknown actor key " + counterpart
                                + " (not defined in " + file + ")");
                    }
                }
                if (relationship.kind() == null || counterpart == null) {
                    continue;
                }
                Integer same = seen.putIfAbsent(relationship.identity(), r);
                if (same != null) {
                    problem(relationshipPath, "duplicate relationship " + relationship.identity().describe(actor.key())
                            + " (also at " + path + ".relationships[" + same + "])");
                    continue;
                }
                if (relationship.validUntil() == null) {
                    // The service keeps one open relationship per kind, counterpart and theater.
                    Integer alsoOpen = open.putIfAbsent(
                            Arrays.asList(relationship.kind(), counterpart, relationship.theater()), r);
                    if (alsoOpen != null) {
                        problem(relationshipPath, "a second open " + relationship.kind() + " " + counterpart
                                + " in the same theater (also at " + path + ".relationships[" + alsoOpen
                                + "]); give one a validUntil");
                    }
                }
            }
        }
        affiliationCycles(actors, paths, byKey);
    }

    private void affiliationCycles(List<ActorEntry> actors, List<String> paths, Map<String, ActorEntry> byKey) {
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < actors.size(); i++) {
            ActorEntry start = actors.get(i);
            if (start.key() == null || reported.contains(start.key()) || byKey.get(start.key()) != start) {
                continue;
            }
            List<String> chain = new ArrayList<>(List.of(start.key()));
            ActorEntry current = start;
            while (current.affiliation() != null && byKey.containsKey(current.affiliation())
                    && !current.affiliation().equals(current.key())) {
                String next = current.affiliation();
                if (next.equals(start.key())) {
                    chain.add(next);
                    problem(paths.get(i) + ".affiliation", "affiliation cycle " + String.join(" -> ", chain));
                    reported.addAll(chain);
                    break;
                }
                if (chain.contains(next)) {
                    break; // a cycle not through start: reported from one of its members
                }
                chain.add(next);
                current = byKey.get(next);
            }
        }
    }

    private List<String> aliases(JsonNode node, String path) {
        JsonNode aliases = node.get("aliases");
        if (aliases == null || aliases.isNull()) {
            return List.of();
        }
        if (!aliases.isArray()) {
            problem(path + ".aliases", "must be an array of names");
            return List.of();
        }
        if (aliases.size() > RecordLimits.MAX_LIST) {
            problem(path + ".aliases", "at most " + RecordLimits.MAX_LIST + " aliases, found " + aliases.size());
        }
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < aliases.size(); i++) {
            JsonNode alias = aliases.get(i);
            String aliasPath = path + ".aliases[" + i + "]";
            if (!alias.isTextual() || alias.asText().isBlank()) {
                problem(aliasPath, "must be a non-blank name");
            } else if (alias.asText().strip().length() > RecordLimits.MAX_NAME) {
                problem(aliasPath, "at most " + RecordLimits.MAX_NAME + " characters");
            } else if (!seen.add(alias.asText().strip())) {
                problem(aliasPath, "duplicate alias \"" + alias.asText().strip() + "\"");
            } else {
                result.add(alias.asText().strip());
            }
        }
        return result;
    }

    /** An actor's ids in other datasets, by the rules of {@link ExternalIds}; a unique id named twice is a problem. */
    private List<ExternalIdEntry> externalIds(JsonNode node, String path) {
        JsonNode ids = node.get("externalIds");
        if (ids == null || ids.isNull()) {
            return List.of();
        }
        if (!ids.isArray()) {
            problem(path + ".externalIds", "must be an array of {scheme, value}");
            return List.of();
        }
        if (ids.size() > RecordLimits.MAX_LIST) {
            problem(path + ".externalIds", "at most " + RecordLimits.MAX_LIST + " external ids, found " + ids.size());
        }
        List<ExternalIdEntry> result = new ArrayList<>();
        Set<ExternalIdEntry> ofThisActor = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            String idPath = path + ".externalIds[" + i + "]";
            if (!id.isObject()) {
                problem(idPath, "must be an object {scheme, value}");
                continue;
            }
            unknownFields(id, idPath, EXTERNAL_ID_FIELDS);
            String scheme = text(id, idPath, "scheme", true, ExternalIds.MAX_SCHEME);
            String value = id.path("value").isTextual() ? id.path("value").asText() : null;
            Optional<String> schemeProblem = scheme == null ? Optional.empty() : ExternalIds.schemeProblem(scheme);
            schemeProblem.ifPresent(rule -> problem(idPath + ".scheme", rule));
            if (value == null) {
                problem(idPath + ".value", "is required text");
            } else if (scheme != null && schemeProblem.isEmpty()) {
                ExternalIds.valueProblem(scheme, value).ifPresentOrElse(rule -> problem(idPath + ".value", rule), () -> {
                    String named = scheme + ":" + value;
                    String earlier = ExternalIds.unique(scheme) ? externalIdPaths.putIfAbsent(named, idPath) : null;
                    if (!ofThisActor.add(new ExternalIdEntry(scheme, value))) {
                        problem(idPath, "duplicate external id " + named + " of this actor");
                    } else if (earlier != null) {
                        problem(idPath, named + " names one actor, but is also at " + earlier);
                    } else {
                        result.add(new ExternalIdEntry(scheme, value));
                    }
                });
            }
        }
        return result;
    }

    private List<SourceCitation> sources(JsonNode node, String path) {
        JsonNode sources = node.get("sources");
        String sourcesPath = path + ".sources";
        if (sources == null || sources.isNull() || (sources.isArray() && sources.isEmpty())) {
            problem(sourcesPath, "at least one source is required: every record of the dataset cites what supports it");
            return List.of();
        }
        if (!sources.isArray()) {
            problem(sourcesPath, "must be an array of sources");
            return List.of();
        }
        if (sources.size() > RecordLimits.MAX_LIST) {
            problem(sourcesPath, "at most " + RecordLimits.MAX_LIST + " sources, found " + sources.size());
        }
        List<SourceCitation> result = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            JsonNode source = sources.get(i);
            String sourcePath = sourcesPath + "[" + i + "]";
            if (!source.isObject()) {
                problem(sourcePath, "must be an object {title, publisher, url, date}");
                continue;
            }
            unknownFields(source, sourcePath, SOURCE_FIELDS);
            String title = text(source, sourcePath, "title", true, RecordLimits.MAX_SOURCE_TITLE);
            String publisher = text(source, sourcePath, "publisher", false, RecordLimits.MAX_PUBLISHER);
            String url = pattern(source, sourcePath, "url", URL, "an http(s) URL");
            if (url != null && url.length() > RecordLimits.MAX_URL) {
                problem(sourcePath + ".url", "at most " + RecordLimits.MAX_URL + " characters");
            }
            LocalDate date = date(source, sourcePath, "date");
            result.add(new SourceCitation(title, publisher, url, date));
        }
        return result;
    }

    private String key(JsonNode node, String path, String field, boolean required) {
        String value = text(node, path, field, required, Integer.MAX_VALUE);
        if (value != null && !KEY.matcher(value).matches()) {
            problem(path + "." + field, "must be an actor key matching " + KEY.pattern() + ", was \"" + value + "\"");
            return null;
        }
        return value;
    }

    private String pattern(JsonNode node, String path, String field, Pattern pattern, String what) {
        String value = text(node, path, field, false, Integer.MAX_VALUE);
        if (value != null && !pattern.matcher(value).matches()) {
            problem(path + "." + field, "must be " + what + ", was \"" + value + "\"");
            return null;
        }
        return value;
    }

    private String text(JsonNode node, String path, String field, boolean required, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(path + "." + field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(path + "." + field, "must be a string");
            return null;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            problem(path + "." + field, required ? "is required and must not be blank" : "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            problem(path + "." + field, "at most " + maxLength + " characters, has " + text.length());
            return null;
        }
        return text;
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String path, String field, Class<E> type, boolean required) {
        String value = text(node, path, field, required, Integer.MAX_VALUE);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problem(path + "." + field, "unknown " + field + " \"" + value + "\"; one of "
                    + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private LocalDate date(JsonNode node, String path, String field) {
        String value = text(node, path, field, false, Integer.MAX_VALUE);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(path + "." + field, "must be a date (YYYY-MM-DD), was \"" + value + "\"");
            return null;
        }
    }

    private void unknownFields(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(path + "." + name, "unknown field; known fields: " + known.stream().sorted().toList());
            }
        }
    }

    private void problem(String path, String message) {
        problems.add(new DatasetProblem(file, path, message));
    }
}
