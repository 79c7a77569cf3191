package org.conflictledger.dataset;

import org.conflictledger.contracts.AgreementKind;
import org.conflictledger.contracts.AgreementStatus;
import org.conflictledger.contracts.TermCategory;
import org.conflictledger.contracts.Theater;
import org.conflictledger.dataset.Dataset.AgreementEntry;
import org.conflictledger.dataset.Dataset.TermConditionEntry;
import org.conflictledger.dataset.Dataset.TermDurationEntry;
import org.conflictledger.dataset.Dataset.TermEntry;
import org.conflictledger.dataset.Dataset.TermQuantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The checks of agreements.json: the seed's agreements and terms, and every kind of bad agreement rejected with its path. */
class AgreementsValidationTest {
    private static final Path SEED = Path.of("seed");
    private static final Set<String> ACTORS = Set.of("RUS", "TUR", "AZE", "ARM", "PUTIN");
    private static final String SOURCE = "[{\"title\": \"Seed document\"}]";
    private static final String SEED_SOURCE = "Seed document russia-turkey-2020.txt (untitled)";

    @Test
    void theSeedAgreementsAreValidAndEveryOneCitesTheSeedDocumentWithAReason() throws IOException {
        Dataset seed = DatasetReader.read(SEED);

        assertThat(seed.agreements()).extracting(AgreementEntry::key).containsExactlyInAnyOrder(
                "nk-statement-2020-11-09", "tr-ru-monitoring-memorandum-2020-11-11", "us-ceasefire-2020-10-26",
                "libya-ceasefire-2020-10-23");
        assertThat(seed.termCount()).isEqualTo(19);
        assertThat(seed.agreements()).allSatisfy(agreement -> {
            assertThat(agreement.reason()).startsWith("Seed record: ");
            assertThat(agreement.sources()).extracting(Dataset.SourceCitation::title).containsExactly(SEED_SOURCE);
            assertThat(agreement.notes()).isNotBlank();
            assertThat(agreement.terms()).isNotEmpty().allSatisfy(term -> {
                assertThat(term.reason()).startsWith("Seed record: ");
                assertThat(term.sources()).isEqualTo(agreement.sources());
            });
        });
    }

