package org.conflictledger.events.api.formats;

import org.conflictledger.platform.export.SpreadsheetText;
import static org.conflictledger.events.api.formats.AcledCsv.*;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ExternalId;
import org.conflictledger.contracts.ExternalIds;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.GeoPrecision;
import org.conflictledger.contracts.Theater;
import org.conflictledger.events.domain.AcledEventType;
import org.conflictledger.events.domain.AcledMapping;
import org.conflictledger.events.domain.AcledSubType;
import org.conflictledger.events.domain.Citation;
import org.conflictledger.events.domain.ConflictEventDetails;
import org.conflictledger.events.domain.Fatalities;
import org.conflictledger.events.domain.InvolvedActor;
import org.conflictledger.events.domain.Location;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.actorreplica.ActorRef;

/**
 * Reads an ACLED-compatible CSV ({@link AcledCsv}) into event details, row by row.
 *
 * <p>The header names the columns, in any order, case-insensitively; unknown columns are ignored.
 * {@code event_date}, {@code event_type}, {@code sub_event_type} and (unless {@code ledger_actors}
 * is there) {@code actor1} are required. A value that cannot be read becomes a {@link RowError}
 * naming its column, never an exception; only a file that cannot be read as CSV at all (an
 * unterminated quote, a missing required column) or that is too large throws an
 * {@link AcledCsvException} (an {@link AcledCsvLimitException} beyond {@link #MAX_ROWS} rows or
 * {@link #MAX_BYTES} bytes).
 *
 * <p>Actors: {@code ledger_actors} ({@code KEY:ROLE;…}) when present and not blank; otherwise
 * {@code actor1} is the {@code PERPETRATOR}, {@code assoc_actor_1} its {@code SUPPORTER}s,
 * {@code actor2} the {@code TARGET} and {@code assoc_actor_2} {@code AFFECTED} (so that a re-export
 * keeps them on actor2's side). An ACLED column's name is looked up in the {@link ActorDirectory} as the
 * actor's ACLED name ({@code acled:} external id) first, then by id, key, name or alias; a {@code ledger_actors}
 * reference by id, key, name or alias. One it does not know is an error of its column.
 *
 * <p>The details are not checked against the domain's rules (fatality order, a violation's agreement
 * …); the aggregate does that when the row is reported. Texts are trimmed and blank ones read as absent.
 */
public final class AcledCsvReader {

