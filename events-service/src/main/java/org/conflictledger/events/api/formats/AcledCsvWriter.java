package org.conflictledger.events.api.formats;

import org.conflictledger.platform.export.CsvRows;
import org.conflictledger.platform.export.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.conflictledger.contracts.ActorRole;
import org.conflictledger.events.api.ConflictEventRepresentation;
import org.conflictledger.events.api.ConflictEventRepresentation.Participant;
import org.conflictledger.events.domain.AcledMapping;
import org.conflictledger.events.domain.AcledSubType;
import org.conflictledger.events.domain.AcledEventType;
import org.conflictledger.events.domain.Citation;
import org.conflictledger.events.domain.Fatalities;
import org.conflictledger.events.domain.Location;

import static org.conflictledger.events.api.formats.AcledCsv.*;

/**
 * Writes conflict events as ACLED-compatible CSV ({@link AcledCsv#COLUMNS}): a header, then one row
 * per event, RFC 4180 quoting, CRLF line ends; UTF-8 when writing to a stream. A text cell that a spreadsheet
 * would read as a formula gets a leading {@code '} ({@link SpreadsheetText}); what the API stores is unchanged.
 */
public final class AcledCsvWriter {

    private AcledCsvWriter() {
    }

    /** Writes the header and a row per event to {@code out} (which is flushed, not closed). */
    public static void write(List<ConflictEventRepresentation> events, Writer out) throws IOException {
        writeHeader(out);
        for (ConflictEventRepresentation event : events) {
            writeRow(event, out);
        }
        out.flush();
    }