    @Test
    void theNinthOfNovemberStatementHoldsEveryTermTheDomainLists() throws IOException {
        AgreementEntry statement = byKey(DatasetReader.read(SEED)).get("nk-statement-2020-11-09");

        assertThat(statement.kind()).isEqualTo(AgreementKind.ARMISTICE);
        assertThat(statement.notes()).contains("armistice agreement");
        assertThat(statement.theater()).isEqualTo(Theater.NAGORNO_KARABAKH);
        assertThat(statement.signedOn()).isEqualTo(LocalDate.of(2020, 11, 9));
        assertThat(statement.inForceAt()).isEqualTo(Instant.parse("2020-11-09T21:00:00Z"));
        assertThat(statement.inForceZone()).isEqualTo("Europe/Moscow");
        assertThat(statement.signatories()).containsExactly("ALIYEV", "PASHINYAN", "PUTIN");
        assertThat(statement.status()).isEqualTo(AgreementStatus.IN_FORCE);

        Map<Integer, TermEntry> terms = statement.terms().stream()
                .collect(Collectors.toMap(TermEntry::order, Function.identity()));
        assertThat(terms).hasSize(15);
        assertThat(statement.terms()).extracting(TermEntry::category).contains(TermCategory.values());

        assertThat(terms.get(1).category()).isEqualTo(TermCategory.CEASEFIRE);
        assertThat(terms.get(1).text()).contains("00:00 Moscow time on 10 November 2020", "current territorial positions");

        Map<String, LocalDate> transfers = statement.terms().stream()
                .filter(term -> term.category() == TermCategory.TERRITORIAL_TRANSFER)
                .peek(term -> {
                    assertThat(term.obligated()).containsExactly("ARM");
                    assertThat(term.beneficiaries()).containsExactly("AZE");
                })
                .collect(Collectors.toMap(term -> term.text().replaceAll(".*(Agdam|Kalbajar|Lachin).*", "$1"),
                        TermEntry::deadline));
        assertThat(transfers).containsExactlyInAnyOrderEntriesOf(Map.of("Agdam", LocalDate.of(2020, 11, 20),
                "Kalbajar", LocalDate.of(2020, 11, 15), "Lachin", LocalDate.of(2020, 12, 1)));

        TermEntry peacekeeping = terms.get(3);
        assertThat(peacekeeping.category()).isEqualTo(TermCategory.PEACEKEEPING);
        assertThat(peacekeeping.quantities()).extracting(TermQuantity::value, TermQuantity::unit).containsExactly(
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("1960"), "personnel"),
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("90"), "armoured personnel carriers"),
                org.assertj.core.groups.Tuple.tuple(new BigDecimal("380"), "vehicles"));
        assertThat(peacekeeping.duration()).isEqualTo(
                new TermDurationEntry(Period.ofYears(5), true, Period.ofYears(5), Period.ofMonths(6)));
        TermEntry withdrawal = terms.get(4);
        assertThat(withdrawal.category()).isEqualTo(TermCategory.WITHDRAWAL);
        assertThat(withdrawal.obligated()).containsExactly("ARM");
        assertThat(withdrawal.deadline()).isNull();
        assertThat(peacekeeping.conditions()).containsExactly(new TermConditionEntry("IN_PARALLEL_WITH", 4));

        assertThat(terms.get(5).category()).isEqualTo(TermCategory.MONITORING);
        assertThat(terms.get(8).category()).isEqualTo(TermCategory.CORRIDOR);
        assertThat(terms.get(8).obligated()).containsExactly("RUS-PKF");
        assertThat(terms.get(8).quantities()).containsExactly(new TermQuantity(new BigDecimal("5"), "km",
                "width of the Lachin corridor"));
        assertThat(terms.get(8).text()).contains("Shusha", "Azeri possession");
        assertThat(terms.get(9).category()).isEqualTo(TermCategory.CONSTRUCTION);
        assertThat(terms.get(9).deadline()).isEqualTo(LocalDate.of(2023, 11, 9));
        assertThat(terms.get(9).reason()).contains("derived");
        assertThat(terms.get(10).obligated()).containsExactly("AZE");
        assertThat(terms.get(10).text()).contains("guarantees the safety of traffic along the Lachin corridor");
        assertThat(terms.get(11).category()).isEqualTo(TermCategory.RETURN_OF_DISPLACED);
        assertThat(terms.get(11).obligated()).containsExactly("UNHCR");
        assertThat(terms.get(12).category()).isEqualTo(TermCategory.PRISONER_EXCHANGE);
        assertThat(terms.get(12).text()).contains("prisoners of war", "hostages", "detainees", "remains");
        assertThat(terms.get(14).category()).isEqualTo(TermCategory.TRANSPORT_LINKS);
        assertThat(terms.get(14).obligated()).containsExactly("ARM", "FSB-BORDER");
        assertThat(terms.get(14).beneficiaries()).containsExactly("AZE");
        assertThat(terms.get(15).text()).contains("new infrastructure linking the Nakhchivan Autonomous Republic");

        // Deadlines on or before 1 December 2020: exactly the three returns of districts.
        assertThat(statement.terms()).filteredOn(term -> term.deadline() != null
                        && !term.deadline().isAfter(LocalDate.of(2020, 12, 1)))
                .extracting(TermEntry::order).containsExactlyInAnyOrder(2, 6, 7);
        // The withdrawal is added before the contingent whose condition names it.
        List<Integer> order = statement.additionOrder().stream().map(TermEntry::order).toList();
        assertThat(order.indexOf(4)).isLessThan(order.indexOf(3));
        assertThat(order).containsExactlyInAnyOrderElementsOf(terms.keySet());
    }

    @Test
    void theOtherAgreementsOfTheSeed() throws IOException {
        Dataset seed = DatasetReader.read(SEED);
        Map<String, AgreementEntry> agreements = byKey(seed);

        AgreementEntry memorandum = agreements.get("tr-ru-monitoring-memorandum-2020-11-11");
        assertThat(memorandum.kind()).isEqualTo(AgreementKind.MEMORANDUM);
        assertThat(memorandum.signedOn()).isEqualTo(LocalDate.of(2020, 11, 11));
        assertThat(memorandum.signatories()).containsExactlyInAnyOrder("TUR", "RUS");
        assertThat(memorandum.complements()).containsExactly("nk-statement-2020-11-09");
        assertThat(memorandum.terms()).singleElement()
                .satisfies(term -> assertThat(term.category()).isEqualTo(TermCategory.MONITORING));

        AgreementEntry us = agreements.get("us-ceasefire-2020-10-26");
        assertThat(us.kind()).isEqualTo(AgreementKind.CEASEFIRE);
        assertThat(us.status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(us.inForceAt()).isEqualTo(Instant.parse("2020-10-26T00:00:00Z"));
        assertThat(us.signatories()).containsExactlyInAnyOrder("AZE", "ARM");
        assertThat(us.notes()).contains("does not say who signed", "inference");
        assertThat(us.terms()).singleElement().satisfies(term -> {
            assertThat(term.order()).isEqualTo(1);
            assertThat(term.category()).isEqualTo(TermCategory.CEASEFIRE);
        });

        AgreementEntry libya = agreements.get("libya-ceasefire-2020-10-23");
        assertThat(libya.theater()).isEqualTo(Theater.LIBYA);
        assertThat(libya.status()).isEqualTo(AgreementStatus.SIGNED);
        assertThat(libya.terms()).extracting(TermEntry::category)
                .containsExactly(TermCategory.CEASEFIRE, TermCategory.WITHDRAWAL);

        // Recorded after the agreement it complements.
        List<String> order = seed.recordingOrder().stream().map(AgreementEntry::key).toList();
        assertThat(order.indexOf("tr-ru-monitoring-memorandum-2020-11-11"))
                .isGreaterThan(order.indexOf("nk-statement-2020-11-09"));
    }

    @Test
    void aValidAgreementIsReadWithEveryField() {
        List<AgreementEntry> agreements = DatasetReader.parseAgreements(agreements("""
                {"key": "moscow-protocol", "title": "Additional Protocol", "kind": "CEASEFIRE", "theater": "SYRIA",
                 "signedOn": "2020-03-05", "signedPlace": "Moscow", "inForceAt": "2020-03-05T21:01:00Z",
                 "inForceZone": "Europe/Moscow", "signatories": ["RUS", "TUR"], "witnesses": ["PUTIN"],
                 "status": "IN_FORCE", "paxAgreementId": "2200", "notes": "n", "reason": "r", "sources": %1$s,
                 "terms": [
                   {"order": 2, "article": "Article 2", "text": "A security corridor.", "category": "CORRIDOR",
                    "obligated": ["RUS", "TUR"], "beneficiaries": [], "deadline": "2020-03-15",
                    "duration": {"period": "P1Y", "autoRenew": true, "renewalPeriod": "P6M", "noticePeriod": "P1M"},
                    "quantities": [{"value": 6, "unit": "km", "of": "depth north of the M4"}, {"value": 0.5, "unit": "km"}],
                    "conditions": [{"kind": "AFTER", "term": 1}], "notes": "n", "reason": "r", "sources": %1$s},
                   {"order": 1, "text": "Ceasefire.", "category": "CEASEFIRE", "reason": "r", "sources": %1$s}
                 ]},
                {"key": "later", "title": "Later", "kind": "MEMORANDUM", "theater": "SYRIA",
                 "supersedes": ["moscow-protocol"], "reason": "r", "sources": %1$s}""".formatted(SOURCE)),
                "agreements.json", ACTORS);

        AgreementEntry protocol = agreements.get(0);
        assertThat(protocol.witnesses()).containsExactly("PUTIN");
        assertThat(protocol.paxAgreementId()).isEqualTo("2200");
        TermEntry corridor = protocol.terms().get(0);
        assertThat(corridor.duration()).isEqualTo(
                new TermDurationEntry(Period.ofYears(1), true, Period.ofMonths(6), Period.ofMonths(1)));
        assertThat(corridor.quantities()).extracting(TermQuantity::value)
                .containsExactly(new BigDecimal("6"), new BigDecimal("0.5"));
        assertThat(protocol.additionOrder()).extracting(TermEntry::order).containsExactly(1, 2);
        assertThat(agreements.get(1).status()).isNull();
        assertThat(agreements.get(1).supersedes()).containsExactly("moscow-protocol");
        assertThat(new Dataset(List.of(), List.of(), List.of(agreements.get(1), protocol)).recordingOrder())
                .extracting(AgreementEntry::key).containsExactly("moscow-protocol", "later");
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        InvalidDatasetException invalid = invalid(agreements("""
                {"key": "Bad Key", "title": " ", "kind": "TREATY", "theater": "MARS", "signedOn": "2020-02-30",
                 "inForceAt": "2020-11-10 00:00", "inForceZone": "Moscow/Kremlin", "signatories": ["RUS", "RUS", "XYZ"],
                 "witnesses": "PUTIN", "status": "ACTIVE", "paxAgreementId": "PA X", "colour": "red", "sources": []},
                {"key": "in-force", "title": "T", "kind": "CEASEFIRE", "theater": "SYRIA", "status": "IN_FORCE",
                 "supersedes": ["in-force", "nowhere"], "reason": "r", "sources": %1$s,
                 "terms": [
                   {"order": 0, "text": "t", "category": "PEACE", "reason": "r", "sources": %1$s},
                   {"order": 2, "text": " ", "category": "CEASEFIRE", "obligated": ["ARM", "XYZ"], "deadline": "soon",
                    "duration": {"period": "5 years", "autoRenew": "yes"}, "quantities": [{"value": -1}],
                    "conditions": [{"kind": "WHILE", "term": 2}, {"kind": "AFTER", "term": 9}, {"kind": "AFTER", "term": "one"}],
                    "reason": "r", "sources": %1$s},
                   {"order": 3, "text": "t", "category": "PEACEKEEPING", "colour": "blue",
                    "duration": {"period": "P5Y", "renewalPeriod": "P5Y", "noticePeriod": "P5Y"}, "reason": "r", "sources": %1$s},
                   {"order": 3, "text": "again", "category": "CEASEFIRE", "reason": "r", "sources": %1$s}
                 ]},
                {"key": "in-force", "title": "Twice", "kind": "CEASEFIRE", "theater": "SYRIA", "signedOn": "2020-01-01",
                 "reason": "r", "sources": %1$s}""".formatted(SOURCE)));

        assertThat(invalid.problems()).extracting(DatasetProblem::toString).contains(
                "agreements.json $.agreements[0].key: must be an agreement key matching [a-z0-9][a-z0-9-]{2,99}, was \"Bad Key\"",
                "agreements.json $.agreements[0].title: is required and must not be blank",
                "agreements.json $.agreements[0].signedOn: must be a date (YYYY-MM-DD), was \"2020-02-30\"",
                "agreements.json $.agreements[0].inForceAt: must be an instant in UTC such as 2020-11-09T21:00:00Z, was \"2020-11-10 00:00\"",
                "agreements.json $.agreements[0].inForceZone: is not a time zone (e.g. Europe/Moscow), was \"Moscow/Kremlin\"",
                "agreements.json $.agreements[0].signatories[1]: RUS is named twice (also at $.agreements[0].signatories[0])",
                "agreements.json $.agreements[0].signatories[2]: unknown actor key XYZ (not defined in actors.json)",
                "agreements.json $.agreements[0].witnesses: must be an array of keys",
                "agreements.json $.agreements[0].paxAgreementId: must be an id of 1 to 64 characters without blanks or control characters, was \"PA X\"",
                "agreements.json $.agreements[0].reason: is required",
                "agreements.json $.agreements[1].inForceAt: is required with status IN_FORCE (the instant it took effect)",
                "agreements.json $.agreements[1].signatories: at least one signatory is required unless the status is DRAFT (the status is IN_FORCE)",
                "agreements.json $.agreements[1].supersedes[0]: an agreement cannot name itself",
                "agreements.json $.agreements[1].supersedes[1]: unknown agreement key nowhere (not defined in agreements.json)",
                "agreements.json $.agreements[1].terms[0].order: must be a whole number from 1 to 10000, was 0",
                "agreements.json $.agreements[1].terms[1].text: is required and must not be blank",
                "agreements.json $.agreements[1].terms[1].obligated[1]: unknown actor key XYZ (not defined in actors.json)",
                "agreements.json $.agreements[1].terms[1].deadline: must be a date (YYYY-MM-DD), was \"soon\"",
                "agreements.json $.agreements[1].terms[1].duration.period: must be an ISO 8601 period such as P5Y or P6M, was \"5 years\"",
                "agreements.json $.agreements[1].terms[1].duration.autoRenew: must be true or false",
                "agreements.json $.agreements[1].terms[1].quantities[0].value: must be a number of at least 0, was -1",
                "agreements.json $.agreements[1].terms[1].quantities[0].unit: is required",
                "agreements.json $.agreements[1].terms[1].conditions[0].term: a term cannot be a condition of itself",
                "agreements.json $.agreements[1].terms[1].conditions[1].term: names no term of this agreement: no term has order 9",
                "agreements.json $.agreements[1].terms[1].conditions[2].term: must be the order (a whole number) of another term of this agreement, was \"one\"",
                "agreements.json $.agreements[1].terms[2].duration.renewalPeriod: is only kept for a term that renews automatically (autoRenew true)",
                "agreements.json $.agreements[1].terms[2].duration.noticePeriod: must be shorter than the periods it gives notice of, was P5Y",
                "agreements.json $.agreements[1].terms[3].order: duplicate order 3 (also at $.agreements[1].terms[2].order)",
                "agreements.json $.agreements[2].key: duplicate key in-force (also at $.agreements[1].key)",
                "agreements.json $.agreements[2].signatories: at least one signatory is required unless the status is DRAFT (the status is SIGNED, the default with signedOn)");
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("agreements.json $.agreements[0].kind: unknown kind \"TREATY\""));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("agreements.json $.agreements[0].theater: unknown theater \"MARS\""));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("agreements.json $.agreements[0].status: unknown status \"ACTIVE\""));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("agreements.json $.agreements[0].colour: unknown field"));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("agreements.json $.agreements[0].sources: at least one source is required"));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("agreements.json $.agreements[1].terms[0].category: unknown category \"PEACE\""));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("agreements.json $.agreements[1].terms[1].conditions[0].kind: unknown kind \"WHILE\""));
        assertThat(invalid.problems()).extracting(DatasetProblem::toString).anySatisfy(problem ->
                assertThat(problem).startsWith("agreements.json $.agreements[1].terms[2].colour: unknown field"));
    }

    @Test
    void conditionAndReferenceCyclesAreRejected() {
        InvalidDatasetException invalid = invalid(agreements("""
                {"key": "first", "title": "A", "kind": "CEASEFIRE", "theater": "SYRIA", "complements": ["second"],
                 "reason": "r", "sources": %1$s,
                 "terms": [
                   {"order": 1, "text": "t", "category": "CEASEFIRE", "conditions": [{"kind": "AFTER", "term": 3}],
                    "reason": "r", "sources": %1$s},
                   {"order": 2, "text": "t", "category": "CEASEFIRE", "conditions": [{"kind": "AFTER", "term": 1}],
                    "reason": "r", "sources": %1$s},
                   {"order": 3, "text": "t", "category": "CEASEFIRE", "conditions": [{"kind": "IN_PARALLEL_WITH", "term": 2}],
                    "reason": "r", "sources": %1$s}
                 ]},
                {"key": "second", "title": "B", "kind": "CEASEFIRE", "theater": "SYRIA", "supersedes": ["first"],
                 "reason": "r", "sources": %1$s}""".formatted(SOURCE)));

        assertThat(invalid.problems()).extracting(DatasetProblem::toString).containsExactly(
                "agreements.json $.agreements[0].terms[0].conditions: condition cycle between terms 1 -> 3 -> 2 -> 1"
                        + " (agreements-service needs the term a condition names to be added first)",
                "agreements.json $.agreements[0]: supersedes/complements cycle first -> second -> first"
                        + " (agreements-service needs an agreement named there to be recorded first)");
    }

    @Test
    void theFolderReportsTheProblemsOfAllThreeFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.json"), """
                {"actors": [{"key": "RUS", "name": "Russia", "kind": "PLANET", "reason": "r", "sources": %s}]}"""
                .formatted(SOURCE));
        Files.writeString(dir.resolve("agreements.json"), agreements("""
                {"key": "truce", "title": "Truce", "kind": "CEASEFIRE", "theater": "SYRIA", "signedOn": "2020-03-05",
                 "signatories": ["RUS", "TUR"], "reason": "r", "sources": %s}""".formatted(SOURCE)));
        Files.writeString(dir.resolve("events.json"), """
                {"events": [{"key": "violation", "theater": "SYRIA", "type": "CEASEFIRE_VIOLATION", "date": "2020-03-06",
                  "actors": [{"actor": "RUS", "role": "PERPETRATOR"}], "agreement": "truce", "term": "1",
                  "reason": "r", "sources": %s}]}""".formatted(SOURCE));

        InvalidDatasetException invalid = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.read(dir));

        assertThat(invalid.problems()).extracting(DatasetProblem::toString)
                .anySatisfy(problem -> assertThat(problem).startsWith("actors.json $.actors[0].kind: unknown kind"))
                .contains("agreements.json $.agreements[0].signatories[1]: unknown actor key TUR (not defined in actors.json)",
                        "events.json $.events[0].term: agreement truce has no term \"1\" (give the order of one of its"
                                + " terms, e.g. \"1\", or its article)")
                .noneMatch(problem -> problem.contains("unknown agreement key"));
    }

    @Test
    void anAgreementsFileThatIsNotJsonIsReportedWithItsPosition(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("actors.json"), "{\"actors\": []}");
        Files.writeString(dir.resolve("agreements.json"), "{\"agreements\": [");

        InvalidDatasetException invalid = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.read(dir));

        assertThat(invalid.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("agreements.json");
            assertThat(problem.message()).startsWith("is not valid JSON");
        });
    }

    private static String agreements(String items) {
        return "{\"description\": \"test\", \"agreements\": [" + items + "]}";
    }

    private static InvalidDatasetException invalid(String json) {
        return catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.parseAgreements(json, "agreements.json", ACTORS));
    }

    private static Map<String, AgreementEntry> byKey(Dataset dataset) {
        return dataset.agreements().stream().collect(Collectors.toMap(AgreementEntry::key, Function.identity()));
    }
}
