package org.conflictledger.events.api.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.conflictledger.actorreplica.ActorRef;
import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.GeoPrecision;
import org.conflictledger.contracts.Theater;
import org.conflictledger.events.domain.AcledSubType;
import org.conflictledger.events.domain.Citation;
import org.conflictledger.events.domain.ConflictEventDetails;
import org.conflictledger.events.domain.Fatalities;
import org.conflictledger.events.domain.InvolvedActor;
import org.conflictledger.events.domain.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AcledCsvReaderTest {

    private final Fixtures fixtures = new Fixtures();

    /** A row as ACLED publishes it (values illustrative), without any ledger_ column. */
    private static final List<String> ACLED_ROW = List.of(
            "AZE6012", "2020-09-27", "2020", "1", "Political violence", "Battles", "Armed clash",
            "Military Forces of Azerbaijan (2003-)", "", "State forces",
            "Military Forces of Armenia (2018-)", "Military Forces of Artsakh", "State forces",
            "State forces-State forces", "", "31", "Caucasus and Central Asia", "Azerbaijan", "Tartar", "", "",
            "Tartar", "40.3404", "46.9304", "2", "Ministry of Defence of Azerbaijan; Armenpress", "National-Regional",
            "On 27 September 2020, Azerbaijani forces launched an offensive; Armenian forces and Artsakh's army"
                    + " clashed with them near Tartar. 5 fatalities reported.",
            "5", "", "1601856000");

    // ---- pure ACLED

    @Test
    void pureAcledRowMapsThroughTheDirectoryByName() {
        List<ParsedRow> rows = read(csv(AcledCsv.ACLED_COLUMNS, List.of(ACLED_ROW)), Theater.NAGORNO_KARABAKH);

        assertThat(rows).hasSize(1);
        ParsedRow row = rows.get(0);
        assertThat(row.errors()).isEmpty();
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.details()).isEqualTo(new ConflictEventDetails(Theater.NAGORNO_KARABAKH,
                ConflictEventType.BATTLE, AcledSubType.ARMED_CLASH, LocalDate.of(2020, 9, 27), DatePrecision.DAY, null,
                new Location("Tartar", "Tartar", null, null, "Azerbaijan", 40.3404, 46.9304, GeoPrecision.NEAR),
                List.of(new InvolvedActor(fixtures.azerbaijan.id(), ActorRole.PERPETRATOR),
                        new InvolvedActor(fixtures.armenia.id(), ActorRole.TARGET),
                        new InvolvedActor(fixtures.artsakh.id(), ActorRole.AFFECTED)),
                new Fatalities(null, 5, null), ACLED_ROW.get(27), null, null, null, null,
                List.of(new Citation("Ministry of Defence of Azerbaijan", null, null, null),
                        new Citation("Armenpress", null, null, null)),
                "AZE6012", null, null));
    }

    @Test
    void anActorsAcledNameComesBeforeTheNamesAndAliasesOfOthers() {
        FakeActorDirectory directory = new FakeActorDirectory();
        directory.add("DECOY", "Military Forces of Azerbaijan (2003-)");
        ActorRef azerbaijan = directory.add("AZE", "Azerbaijan");
        directory.knownAs(azerbaijan, "acled", "Military Forces of Azerbaijan (2003-)");
        ActorRef armenia = directory.add("ARM", "Armenia", "Military Forces of Armenia (2018-)");
        ActorRef artsakh = directory.add("ARTSAKH", "Military Forces of Artsakh");

        ParsedRow row = AcledCsvReader.read(new StringReader(csv(AcledCsv.ACLED_COLUMNS, List.of(ACLED_ROW))),
                directory, Theater.NAGORNO_KARABAKH).get(0);

        assertThat(row.errors()).isEmpty();
        assertThat(row.details().actors()).containsExactly(new InvolvedActor(azerbaijan.id(), ActorRole.PERPETRATOR),
                new InvolvedActor(armenia.id(), ActorRole.TARGET), new InvolvedActor(artsakh.id(), ActorRole.AFFECTED));
    }

    @Test
    void columnsInAnyOrderWithUnknownOnesAndAcledsOlderDateForm() {
        String csv = "\uFEFFNotes,Sub_Event_Type,event_date,Actor1,assoc_actor_1,comment,event_type,time_precision,"
                + "geo_precision,latitude,longitude,location\n"
                + "\"Strike on positions, no casualties\",Air/drone strike,09 October 2020,TUR,"
                + "Russia,ignored,Explosions/Remote violence,3,3,,,\n"
                + "\n";

        List<ParsedRow> rows = read(csv, Theater.SYRIA);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).errors()).isEmpty();
        ConflictEventDetails details = rows.get(0).details();
        assertThat(details.type()).isEqualTo(ConflictEventType.EXPLOSION_REMOTE_VIOLENCE);
        assertThat(details.subType()).isEqualTo(AcledSubType.AIR_DRONE_STRIKE);
        assertThat(details.date()).isEqualTo(LocalDate.of(2020, 10, 9));
        assertThat(details.datePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(details.location()).isEqualTo(new Location(null, null, null, null, null, null, null,
                GeoPrecision.ADMIN1));
        assertThat(details.actors()).containsExactly(new InvolvedActor(fixtures.turkey.id(), ActorRole.PERPETRATOR),
                new InvolvedActor(fixtures.russia.id(), ActorRole.SUPPORTER));
        assertThat(details.notes()).isEqualTo("Strike on positions, no casualties");
        assertThat(details.fatalities()).isNull();
        assertThat(details.sources()).isEmpty();
    }

    @Test
    void anExportStrippedToAcledColumnsReadsBackAtAcledsLevel() {
        String export = AcledCsvWriter.toCsv(List.of(fixtures.representation(UUID.randomUUID(), fixtures.battle())));
        String acledOnly = project(export, AcledCsv.ACLED_COLUMNS);

        ParsedRow row = read(acledOnly, Theater.NAGORNO_KARABAKH).get(0);

        assertThat(row.errors()).isEmpty();
        ConflictEventDetails original = fixtures.battle();
        ConflictEventDetails read = row.details();
        assertThat(read.type()).isEqualTo(ConflictEventType.BATTLE);
        assertThat(read.subType()).isEqualTo(original.subType());
        assertThat(read.date()).isEqualTo(original.date());
        assertThat(read.endDate()).isNull();
        assertThat(read.notes()).isEqualTo(original.notes());
        assertThat(read.fatalities()).isEqualTo(new Fatalities(null, 20, null));
        assertThat(read.acledEventId()).isEqualTo("AZE6012");
        // the same actors on the same sides, roles coarsened to ACLED's
        assertThat(read.actors()).containsExactly(
                new InvolvedActor(fixtures.azerbaijan.id(), ActorRole.PERPETRATOR),
                new InvolvedActor(fixtures.turkey.id(), ActorRole.SUPPORTER),
                new InvolvedActor(fixtures.armenia.id(), ActorRole.TARGET),
                new InvolvedActor(fixtures.artsakh.id(), ActorRole.AFFECTED),
                new InvolvedActor(fixtures.civilians.id(), ActorRole.AFFECTED));
        assertThat(read.sources()).extracting(Citation::title).containsExactly(
                "Azerbaijan Ministry of Defence statement", "Armenia says Azerbaijan attacked, \"war\" declared");
    }

    @Test
    void ledgerActorsReplaceActor1() {
        String csv = "event_date,event_type,sub_event_type,ledger_actors,ledger_theater\r\n"
                + "2020-11-09,Strategic developments,Agreement,RUS:MEDIATOR;aze:SIGNATORY;ARM:signatory;,SOUTH_CAUCASUS\r\n";

        ParsedRow row = read(csv, null).get(0);

        // keys are exact, names and aliases are looked up case-insensitively; roles are case-insensitive
        assertThat(row.errors()).containsExactly(new RowError("ledger_actors",
                "Entry 2 (\"aze:SIGNATORY\") names an actor the record does not know: \"aze\"."));
        String fixed = csv.replace("aze:", "Azerbaijan:");
        ParsedRow fixedRow = read(fixed, null).get(0);
        assertThat(fixedRow.errors()).isEmpty();
        assertThat(fixedRow.details().theater()).isEqualTo(Theater.SOUTH_CAUCASUS);
        assertThat(fixedRow.details().type()).isEqualTo(ConflictEventType.STRATEGIC_DEVELOPMENT);
        assertThat(fixedRow.details().actors()).extracting(InvolvedActor::role)
                .containsExactly(ActorRole.MEDIATOR, ActorRole.SIGNATORY, ActorRole.SIGNATORY);
    }

    @Test
    void twoNamesOfOneActorOnOneSideCountOnce() {
        List<String> row = new ArrayList<>(ACLED_ROW);
        row.set(8, "Azerbaijan; Turkey"); // assoc_actor_1 repeats actor1 by another name
        ParsedRow parsed = read(csv(AcledCsv.ACLED_COLUMNS, List.of(row)), Theater.NAGORNO_KARABAKH).get(0);

        assertThat(parsed.details().actors()).extracting(InvolvedActor::actorId).containsExactly(
                fixtures.azerbaijan.id(), fixtures.azerbaijan.id(), fixtures.turkey.id(), fixtures.armenia.id(),
                fixtures.artsakh.id());
        assertThat(parsed.details().actors()).extracting(InvolvedActor::role).containsExactly(
                ActorRole.PERPETRATOR, ActorRole.SUPPORTER, ActorRole.SUPPORTER, ActorRole.TARGET, ActorRole.AFFECTED);
    }

    // ---- row errors

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("event_date", "", "event_date", "required"),
                Arguments.of("event_date", "2020-02-30", "event_date", "is not a date"),
                Arguments.of("event_type", "", "event_type", "required"),
                Arguments.of("event_type", "Skirmish", "event_type", "is not an ACLED event type"),
                Arguments.of("sub_event_type", "", "sub_event_type", "required"),
                Arguments.of("sub_event_type", "Dogfight", "sub_event_type", "is not an ACLED sub-event type"),
                Arguments.of("sub_event_type", "Air/drone strike", "sub_event_type",
                        "is a sub-event type of Explosions/Remote violence, not of Battles"),
                Arguments.of("ledger_type", "WAR", "ledger_type", "is not one of BATTLE"),
                Arguments.of("ledger_type", "PROTEST", "sub_event_type", "does not fit a PROTEST"),
                Arguments.of("actor1", "", "actor1", "required"),
                Arguments.of("actor1", "Martians", "actor1",
                        "knows no actor by ACLED name, id, key, name or alias \"Martians\""),
                Arguments.of("actor2", "Martians", "actor2", "\"Martians\""),
                Arguments.of("assoc_actor_1", "Turkey; Martians", "assoc_actor_1", "\"Martians\""),
                Arguments.of("assoc_actor_2", "Martians", "assoc_actor_2", "\"Martians\""),
                Arguments.of("ledger_actors", "AZE", "ledger_actors", "is not KEY:ROLE"),
                Arguments.of("ledger_actors", "AZE:PERPETRATOR;:TARGET", "ledger_actors", "Entry 2 (\":TARGET\") is not KEY:ROLE"),
                Arguments.of("ledger_actors", "AZE:BYSTANDER", "ledger_actors", "has no role of PERPETRATOR"),
                Arguments.of("ledger_actors", "AZE:PERPETRATOR;XYZ:TARGET", "ledger_actors",
                        "Entry 2 (\"XYZ:TARGET\") names an actor the record does not know"),
                Arguments.of("ledger_theater", "ATLANTIS", "ledger_theater", "is not one of SYRIA"),
                Arguments.of("time_precision", "4", "time_precision", "not between 1 and 3"),
                Arguments.of("time_precision", "one", "time_precision", "not a whole number"),
                Arguments.of("ledger_date_precision", "DECADE", "ledger_date_precision", "is not one of DAY"),
                Arguments.of("ledger_end_date", "28/09/2020", "ledger_end_date", "is not a date (yyyy-MM-dd)"),
                Arguments.of("latitude", "north", "latitude", "is not a decimal number"),
                Arguments.of("latitude", "95", "latitude", "is not a latitude"),
                Arguments.of("longitude", "200", "longitude", "is not a longitude"),
                Arguments.of("latitude", "", "latitude", "A longitude needs a latitude"),
                Arguments.of("longitude", "", "longitude", "A latitude needs a longitude"),
                Arguments.of("geo_precision", "5", "geo_precision", "not between 1 and 3"),
                Arguments.of("ledger_geo_precision", "STREET", "ledger_geo_precision", "is not one of EXACT"),
                Arguments.of("fatalities", "-3", "fatalities", "not between 0 and"),
                Arguments.of("fatalities", "many", "fatalities", "not a whole number"),
                Arguments.of("fatalities", "99999999999", "fatalities", "not a whole number"),
                Arguments.of("ledger_fatalities_low", "1.5", "ledger_fatalities_low", "not a whole number"),
                Arguments.of("ledger_fatalities_high", "x", "ledger_fatalities_high", "not a whole number"),
                Arguments.of("ledger_confidence", "high", "ledger_confidence", "is not a decimal number"),
                Arguments.of("ledger_confidence", "NaN", "ledger_confidence", "is not a decimal number"),
                Arguments.of("ledger_agreement", "not-an-id", "ledger_agreement", "is not an id"),
                Arguments.of("ledger_responds_to", "123", "ledger_responds_to", "is not an id"),
                Arguments.of("ledger_sources", "{broken", "ledger_sources", "is not valid JSON"),
                Arguments.of("ledger_sources", "{\"title\":\"x\"}", "ledger_sources", "must be a JSON array"),
                Arguments.of("ledger_sources", "[\"x\"]", "ledger_sources", "source 1 is not a JSON object"),
                Arguments.of("ledger_sources", "[{\"publisher\":\"x\"}]", "ledger_sources", "source 1 has no title"),
                Arguments.of("ledger_sources", "[{\"title\":\"x\",\"date\":\"yesterday\"}]", "ledger_sources",
                        "has a date that is not yyyy-MM-dd"),
                Arguments.of("ledger_sources", "[{\"title\":7}]", "ledger_sources", "has a title that is not a string"));
    }

    @ParameterizedTest(name = "{0}={1} -> error on {2}")
    @MethodSource("badValues")
    void aBadValueIsARowErrorNamingItsColumn(String column, String value, String field, String message) {
        Map<String, String> row = validRow();
        row.put(column, value);

        List<ParsedRow> rows = read(csv(List.copyOf(row.keySet()), List.of(List.copyOf(row.values()))),
                Theater.NAGORNO_KARABAKH);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).details()).isNull();
        assertThat(rows.get(0).isValid()).isFalse();
        assertThat(rows.get(0).errors()).hasSize(1);
        assertThat(rows.get(0).errors().get(0).field()).isEqualTo(field);
        assertThat(rows.get(0).errors().get(0).message()).contains(message);
    }

    @Test
    void theBaseRowOfTheErrorCasesIsValid() {
        Map<String, String> row = validRow();

        ParsedRow parsed = read(csv(List.copyOf(row.keySet()), List.of(List.copyOf(row.values()))),
                Theater.NAGORNO_KARABAKH).get(0);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.details().theater()).isEqualTo(Theater.NAGORNO_KARABAKH);
    }

    @Test
    void aRowWithoutTheaterAndNoDefaultIsAnError() {
        Map<String, String> row = validRow();

        ParsedRow parsed = read(csv(List.copyOf(row.keySet()), List.of(List.copyOf(row.values()))), null).get(0);

        assertThat(parsed.details()).isNull();
        assertThat(parsed.errors()).containsExactly(new RowError("ledger_theater",
                "The row names no theater and the import has no default theater."));
    }

    @Test
    void everyErrorOfARowIsReportedAndOtherRowsStillRead() {
        Map<String, String> bad = validRow();
        bad.put("event_date", "yesterday");
        bad.put("actor1", "Martians");
        bad.put("fatalities", "some");
        Map<String, String> good = validRow();

        List<ParsedRow> rows = read(csv(List.copyOf(bad.keySet()),
                List.of(List.copyOf(bad.values()), List.copyOf(good.values()))), Theater.NAGORNO_KARABAKH);

        assertThat(rows.get(0).errors()).extracting(RowError::field)
                .containsExactlyInAnyOrder("event_date", "actor1", "fatalities");
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).isValid()).isTrue();
    }

    @Test
    void aRowWithTooFewOrTooManyFieldsIsAnError() {
        String csv = "event_date,event_type,sub_event_type,actor1\r\n"
                + "2020-09-27,Battles,Armed clash\r\n"
                + "2020-09-27,Battles,Armed clash,AZE,extra\r\n"
                + "2020-09-27,Battles,Armed clash,AZE\r\n";

        List<ParsedRow> rows = read(csv, Theater.NAGORNO_KARABAKH);

        assertThat(rows.get(0).errors()).containsExactly(
                new RowError(null, "The row has 3 fields but the header has 4."));
        assertThat(rows.get(1).errors()).containsExactly(
                new RowError(null, "The row has 5 fields but the header has 4."));
        assertThat(rows.get(2).isValid()).isTrue();
    }

    // ---- the file

    @Test
    void anUnterminatedQuoteFailsWithItsLine() {
        String csv = "event_date,event_type,sub_event_type,actor1,notes\r\n"
                + "2020-09-27,Battles,Armed clash,AZE,fine\r\n"
                + "2020-09-28,Battles,Armed clash,AZE,\"never closed\r\n"
                + "2020-09-29,Battles,Armed clash,AZE,more\r\n";

        assertThatThrownBy(() -> read(csv, Theater.NAGORNO_KARABAKH))
                .isInstanceOf(AcledCsvException.class)
                .isNotInstanceOf(AcledCsvLimitException.class)
                .hasMessageContaining("opened at line 3")
                .extracting(e -> ((AcledCsvException) e).line()).isEqualTo(3);
    }

    @Test
    void aStrayQuoteFailsWithItsLine() {
        String inUnquoted = "event_date,event_type,sub_event_type,actor1\n2020-09-27,Battles,Armed \"clash\",AZE\n";
        String afterQuoted = "event_date,event_type,sub_event_type,actor1\n\n2020-09-27,Battles,\"Armed\" clash,AZE\n";

        assertThatThrownBy(() -> read(inUnquoted, Theater.NAGORNO_KARABAKH))
                .isInstanceOf(AcledCsvException.class).hasMessageContaining("line 2")
                .hasMessageContaining("double quote inside an unquoted field");
        assertThatThrownBy(() -> read(afterQuoted, Theater.NAGORNO_KARABAKH))
                .isInstanceOf(AcledCsvException.class).hasMessageContaining("line 3")
                .hasMessageContaining("followed by a comma");
    }

    @Test
    void missingRequiredColumnsFailTheFile() {
        assertThatThrownBy(() -> read("event_date,sub_event_type,notes\r\n", Theater.SYRIA))
                .isInstanceOf(AcledCsvException.class)
                .hasMessageContaining("lacks the required columns event_type, actor1");
        assertThatThrownBy(() -> read("event_date,event_type,sub_event_type,EVENT_DATE,actor1\r\n", Theater.SYRIA))
                .isInstanceOf(AcledCsvException.class).hasMessageContaining("names the column \"event_date\" twice");
        assertThatThrownBy(() -> read("", Theater.SYRIA))
                .isInstanceOf(AcledCsvException.class).hasMessageContaining("empty");
        assertThat(read("event_date,event_type,sub_event_type,ledger_actors\r\n", Theater.SYRIA)).isEmpty();
    }

    @Test
    void atMostTenThousandRows() {
        StringBuilder csv = new StringBuilder("event_date,event_type,sub_event_type,actor1\r\n");
        for (int i = 0; i < AcledCsvReader.MAX_ROWS; i++) {
            csv.append("2020-09-27,Battles,Armed clash,AZE\r\n");
        }

        assertThat(read(csv.toString(), Theater.NAGORNO_KARABAKH)).hasSize(10_000);

        csv.append("2020-09-27,Battles,Armed clash,AZE\r\n");
        assertThatThrownBy(() -> read(csv.toString(), Theater.NAGORNO_KARABAKH))
                .isInstanceOf(AcledCsvLimitException.class)
                .hasMessageContaining("more than 10000 rows")
                .extracting(e -> ((AcledCsvException) e).line()).isEqualTo(10_002);
    }

    @Test
    void atMostTenMegabytes() {
        String header = "event_date,event_type,sub_event_type,actor1,notes\r\n";
        String row = "2020-09-27,Battles,Armed clash,AZE,";
        String exactly = header + row + "x".repeat((int) AcledCsvReader.MAX_BYTES - header.length() - row.length());

        assertThat(read(exactly, Theater.NAGORNO_KARABAKH)).hasSize(1);
        assertThatThrownBy(() -> read(exactly + "x", Theater.NAGORNO_KARABAKH))
                .isInstanceOf(AcledCsvLimitException.class)
                .hasMessageContaining("larger than 10485760 bytes (10 MB)");
    }

    @Test
    void theSizeLimitCountsUtf8Bytes() {
        String csv = "event_date,event_type,sub_event_type,actor1,location\r\n2020-11-08,Battles,Armed clash,AZE,Şuşa\r\n";
        long bytes = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

        assertThat(AcledCsvReader.read(new StringReader(csv), fixtures.directory, Theater.NAGORNO_KARABAKH,
                10, bytes)).hasSize(1);
        assertThatThrownBy(() -> AcledCsvReader.read(new StringReader(csv), fixtures.directory,
                Theater.NAGORNO_KARABAKH, 10, bytes - 1)).isInstanceOf(AcledCsvLimitException.class);
    }

    // ---- helpers

    /** A valid row over ACLED's and the ledger's columns, with ledger_actors blank so actor1 counts. */
    private Map<String, String> validRow() {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < AcledCsv.ACLED_COLUMNS.size(); i++) {
            row.put(AcledCsv.ACLED_COLUMNS.get(i), ACLED_ROW.get(i));
        }
        for (String column : AcledCsv.LEDGER_COLUMNS) {
            row.put(column, "");
        }
        row.put("actor2", "");
        row.put("assoc_actor_2", "");
        return row;
    }

    private List<ParsedRow> read(String csv, Theater defaultTheater) {
        return AcledCsvReader.read(new StringReader(csv), fixtures.directory, defaultTheater);
    }

    static String csv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try {
            Csv.writeRecord(out, header);
            for (List<String> row : rows) {
                Csv.writeRecord(out, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The CSV with only {@code columns}, in that order. */
    private static String project(String csv, List<String> columns) {
        try {
            Csv.Parser parser = new Csv.Parser(new StringReader(csv), Long.MAX_VALUE);
            List<String> header = parser.next().fields();
            List<List<String>> rows = new ArrayList<>();
            Csv.Row row;
            while ((row = parser.next()) != null) {
                List<String> fields = row.fields();
                rows.add(columns.stream().map(column -> fields.get(header.indexOf(column))).toList());
            }
            return csv(columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