    /** Writes the header and a row per event to {@code out} in UTF-8 (flushed, not closed). */
    public static void write(List<ConflictEventRepresentation> events, OutputStream out) throws IOException {
        write(events, new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** The CSV of {@code events} as a string. */
    public static String toCsv(List<ConflictEventRepresentation> events) {
        StringWriter out = new StringWriter();
        try {
            write(events, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void writeHeader(Writer out) throws IOException {
        Csv.writeRecord(out, COLUMNS);
    }

    public static void writeRow(ConflictEventRepresentation event, Writer out) throws IOException {
        Csv.writeRecord(out, row(event));
    }

    /** The values of an event's row, in {@link AcledCsv#COLUMNS} order ({@code null} for blank). */
    public static List<String> row(ConflictEventRepresentation event) {
        Objects.requireNonNull(event, "event");
        String[] row = new String[COLUMNS.size()];
        AcledSubType subType = event.subType() != null ? event.subType()
                : event.type() != null ? AcledMapping.defaultSubType(event.type()) : null;
        AcledEventType eventType = subType != null ? subType.acledEventType() : null;

        set(row, EVENT_ID_CNTY, event.acledEventId());
        if (event.date() != null) {
            set(row, EVENT_DATE, event.date().toString());
            set(row, YEAR, Integer.toString(event.date().getYear()));
        }
        set(row, TIME_PRECISION, Integer.toString(timePrecision(event.datePrecision())));
        if (event.type() != null) {
            set(row, DISORDER_TYPE, disorderType(event.type()));
        }
        if (eventType != null) {
            set(row, EVENT_TYPE, eventType.label());
            set(row, SUB_EVENT_TYPE, subType.label());
            if (eventType == AcledEventType.VIOLENCE_AGAINST_CIVILIANS) {
                set(row, CIVILIAN_TARGETING, CIVILIAN_TARGETING_VALUE);
            }
        }
        actors(row, event.actors() == null ? List.of()
                : event.actors().stream().filter(Objects::nonNull).toList());

        Location location = event.location();
        if (location != null) {
            set(row, ISO, iso(location.country()).map(String::valueOf).orElse(null));
            set(row, REGION, region(location.country()).orElse(null));
            set(row, COUNTRY, location.country());
            set(row, ADMIN1, location.admin1());
            set(row, ADMIN2, location.admin2());
            set(row, ADMIN3, location.admin3());
            set(row, LOCATION, location.place());
            set(row, LATITUDE, decimal(location.latitude()));
            set(row, LONGITUDE, decimal(location.longitude()));
            if (location.geoPrecision() != null) {
                set(row, GEO_PRECISION, Integer.toString(acledGeoPrecision(location.geoPrecision())));
                set(row, LEDGER_GEO_PRECISION, location.geoPrecision().name());
            }
        }
        List<Citation> sources = event.sources() == null ? List.of()
                : event.sources().stream().filter(Objects::nonNull).toList();
        set(row, SOURCE, sources.stream().map(Citation::title).filter(Objects::nonNull)
                .collect(Collectors.joining(LIST_SEPARATOR)));
        set(row, NOTES, event.notes());
        Fatalities fatalities = event.fatalities();
        if (fatalities != null) {
            set(row, FATALITIES, integer(fatalities.best()));
            set(row, LEDGER_FATALITIES_LOW, integer(fatalities.low()));
            set(row, LEDGER_FATALITIES_HIGH, integer(fatalities.high()));
        }
        if (event.updatedAt() != null) {
            set(row, TIMESTAMP, Long.toString(event.updatedAt().getEpochSecond()));
        }

        set(row, LEDGER_ID, string(event.id()));
        set(row, LEDGER_THEATER, event.theater() == null ? null : event.theater().name());
        set(row, LEDGER_TYPE, event.type() == null ? null : event.type().name());
        set(row, LEDGER_DATE_PRECISION, event.datePrecision() == null ? null : event.datePrecision().name());
        set(row, LEDGER_END_DATE, event.endDate() == null ? null : event.endDate().toString());
        set(row, LEDGER_CONFIDENCE, decimal(event.confidence()));
        set(row, LEDGER_AGREEMENT, string(event.agreement()));
        set(row, LEDGER_TERM, event.term());
        set(row, LEDGER_RESPONDS_TO, string(event.respondsTo()));
        set(row, LEDGER_SOURCES, CitationsJson.write(sources));
        set(row, LEDGER_UCDP_GED_ID, event.ucdpGedId());
        set(row, LEDGER_EXTERNAL_IDS, ExternalIdsJson.write(event.externalIds()));
        set(row, LEDGER_STATUS, event.status() == null ? null : event.status().name());
        set(row, LEDGER_VERSION, Long.toString(event.version()));
        return Arrays.asList(row);
    }

    /** actor1/actor2 and their associates, as {@link AcledCsv} describes; all of them in ledger_actors. */
    private static void actors(String[] row, List<Participant> actors) {
        int actor1 = indexOf(actors, ActorRole.PERPETRATOR, -1);
        if (actor1 < 0) {
            actor1 = indexOf(actors, ActorRole.SIGNATORY, -1);
        }
        if (actor1 < 0 && !actors.isEmpty()) {
            actor1 = 0;
        }
        int actor2 = indexOf(actors, ActorRole.TARGET, actor1);
        if (actor2 < 0 && actor1 >= 0 && actors.get(actor1).role() == ActorRole.SIGNATORY) {
            actor2 = indexOf(actors, ActorRole.SIGNATORY, actor1);
        }
        List<String> assoc1 = new ArrayList<>();
        List<String> assoc2 = new ArrayList<>();
        for (int i = 0; i < actors.size(); i++) {
            if (i == actor1 || i == actor2) {
                continue;
            }
            Participant actor = actors.get(i);
            (side(actor.role()) == Side.RECEIVING ? assoc2 : assoc1).add(name(actor));
        }
        if (actor1 >= 0) {
            set(row, ACTOR1, name(actors.get(actor1)));
        }
        if (actor2 >= 0) {
            set(row, ACTOR2, name(actors.get(actor2)));
        }
        set(row, ASSOC_ACTOR_1, String.join(LIST_SEPARATOR, assoc1));
        set(row, ASSOC_ACTOR_2, String.join(LIST_SEPARATOR, assoc2));
        set(row, LEDGER_ACTORS, actors.stream()
                .map(actor -> reference(actor) + ":" + (actor.role() == null ? "" : actor.role().name()))
                .collect(Collectors.joining(";")));
    }

    private static int indexOf(List<Participant> actors, ActorRole role, int except) {
        for (int i = 0; i < actors.size(); i++) {
            if (i != except && actors.get(i).role() == role) {
                return i;
            }
        }
        return -1;
    }

    /** How ACLED's columns name an actor: by name, else key, else id. */
    private static String name(Participant actor) {
        if (actor.name() != null && !actor.name().isBlank()) {
            return actor.name();
        }
        return reference(actor);
    }

    /** How ledger_actors names an actor: by key, else id. */
    private static String reference(Participant actor) {
        if (actor.key() != null && !actor.key().isBlank()) {
            return actor.key();
        }
        return string(actor.actor());
    }

    private static void set(String[] row, String column, String value) {
        String cell = NUMBER_COLUMNS.contains(column) ? value : SpreadsheetText.neutralised(value);
        row[COLUMNS.indexOf(column)] = cell == null || cell.isEmpty() ? null : cell;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String integer(Integer value) {
        return value == null ? null : value.toString();
    }

    /** A decimal without exponent that reads back as the same double. */
    static String decimal(Double value) {
        return CsvRows.plain(value);
    }
}