    public static final int MAX_ROWS = 10_000;
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final DateTimeFormatter ACLED_LONG_DATE =
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);

    private AcledCsvReader() {
    }

    /**
     * Reads every data row of {@code csv}, within {@link #MAX_ROWS} rows and {@link #MAX_BYTES} bytes.
     *
     * @param defaultTheater the theater of rows without {@code ledger_theater}; {@code null} makes
     *                       such rows errors
     */
    public static List<ParsedRow> read(Reader csv, ActorDirectory actors, Theater defaultTheater) {
        return read(csv, actors, defaultTheater, MAX_ROWS, MAX_BYTES);
    }

    /** As {@link #read(Reader, ActorDirectory, Theater)}, with other limits. */
    public static List<ParsedRow> read(Reader csv, ActorDirectory actors, Theater defaultTheater,
                                       int maxRows, long maxBytes) {
        try {
            Csv.Parser parser = new Csv.Parser(csv, maxBytes);
            Csv.Row header = parser.next();
            if (header == null) {
                throw new AcledCsvException("The CSV is empty: it needs a header row naming its columns.", 1);
            }
            Map<String, Integer> columns = columns(header);
            List<ParsedRow> rows = new ArrayList<>();
            Csv.Row record;
            while ((record = parser.next()) != null) {
                if (rows.size() == maxRows) {
                    throw new AcledCsvLimitException("The CSV has more than " + maxRows
                            + " rows; import at most " + maxRows + " at a time.", record.line());
                }
                rows.add(new RowReader(record, columns, header.fields().size(), actors, defaultTheater).read());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> columns(Csv.Row header) {
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = header.fields();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw new AcledCsvException("The header names the column \"" + name + "\" twice.", header.line());
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String required : REQUIRED_COLUMNS) {
            if (!columns.containsKey(required) && !(required.equals(ACTOR1) && columns.containsKey(LEDGER_ACTORS))) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new AcledCsvException("The CSV lacks the required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (actor1 may be replaced by ledger_actors).", header.line());
        }
        return columns;
    }

    /** Reads one row, collecting its errors. */
    private static final class RowReader {
        private final Csv.Row record;
        private final Map<String, Integer> columns;
        private final int width;
        private final ActorDirectory directory;
        private final Theater defaultTheater;
        private final List<RowError> errors = new ArrayList<>();

        RowReader(Csv.Row record, Map<String, Integer> columns, int width, ActorDirectory directory,
                  Theater defaultTheater) {
            this.record = record;
            this.columns = columns;
            this.width = width;
            this.directory = directory;
            this.defaultTheater = defaultTheater;
        }

        ParsedRow read() {
            int fields = record.fields().size();
            if (fields != width) {
                errors.add(new RowError(null, "The row has " + fields + " fields but the header has " + width + "."));
                return new ParsedRow(record.line(), null, errors);
            }
            Theater theater = theater();
            ConflictEventType[] type = new ConflictEventType[1];
            AcledSubType subType = types(type);
            LocalDate date = date(EVENT_DATE, true);
            DatePrecision datePrecision = datePrecision();
            LocalDate endDate = isoDate(LEDGER_END_DATE);
            Location location = location();
            List<InvolvedActor> actors = actors();
            Fatalities fatalities = fatalities();
            Double confidence = decimal(LEDGER_CONFIDENCE);
            UUID agreement = uuid(LEDGER_AGREEMENT);
            UUID respondsTo = uuid(LEDGER_RESPONDS_TO);
            List<Citation> sources = sources();
            if (!errors.isEmpty()) {
                return new ParsedRow(record.line(), null, errors);
            }
            ConflictEventDetails details = new ConflictEventDetails(theater, type[0], subType, date, datePrecision,
                    endDate, location, actors, fatalities, value(NOTES), confidence, agreement, value(LEDGER_TERM),
                    respondsTo, sources, value(EVENT_ID_CNTY), value(LEDGER_UCDP_GED_ID), externalIds());
            return new ParsedRow(record.line(), details, List.of());
        }

        // ---- values

        /** The trimmed value of a column; {@code null} when the column is absent or the value blank. */
        private String value(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            String cell = record.fields().get(index);
            // the quote comes off the cell as the export wrote it, before trimming, as the writer tests the cell untrimmed
            String value = (NUMBER_COLUMNS.contains(column) ? cell : SpreadsheetText.restored(cell)).strip();
            return value.isEmpty() ? null : value;
        }

        private boolean has(String column) {
            return columns.containsKey(column);
        }

        private void error(String column, String message) {
            errors.add(new RowError(column, message));
        }

        private <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error(column, "\"" + value + "\" is not one of " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", ")) + ".");
                return null;
            }
        }

        private Integer integer(String column, int min, int max) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            if (!INTEGER.matcher(value).matches()) {
                error(column, "\"" + value + "\" is not a whole number.");
                return null;
            }
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                error(column, number + " is not between " + min + " and " + max + ".");
                return null;
            }
            return number;
        }

        private Double decimal(String column) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            if (!DECIMAL.matcher(value).matches()) {
                error(column, "\"" + value + "\" is not a decimal number.");
                return null;
            }
            return Double.parseDouble(value);
        }

        private UUID uuid(String column) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            try {
                UUID uuid = UUID.fromString(value);
                if (uuid.toString().equalsIgnoreCase(value)) {
                    return uuid;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            error(column, "\"" + value + "\" is not an id (a UUID).");
            return null;
        }

        private LocalDate isoDate(String column) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                error(column, "\"" + value + "\" is not a date (yyyy-MM-dd).");
                return null;
            }
        }

        /** An ISO date, or ACLED's older {@code 27 September 2020}. */
        private LocalDate date(String column, boolean required) {
            String value = value(column);
            if (value == null) {
                if (required) {
                    error(column, "A date is required.");
                }
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(value, ACLED_LONG_DATE);
                } catch (DateTimeParseException e2) {
                    error(column, "\"" + value + "\" is not a date (yyyy-MM-dd or 27 September 2020).");
                    return null;
                }
            }
        }

        // ---- fields

        private Theater theater() {
            if (value(LEDGER_THEATER) != null) {
                return enumValue(LEDGER_THEATER, Theater.class);
            }
            if (defaultTheater == null) {
                error(LEDGER_THEATER, "The row names no theater and the import has no default theater.");
            }
            return defaultTheater;
        }

        /** The sub-type, and into {@code type[0]} the type. */
        private AcledSubType types(ConflictEventType[] type) {
            AcledEventType eventType = null;
            String eventTypeText = value(EVENT_TYPE);
            if (eventTypeText == null) {
                error(EVENT_TYPE, "An ACLED event type is required.");
            } else {
                eventType = AcledEventType.fromLabel(eventTypeText).orElse(null);
                if (eventType == null) {
                    error(EVENT_TYPE, "\"" + eventTypeText + "\" is not an ACLED event type (one of "
                            + Arrays.stream(AcledEventType.values()).map(AcledEventType::label)
                            .collect(Collectors.joining(", ")) + ").");
                }
            }
            AcledSubType subType = null;
            String subTypeText = value(SUB_EVENT_TYPE);
            if (subTypeText == null) {
                error(SUB_EVENT_TYPE, "An ACLED sub-event type is required.");
            } else {
                subType = AcledSubType.fromLabel(subTypeText).orElse(null);
                if (subType == null) {
                    error(SUB_EVENT_TYPE, "\"" + subTypeText + "\" is not an ACLED sub-event type.");
                } else if (eventType != null && subType.acledEventType() != eventType) {
                    error(SUB_EVENT_TYPE, "\"" + subType.label() + "\" is a sub-event type of "
                            + subType.acledEventType().label() + ", not of " + eventType.label() + ".");
                    subType = null;
                }
            }
            if (value(LEDGER_TYPE) != null) {
                type[0] = enumValue(LEDGER_TYPE, ConflictEventType.class);
                if (type[0] != null && subType != null && !AcledMapping.allows(type[0], subType)) {
                    error(SUB_EVENT_TYPE, "\"" + subType.label() + "\" does not fit a " + type[0] + " (exported as "
                            + AcledMapping.acledEventType(type[0]).label() + ").");
                }
            } else if (eventType != null) {
                type[0] = AcledMapping.typeFor(eventType);
            }
            return subType;
        }

        private DatePrecision datePrecision() {
            if (value(LEDGER_DATE_PRECISION) != null) {
                return enumValue(LEDGER_DATE_PRECISION, DatePrecision.class);
            }
            Integer timePrecision = integer(TIME_PRECISION, 1, 3);
            return timePrecision == null ? null : AcledCsv.datePrecision(timePrecision).orElseThrow();
        }

        private Location location() {
            Double latitude = decimal(LATITUDE);
            Double longitude = decimal(LONGITUDE);
            if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
                error(LATITUDE, latitude + " is not a latitude (between -90 and 90).");
            }
            if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
                error(LONGITUDE, longitude + " is not a longitude (between -180 and 180).");
            }
            if (latitude == null && longitude != null && value(LATITUDE) == null) {
                error(LATITUDE, "A longitude needs a latitude.");
            }
            if (longitude == null && latitude != null && value(LONGITUDE) == null) {
                error(LONGITUDE, "A latitude needs a longitude.");
            }
            GeoPrecision geoPrecision;
            if (value(LEDGER_GEO_PRECISION) != null) {
                geoPrecision = enumValue(LEDGER_GEO_PRECISION, GeoPrecision.class);
            } else {
                Integer acled = integer(GEO_PRECISION, 1, 3);
                geoPrecision = acled == null ? null : AcledCsv.geoPrecision(acled).orElseThrow();
            }
            Location location = new Location(value(LOCATION), value(ADMIN1), value(ADMIN2), value(ADMIN3),
                    value(COUNTRY), latitude, longitude, geoPrecision);
            return location.equals(new Location(null, null, null, null, null, null, null, null)) ? null : location;
        }

        private Fatalities fatalities() {
            Integer best = integer(FATALITIES, 0, Integer.MAX_VALUE);
            Integer low = integer(LEDGER_FATALITIES_LOW, 0, Integer.MAX_VALUE);
            Integer high = integer(LEDGER_FATALITIES_HIGH, 0, Integer.MAX_VALUE);
            return low == null && best == null && high == null ? null : new Fatalities(low, best, high);
        }

        private List<ExternalId> externalIds() {
            String json = value(LEDGER_EXTERNAL_IDS);
            if (json == null) {
                return List.of();
            }
            try {
                return ExternalIdsJson.read(json);
            } catch (IllegalArgumentException e) {
                error(LEDGER_EXTERNAL_IDS, "The external ids " + e.getMessage() + ".");
                return List.of();
            }
        }

        private List<Citation> sources() {
            String json = value(LEDGER_SOURCES);
            if (json != null) {
                try {
                    return CitationsJson.read(json);
                } catch (IllegalArgumentException e) {
                    error(LEDGER_SOURCES, "The sources " + e.getMessage() + ".");
                    return List.of();
                }
            }
            String titles = value(SOURCE);
            if (titles == null) {
                return List.of();
            }
            return split(titles).stream().map(title -> new Citation(title, null, null, null)).toList();
        }

        // ---- actors

        private List<InvolvedActor> actors() {
            if (value(LEDGER_ACTORS) != null) {
                return ledgerActors(value(LEDGER_ACTORS));
            }
            if (!has(ACTOR1)) {
                error(LEDGER_ACTORS, "The row names no actors (and the file has no actor1 column).");
                return List.of();
            }
            List<InvolvedActor> actors = new ArrayList<>();
            if (value(ACTOR1) == null) {
                error(ACTOR1, "actor1 is required.");
            } else {
                resolve(ACTOR1, value(ACTOR1)).ifPresent(id -> add(actors, id, ActorRole.PERPETRATOR));
            }
            associates(ASSOC_ACTOR_1, ActorRole.SUPPORTER, actors);
            if (value(ACTOR2) != null) {
                resolve(ACTOR2, value(ACTOR2)).ifPresent(id -> add(actors, id, ActorRole.TARGET));
            }
            associates(ASSOC_ACTOR_2, ActorRole.AFFECTED, actors);
            return actors;
        }

        private void associates(String column, ActorRole role, List<InvolvedActor> actors) {
            String value = value(column);
            if (value != null) {
                for (String name : split(value)) {
                    resolve(column, name).ifPresent(id -> add(actors, id, role));
                }
            }
        }

        /** Adds the actor unless it is already there in that role (two names of one actor). */
        private static void add(List<InvolvedActor> actors, UUID id, ActorRole role) {
            InvolvedActor actor = new InvolvedActor(id, role);
            if (!actors.contains(actor)) {
                actors.add(actor);
            }
        }

        private List<InvolvedActor> ledgerActors(String value) {
            List<InvolvedActor> actors = new ArrayList<>();
            String[] entries = value.split(";", -1);
            for (int i = 0; i < entries.length; i++) {
                String entry = entries[i].strip();
                if (entry.isEmpty()) {
                    continue; // a trailing or doubled separator
                }
                String where = "Entry " + (i + 1) + " (\"" + entry + "\")";
                int colon = entry.lastIndexOf(':');
                if (colon <= 0 || colon == entry.length() - 1) {
                    error(LEDGER_ACTORS, where + " is not KEY:ROLE.");
                    continue;
                }
                String reference = entry.substring(0, colon).strip();
                String roleText = entry.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
                ActorRole role;
                try {
                    role = ActorRole.valueOf(roleText);
                } catch (IllegalArgumentException e) {
                    error(LEDGER_ACTORS, where + " has no role of " + Arrays.stream(ActorRole.values())
                            .map(Enum::name).collect(Collectors.joining(", ")) + ".");
                    continue;
                }
                Optional<ActorRef> actor = directory.byReference(reference);
                if (actor.isEmpty()) {
                    error(LEDGER_ACTORS, where + " names an actor the record does not know: \"" + reference + "\".");
                    continue;
                }
                actors.add(new InvolvedActor(actor.get().id(), role));
            }
            return actors;
        }

        /** ACLED's name for an actor: the actor known by it in ACLED ({@code acled:} id) first, then id, key, name, alias. */
        private Optional<UUID> resolve(String column, String reference) {
            Optional<UUID> id = directory.byExternalId(ExternalIds.ACLED, reference.strip())
                    .or(() -> directory.byReference(reference)).map(ActorRef::id);
            if (id.isEmpty()) {
                error(column, "The record knows no actor by ACLED name, id, key, name or alias \"" + reference + "\".");
            }
            return id;
        }

        private static List<String> split(String list) {
            return Arrays.stream(list.split(";")).map(String::strip).filter(part -> !part.isEmpty()).toList();
        }
    }
}
