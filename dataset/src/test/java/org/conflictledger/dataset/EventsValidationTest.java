package org.conflictledger.dataset;

import org.conflictledger.contracts.ActorRole;
import org.conflictledger.contracts.ConflictEventType;
import org.conflictledger.contracts.DatePrecision;
import org.conflictledger.contracts.Theater;
import org.conflictledger.dataset.Dataset.EventActor;
import org.conflictledger.dataset.Dataset.EventEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The checks of events.json: the seed's events, and every kind of bad event rejected with its path. */
class EventsValidationTest {
    private static final Path SEED = Path.of("seed");
    private static final Set<String> ACTORS = Set.of("RUS", "TUR", "SYR", "AZE", "ARM");
    private static final String SOURCE = "[{\"title\": \"Seed document\"}]";

    @Test
    void theSeedEventsAreValidAndHoldWhatTheDomainLists() throws IOException {
        Dataset seed = DatasetReader.read(SEED);
        Map<String, EventEntry> events = seed.events().stream()
                .collect(Collectors.toMap(EventEntry::key, Function.identity()));

        assertThat(events).hasSize(13);
        EventEntry idlib = events.get("idlib-airstrike-2020-02-27");
        assertThat(idlib.date()).isEqualTo(LocalDate.of(2020, 2, 27));
        assertThat(idlib.theater()).isEqualTo(Theater.SYRIA);
        assertThat(idlib.subType()).isEqualTo("AIR_DRONE_STRIKE");
        assertThat(idlib.fatalities().best()).isEqualTo(34);
        assertThat(idlib.actors()).contains(new EventActor("SYR", ActorRole.PERPETRATOR),
                new EventActor("TUR", ActorRole.TARGET));

        EventEntry jet = events.get("russian-jet-downed-2015-11");
        assertThat(jet.datePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(jet.date()).isEqualTo(LocalDate.of(2015, 11, 1));
        assertThat(events.get("turkey-intervenes-in-libya-2020-01").datePrecision()).isEqualTo(DatePrecision.MONTH);

        assertThat(events.get("nagorno-karabakh-statement-signed-2020-11-09").actors())
                .filteredOn(actor -> actor.role() == ActorRole.SIGNATORY).extracting(EventActor::actor)
                .contains("ALIYEV", "PASHINYAN", "PUTIN");
        assertThat(events.values()).filteredOn(event -> event.type() == ConflictEventType.CEASEFIRE_VIOLATION)
                .extracting(EventEntry::key).containsExactlyInAnyOrder("ceasefire-violation-by-azerbaijan-2020-10-26",
                        "ceasefire-violation-by-armenia-2020-10-26");
        assertThat(events.values()).filteredOn(event -> event.key().startsWith("ceasefire-violation-"))
                .hasSize(2).allSatisfy(event -> {
                    assertThat(event.type()).isEqualTo(ConflictEventType.CEASEFIRE_VIOLATION);
                    assertThat(event.agreement()).isEqualTo("us-ceasefire-2020-10-26");
                    assertThat(event.term()).isEqualTo("1");
                    assertThat(event.date()).isEqualTo(LocalDate.of(2020, 10, 26));
                    assertThat(event.notes()).contains("US-brokered ceasefire").doesNotContain("BATTLE");
                });
        // The events that mark an agreement name it.
        assertThat(events.get("us-brokered-ceasefire-2020-10-26").agreement()).isEqualTo("us-ceasefire-2020-10-26");
        assertThat(events.get("libya-permanent-ceasefire-2020-10-23").agreement())
                .isEqualTo("libya-ceasefire-2020-10-23");
        assertThat(events.get("nagorno-karabakh-statement-signed-2020-11-09").agreement())
                .isEqualTo("nk-statement-2020-11-09");
        assertThat(events.get("turkish-russian-monitoring-centre-memorandum-2020-11-11").agreement())
                .isEqualTo("tr-ru-monitoring-memorandum-2020-11-11");
        assertThat(events.values()).filteredOn(event -> event.agreement() != null).hasSize(6)
                .allSatisfy(event -> assertThat(event.type()).isIn(ConflictEventType.CEASEFIRE_VIOLATION,
                        ConflictEventType.CEASEFIRE_DECLARED, ConflictEventType.AGREEMENT_SIGNED));
        assertThat(events.values()).allSatisfy(event -> {
            assertThat(event.reason()).startsWith("Seed record: ");
            assertThat(event.sources()).extracting(Dataset.SourceCitation::title)
                    .containsExactly("Seed document russia-turkey-2020.txt (untitled)");
            assertThat(event.confidence()).isNotNull();
        });
    }

    @Test
    void aValidEventIsReadWithEveryField() {
        List<EventEntry> events = DatasetReader.parseEvents(events("""
                {"key": "strike-1", "theater": "SYRIA", "type": "EXPLOSION_REMOTE_VIOLENCE", "subType": "AIR_DRONE_STRIKE",
                 "date": "2020-02-01", "datePrecision": "MONTH", "endDate": "2020-02-27",
                 "location": {"place": "Saraqib", "admin1": "Idlib", "country": "Syria",
                              "latitude": 35.86, "longitude": 36.8, "geoPrecision": "NEAR"},
                 "actors": [{"actor": "SYR", "role": "PERPETRATOR"}, {"actor": "TUR", "role": "TARGET"}],
                 "fatalities": {"low": 30, "best": 34, "high": 36}, "notes": "n", "confidence": 0.9,
                 "acledEventId": "SYR1", "reason": "r", "sources": %s}""".formatted(SOURCE)), "events.json", ACTORS);

        EventEntry event = events.get(0);
        assertThat(event.location().latitude()).isEqualTo(35.86);
        assertThat(event.fatalities().high()).isEqualTo(36);
        assertThat(event.endDate()).isEqualTo(LocalDate.of(2020, 2, 27));
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        InvalidDatasetException invalid = invalid(events("""
                {"key": "Bad Key", "theater": "MARS", "type": "BATTLE", "subType": "AIR_DRONE_STRIKE",
                 "date": "2020-02-30", "actors": [{"actor": "XYZ", "role": "PERPETRATOR"},
                 {"actor": "TUR", "role": "VICTIM"}], "reason": "r", "sources": %1$s},
                {"key": "violation", "theater": "SYRIA", "type": "CEASEFIRE_VIOLATION", "date": "2020-03-06",
                 "actors": [], "reason": " ", "sources": [], "colour": "red"},
                {"key": "month", "theater": "SYRIA", "type": "BATTLE", "datePrecision": "MONTH", "date": "2020-11-15",
                 "endDate": "2020-11-01", "location": {"latitude": 40.0, "geoPrecision": "SOMEWHERE"},
                 "actors": [{"actor": "RUS", "role": "TARGET"}, {"actor": "RUS", "role": "TARGET"}],
                 "fatalities": {"low": 40, "best": 34, "high": -1}, "confidence": 1.5, "reason": "r", "sources": %1$s},
                {"key": "month", "theater": "SYRIA", "type": "STATEMENT", "subType": "NO_SUCH",
                 "actors": [{"actor": "RUS", "role": "MEDIATOR"}], "sources": %1$s}""".formatted(SOURCE)));

        assertThat(invalid.problems()).extracting(DatasetProblem::toString).contains(
                "events.json $.events[0].key: must be an event key matching [a-z0-9][a-z0-9-]{2,99}, was \"Bad Key\"",
                "events.json $.events[0].date: must be a date (YYYY-MM-DD), was \"2020-02-30\"",
                "events.json $.events[0].actors[0].actor: unknown actor key XYZ (not defined in actors.json)",
                "events.json $.events[2].location.longitude: give both latitude and longitude, or neither",
                "events.json $.events[2].date: with datePrecision MONTH the date is the first of the month, was 2020-11-15",
                "events.json $.events[2].endDate: must not be before date (2020-11-15)",
                "events.json $.events[2].actors[1]: actor RUS is named as TARGET twice (also at $.events[2].actors[0])",
                "events.json $.events[2].fatalities.high: must be a whole number of at least 0, was -1",
                "events.json $.events[2].fatalities: must hold low <= best <= high where given, was 40 / 34 / null",
                "events.json $.events[2].confidence: must be from 0 to 1, was 1.5",
                "events.json $.events[3].key: duplicate key month (also at $.events[2].key)",
                "events.json $.events[3].date: is required",
                "events.json $.events[3].reason: is required");
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("events.json $.events[0].theater: unknown theater \"MARS\""));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("events.json $.events[0].subType: \"AIR_DRONE_STRIKE\" does not fit a BATTLE"));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("events.json $.events[0].actors[1].role: unknown role \"VICTIM\""));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("events.json $.events[1].agreement: a CEASEFIRE_VIOLATION must name its agreement"));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("events.json $.events[1].actors: at least one actor is required"));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("events.json $.events[1].sources: at least one source is required"));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("events.json $.events[1].colour: unknown field"));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("events.json $.events[2].location.geoPrecision: unknown geoPrecision \"SOMEWHERE\""));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("events.json $.events[3].subType: unknown subType \"NO_SUCH\""));
    }

    @Test
    void aViolationNamesItsAgreementByKeyAndATermOfIt() {
        List<Dataset.AgreementEntry> agreements = DatasetReader.parseAgreements("""
                {"agreements": [{"key": "truce", "title": "Truce", "kind": "CEASEFIRE", "theater": "SYRIA",
                  "signedOn": "2020-03-05", "signatories": ["RUS", "TUR"], "reason": "r", "sources": %1$s,
                  "terms": [{"order": 1, "article": "Article 1", "text": "Ceasefire.", "category": "CEASEFIRE",
                             "reason": "r", "sources": %1$s},
                            {"order": 2, "text": "Corridor.", "category": "CORRIDOR", "reason": "r", "sources": %1$s}]}]}"""
                .formatted(SOURCE), "agreements.json", ACTORS);
        String violation = """
                {"key": "%s", "theater": "SYRIA", "type": "CEASEFIRE_VIOLATION", "date": "2020-03-06",
                 "actors": [{"actor": "SYR", "role": "PERPETRATOR"}], "agreement": %s, "term": %s,
                 "reason": "r", "sources": %s}""";

        List<EventEntry> valid = DatasetReader.parseEvents(events(String.join(",",
                violation.formatted("by-order", "\"truce\"", "\"2\"", SOURCE),
                violation.formatted("by-article", "\"truce\"", "\"article 1\"", SOURCE),
                violation.formatted("by-term-number", "\"truce\"", "\"term 1\"", SOURCE),
                violation.formatted("agreement-only", "\"truce\"", "null", SOURCE))), "events.json", ACTORS, agreements);
        assertThat(valid).extracting(EventEntry::agreement).containsOnly("truce");
        assertThat(valid).extracting(EventEntry::term).containsExactly("2", "article 1", "term 1", null);

        InvalidDatasetException invalid = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.parseEvents(events(String.join(",",
                        violation.formatted("no-agreement", "null", "null", SOURCE),
                        violation.formatted("unknown-agreement", "\"armistice\"", "\"1\"", SOURCE),
                        violation.formatted("unknown-term", "\"truce\"", "\"3\"", SOURCE),
                        violation.formatted("bad-key", "\"Truce\"", "null", SOURCE),
                        """
                        {"key": "term-alone", "theater": "SYRIA", "type": "BATTLE", "date": "2020-03-06",
                         "actors": [{"actor": "SYR", "role": "PERPETRATOR"}], "term": "1", "reason": "r", "sources": %s}"""
                                .formatted(SOURCE))), "events.json", ACTORS, agreements));

        assertThat(invalid.problems()).extracting(DatasetProblem::toString).containsExactly(
                "events.json $.events[0].agreement: a CEASEFIRE_VIOLATION must name its agreement: the key of an"
                        + " agreement of agreements.json",
                "events.json $.events[1].agreement: unknown agreement key armistice (not defined in agreements.json)",
                "events.json $.events[2].term: agreement truce has no term \"3\" (give the order of one of its terms,"
                        + " e.g. \"1\", or its article)",
                "events.json $.events[3].agreement: must be an agreement key matching [a-z0-9][a-z0-9-]{2,99}, was"
                        + " \"Truce\"",
                "events.json $.events[4].term: a term can only be named together with its agreement");
    }

    @Test
    void theFolderReportsTheProblemsOfBothFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.json"), """
                {"actors": [{"key": "RUS", "name": "Russia", "kind": "PLANET", "reason": "r", "sources": %s}]}"""
                .formatted(SOURCE));
        Files.writeString(dir.resolve("events.json"), events("""
                {"key": "talks", "theater": "SYRIA", "type": "NEGOTIATION", "date": "2020-10-09",
                 "actors": [{"actor": "RUS", "role": "MEDIATOR"}, {"actor": "TUR", "role": "AFFECTED"}],
                 "reason": "r", "sources": %s}""".formatted(SOURCE)));

        InvalidDatasetException invalid = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.read(dir));

        assertThat(invalid.problems()).extracting(DatasetProblem::toString)
                .anySatisfy(problem -> assertThat(problem).startsWith("actors.json $.actors[0].kind: unknown kind"))
                .contains("events.json $.events[0].actors[1].actor: unknown actor key TUR (not defined in actors.json)")
                .noneMatch(problem -> problem.contains("unknown actor key RUS"));
    }

    @Test
    void anEventsFileThatIsNotJsonIsReportedWithItsPosition(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.json"), "{\"actors\": []}");
        Files.writeString(dir.resolve("events.json"), "{\"events\": [");

        InvalidDatasetException invalid = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.read(dir));

        assertThat(invalid.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("events.json");
            assertThat(problem.message()).startsWith("is not valid JSON");
        });
    }

    private static String events(String items) {
        return "{\"description\": \"test\", \"events\": [" + items + "]}";
    }

    private static InvalidDatasetException invalid(String json) {
        return catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.parseEvents(json, "events.json", ACTORS));
    }
}
