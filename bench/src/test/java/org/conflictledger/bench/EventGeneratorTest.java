package org.conflictledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventGeneratorTest {
    private final EventGenerator generator = new EventGenerator(13);

    @Test
    void theSameSeedAndIndexGiveTheSameEvent() {
        assertThat(new EventGenerator(13).event(42)).usingRecursiveComparison().isEqualTo(generator.event(42));
        assertThat(new EventGenerator(14).event(42).acledEventId()).isNotEqualTo(generator.event(42).acledEventId());
    }

    @Test
    void theatersDatesAndActorsAreSpreadAsTheRecordsCoverageIs() {
        Map<String, Integer> theaters = new HashMap<>();
        Map<String, Integer> actor1 = new HashMap<>();
        Set<String> ids = new HashSet<>();
        int inTheWar = 0;
        int nagornoKarabakh = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            EventGenerator.Event e = generator.event(i);
            theaters.merge(e.theater(), 1, Integer::sum);
            actor1.merge(e.actors().get(0)[0], 1, Integer::sum);
            assertThat(ids.add(e.acledEventId())).isTrue();
            assertThat(e.date()).isBetween(LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31));
            assertThat(e.actors().stream().map(a -> a[0]).distinct().count()).isEqualTo(e.actors().size());
            if (e.theater().equals("NAGORNO_KARABAKH")) {
                nagornoKarabakh++;
                if (!e.date().isBefore(LocalDate.of(2020, 9, 27)) && !e.date().isAfter(LocalDate.of(2020, 11, 10))) {
                    inTheWar++;
                }
            }
        }
        assertThat(theaters).containsOnlyKeys("SYRIA", "LIBYA", "NAGORNO_KARABAKH", "SOUTH_CAUCASUS", "EASTERN_MEDITERRANEAN");
        assertThat(theaters.get("SYRIA")).isBetween(n * 45 / 100, n * 55 / 100);
        assertThat(theaters.get(generator.rarestTheater()))
                .as("the rarest theater (the bench's small export) has the fewest events")
                .isEqualTo(theaters.values().stream().mapToInt(Integer::intValue).min().orElseThrow());
        assertThat(inTheWar).as("most Nagorno-Karabakh events fall in the 44-day war").isGreaterThan(nagornoKarabakh * 7 / 10);
        assertThat(actor1.get("SYR")).as("a few actors in many events").isGreaterThan(n / 20);
        assertThat(actor1.size()).as("and a long tail").isGreaterThan(60);
    }

    @Test
    void aCsvRowHasAFieldForEveryColumnAndQuotesWhatNeedsIt() {
        String header = EventGenerator.csvHeader();
        int columns = header.strip().split(",").length;
        for (int i = 0; i < 500; i++) {
            String row = EventGenerator.csvRow(generator.event(i));
            assertThat(fields(row.strip())).as(row).isEqualTo(columns);
        }
    }

    @Test
    void theJsonOfAReportIsValidAndNamesTheEventsActors() throws Exception {
        EventGenerator.Event e = generator.event(7);
        JsonNode json = Report.JSON.readTree(EventGenerator.json(e, "bench \"quoted\""));
        assertThat(json.path("theater").asText()).isEqualTo(e.theater());
        assertThat(json.path("type").asText()).isEqualTo(e.subType().ledgerType);
        assertThat(json.path("actors").get(0).path("actor").asText()).isEqualTo(e.actors().get(0)[0]);
        assertThat(json.path("reason").asText()).isEqualTo("bench \"quoted\"");
    }

    @Test
    void everyActorKeyIsOneTheApiAccepts() {
        assertThat(generator.actors()).allSatisfy(a -> assertThat(a.key()).matches("[A-Z0-9][A-Z0-9_-]{1,63}"));
        assertThat(generator.actors().stream().map(EventGenerator.Actor::key).distinct().count())
                .isEqualTo(generator.actors().size());
    }

    /** Fields of one CSV line (quotes respected). */
    private static int fields(String line) {
        int count = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                count++;
            }
        }
        return count;
    }
}
