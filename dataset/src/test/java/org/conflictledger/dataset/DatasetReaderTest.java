package org.conflictledger.dataset;

import org.conflictledger.contracts.ActorKind;
import org.conflictledger.contracts.RelationshipKind;
import org.conflictledger.contracts.Theater;
import org.conflictledger.dataset.Dataset.ActorEntry;
import org.conflictledger.dataset.Dataset.RelationshipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DatasetReaderTest {
    private static final Path SEED = Path.of("seed");
    private static final String SOURCE = "[{\"title\": \"Seed document\"}]";

    @Test
    void theSeedDatasetIsValid() throws IOException {
        Dataset seed = DatasetReader.read(SEED);

        assertThat(seed.actors()).hasSize(26);
        assertThat(seed.relationshipCount()).isEqualTo(42);
    }

    @Test
    void theSeedHoldsEveryActorTheDomainNames() throws IOException {
        Map<String, ActorEntry> actors = byKey(DatasetReader.read(SEED));

        assertThat(actors.keySet()).containsExactlyInAnyOrder("RUS", "TUR", "AZE", "ARM", "ARTSAKH", "USA", "FRA",
                "OSCE-MINSK", "IRN", "SYR", "EGY", "ARE", "GNA", "LNA", "RUS-PMC", "SNA", "SYR-KURDS", "GRC", "CYP",
                "UNHCR", "RUS-PKF", "FSB-BORDER", "ALIYEV", "PASHINYAN", "PUTIN", "HARUTYUNYAN");
        assertThat(actors.values()).filteredOn(actor -> actor.kind() == ActorKind.STATE)
                .allSatisfy(state -> assertThat(state.key()).matches("[A-Z]{3}").isEqualTo(state.country()));
        assertThat(actors.get("PUTIN").affiliation()).isEqualTo("RUS");
        assertThat(actors.get("ALIYEV").affiliation()).isEqualTo("AZE");
        assertThat(actors.get("PASHINYAN").affiliation()).isEqualTo("ARM");
        assertThat(actors.get("HARUTYUNYAN").affiliation()).isEqualTo("ARTSAKH");
        assertThat(actors.get("RUS-PKF").affiliation()).isEqualTo("RUS");
        assertThat(actors.get("FSB-BORDER").affiliation()).isEqualTo("RUS");
        assertThat(actors.get("GNA").kind()).isEqualTo(ActorKind.GOVERNMENT);
        assertThat(actors.get("ARTSAKH").kind()).isEqualTo(ActorKind.SELF_DECLARED_ENTITY);
    }

    @Test
    void everySeedRecordCitesTheSeedDocumentWithAReason() throws IOException {
        Dataset seed = DatasetReader.read(SEED);

        assertThat(seed.actors()).allSatisfy(actor -> {
            assertThat(actor.reason()).startsWith("Seed record: ");
            assertThat(actor.sources()).isNotEmpty();
            assertThat(actor.relationships()).allSatisfy(relationship -> {
                assertThat(relationship.reason()).startsWith("Seed record: ");
                assertThat(relationship.sources()).isEqualTo(actor.sources());
                assertThat(relationship.confidence()).isBetween(0.0, 1.0);
            });
        });
    }

    @Test
    void theSeedHasTheMinskGroupCoChairsSince1992AndTurkeyBehindTheGna() throws IOException {
        Map<String, ActorEntry> actors = byKey(DatasetReader.read(SEED));

        for (String coChair : List.of("RUS", "FRA", "USA")) {
            assertThat(actors.get(coChair).relationships()).anySatisfy(relationship -> {
                assertThat(relationship.kind()).isEqualTo(RelationshipKind.CO_CHAIRS);
                assertThat(relationship.counterpart()).isEqualTo("OSCE-MINSK");
                assertThat(relationship.validFrom()).isEqualTo(LocalDate.of(1992, 1, 1));
            });
        }
        assertThat(actors.get("TUR").relationships()).extracting(RelationshipEntry::identity)
                .contains(new Dataset.Identity(RelationshipKind.SUPPORTS, "GNA", Theater.LIBYA, null, null));
    }

    @Test
    void registrationPutsAnActorAfterTheOneItIsAffiliatedWith() throws IOException {
        List<String> order = DatasetReader.read(SEED).registrationOrder().stream().map(ActorEntry::key).toList();

        assertThat(order.indexOf("PUTIN")).isGreaterThan(order.indexOf("RUS"));
        assertThat(order.indexOf("HARUTYUNYAN")).isGreaterThan(order.indexOf("ARTSAKH"));

        Dataset reversed = DatasetReader.parseActors("""
                {"actors": [
                  {"key": "PUTIN", "name": "Vladimir Putin", "kind": "LEADER", "affiliation": "RUS", "reason": "r", "sources": %s},
                  {"key": "RUS", "name": "Russia", "kind": "STATE", "reason": "r", "sources": %s}
                ]}""".formatted(SOURCE, SOURCE), "actors.json");
        assertThat(reversed.registrationOrder()).extracting(ActorEntry::key).containsExactly("RUS", "PUTIN");
    }

    @Test
    void anUnknownCounterpartIsRejectedWithItsPath() {
        InvalidDatasetException invalid = invalid("""
                {"actors": [
                  {"key": "TUR", "name": "Turkey", "kind": "STATE", "reason": "r", "sources": %s},
                  {"key": "RUS", "name": "Russia", "kind": "STATE", "reason": "r", "sources": %s,
                   "relationships": [
                     {"kind": "OPPOSES", "counterpart": "TUR", "theater": "SYRIA", "reason": "r", "sources": %s},
                     {"kind": "SUPPORTS", "counterpart": "XYZ", "theater": "LIBYA", "reason": "r", "sources": %s}
                   ]}
                ]}""".formatted(SOURCE, SOURCE, SOURCE, SOURCE));

        assertThat(invalid.problems()).containsExactly(new DatasetProblem("actors.json",
                "$.actors[1].relationships[1].counterpart", "unknown actor key XYZ (not defined in actors.json)"));
    }

    @Test
    void theSeedGivesTheStatesTheirWikidataItems() throws IOException {
        Map<String, ActorEntry> actors = byKey(DatasetReader.read(SEED));
        assertThat(actors.get("TUR").externalIds()).containsExactly(new Dataset.ExternalIdEntry("wikidata", "Q43"));
        assertThat(actors.get("RUS").externalIds()).containsExactly(new Dataset.ExternalIdEntry("wikidata", "Q159"));
        assertThat(actors.get("GNA").externalIds()).isEmpty();
    }

    @Test
    void externalIdsAreCheckedByTheirSchemesRulesAndAUniqueOneNamesOneActor() {
        InvalidDatasetException invalid = invalid("""
                {"actors": [
                  {"key": "TUR", "name": "Turkey", "kind": "STATE", "reason": "r", "sources": %s,
                   "externalIds": [{"scheme": "wikidata", "value": "Q43"}, {"scheme": "acled-interaction", "value": "1"},
                                   {"scheme": "Wikidata", "value": "Q1"}, {"scheme": "ucdp", "value": "x"},
                                   {"scheme": "wikidata", "value": "Q2", "note": "?"},
                                   {"scheme": "acled-interaction", "value": "1"}]},
                  {"key": "RUS", "name": "Russia", "kind": "STATE", "reason": "r", "sources": %s,
                   "externalIds": [{"scheme": "wikidata", "value": "Q43"}, {"scheme": "acled-interaction", "value": "1"}]}
                ]}""".formatted(SOURCE, SOURCE));

        assertThat(invalid.problems()).extracting(DatasetProblem::path).containsExactlyInAnyOrder(
                "$.actors[0].externalIds[2].scheme", "$.actors[0].externalIds[3].value",
                "$.actors[0].externalIds[4].note", "$.actors[0].externalIds[5]", "$.actors[1].externalIds[0]");
        assertThat(invalid.problems()).extracting(DatasetProblem::message)
                .contains("wikidata:Q43 names one actor, but is also at $.actors[0].externalIds[0]");
    }

    @Test
    void anIdInAFieldOfItsOwnIsCheckedByTheServicesRule() {
        assertThat(List.of("SYR1234", "x".repeat(64), "AZE-2020/11:07")).allMatch(id -> DatasetReader.EXTERNAL_ID.matcher(id).matches());
        assertThat(List.of("", "SYR 1234", "SYR\u00A01234", "SYR\u200B1234", "A\u0000", "A\u0085", "x".repeat(65)))
                .noneMatch(id -> DatasetReader.EXTERNAL_ID.matcher(id).matches());
    }

    @Test
    void aDuplicateKeyIsRejectedWithBothPaths() {
        InvalidDatasetException invalid = invalid("""
                {"actors": [
                  {"key": "TUR", "name": "Turkey", "kind": "STATE", "reason": "r", "sources": %s},
                  {"key": "RUS", "name": "Russia", "kind": "STATE", "reason": "r", "sources": %s},
                  {"key": "TUR", "name": "Türkiye", "kind": "STATE", "reason": "r", "sources": %s}
                ]}""".formatted(SOURCE, SOURCE, SOURCE));

        assertThat(invalid.problems()).extracting(DatasetProblem::path, DatasetProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.actors[2].key",
                        "duplicate key TUR (also at $.actors[0].key)"));
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        InvalidDatasetException invalid = invalid("""
                {"actors": [
                  {"key": "tur", "name": " ", "kind": "EMPIRE", "country": "TR", "affiliation": "NATO",
                   "aliases": ["Türkiye", "Türkiye"], "sources": [{"publisher": "x", "url": "ftp://x", "date": "2020-13-01"}],
                   "colour": "red"},
                  {"key": "RUS", "name": "Russia", "kind": "STATE", "reason": "r", "sources": %s,
                   "relationships": [
                     {"kind": "LIKES", "counterpart": "RUS", "theater": "ARCTIC", "validFrom": "2020-11-10",
                      "validUntil": "2020-11-09", "confidence": 1.5, "reason": "r", "sources": %s},
                     {"kind": "MEDIATES", "counterpart": "ARM", "reason": "r"}
                   ]}
                ]}""".formatted(SOURCE, SOURCE));

        assertThat(invalid.problems()).extracting(DatasetProblem::path).containsExactlyInAnyOrder(
                "$.actors[0].colour",
                "$.actors[0].key",
                "$.actors[0].name",
                "$.actors[0].kind",
                "$.actors[0].aliases[1]",
                "$.actors[0].country",
                "$.actors[0].affiliation",
                "$.actors[0].reason",
                "$.actors[0].sources[0].title",
                "$.actors[0].sources[0].url",
                "$.actors[0].sources[0].date",
                "$.actors[1].relationships[0].kind",
                "$.actors[1].relationships[0].theater",
                "$.actors[1].relationships[0].validUntil",
                "$.actors[1].relationships[0].confidence",
                "$.actors[1].relationships[0].counterpart",
                "$.actors[1].relationships[1].counterpart",
                "$.actors[1].relationships[1].sources");
    }

    @Test
    void anUnknownAffiliationAndAnAffiliationCycleAreRejected() {
        InvalidDatasetException invalid = invalid("""
                {"actors": [
                  {"key": "A1", "name": "A", "kind": "STATE", "affiliation": "B1", "reason": "r", "sources": %s},
                  {"key": "B1", "name": "B", "kind": "STATE", "affiliation": "A1", "reason": "r", "sources": %s},
                  {"key": "C1", "name": "C", "kind": "LEADER", "affiliation": "D1", "reason": "r", "sources": %s}
                ]}""".formatted(SOURCE, SOURCE, SOURCE));

        assertThat(invalid.problems()).extracting(DatasetProblem::path, DatasetProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("$.actors[2].affiliation", "unknown actor key D1 (not defined in actors.json)"),
                org.assertj.core.groups.Tuple.tuple("$.actors[0].affiliation", "affiliation cycle A1 -> B1 -> A1"));
    }

    @Test
    void aRelationshipDeclaredTwiceOrOpenTwiceIsRejected() {
        String turkey = "{\"key\": \"TUR\", \"name\": \"Turkey\", \"kind\": \"STATE\", \"reason\": \"r\", \"sources\": " + SOURCE + "}";
        InvalidDatasetException invalid = invalid("""
                {"actors": [ %s,
                  {"key": "RUS", "name": "Russia", "kind": "STATE", "reason": "r", "sources": %s,
                   "relationships": [
                     {"kind": "OPPOSES", "counterpart": "TUR", "theater": "LIBYA", "reason": "r", "sources": %s},
                     {"kind": "OPPOSES", "counterpart": "TUR", "theater": "LIBYA", "reason": "again", "sources": %s},
                     {"kind": "OPPOSES", "counterpart": "TUR", "theater": "LIBYA", "validFrom": "2020-01-01", "reason": "r", "sources": %s},
                     {"kind": "OPPOSES", "counterpart": "TUR", "theater": "LIBYA", "validFrom": "2015-11-24",
                      "validUntil": "2016-06-29", "reason": "closed periods may repeat an open one", "sources": %s}
                   ]}
                ]}""".formatted(turkey, SOURCE, SOURCE, SOURCE, SOURCE, SOURCE));

        assertThat(invalid.problems()).extracting(DatasetProblem::path)
                .containsExactly("$.actors[1].relationships[1]", "$.actors[1].relationships[2]");
    }

    @Test
    void malformedJsonAndAMissingFileAreReportedWithWhereTheyAre(@TempDir Path dir) throws IOException {
        InvalidDatasetException missing = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.read(dir));
        assertThat(missing.problems().get(0).message()).startsWith("is missing from");

        Files.writeString(dir.resolve("actors.json"), "{\"actors\": [\n  {\"key\": \"TUR\",}\n]}");
        InvalidDatasetException malformed = catchThrowableOfType(InvalidDatasetException.class,
                () -> DatasetReader.read(dir));
        assertThat(malformed.problems().get(0).path()).isEqualTo("line 2, column 17");

        Files.writeString(dir.resolve("actors.json"), "{\"actors\": [], \"actors\": []}");
        assertThatThrownBy(() -> DatasetReader.read(dir)).isInstanceOf(InvalidDatasetException.class)
                .hasMessageContaining("Duplicate field 'actors'");
    }

    private static InvalidDatasetException invalid(String json) {
        return catchThrowableOfType(InvalidDatasetException.class, () -> DatasetReader.parseActors(json, "actors.json"));
    }

    private static Map<String, ActorEntry> byKey(Dataset dataset) {
        return dataset.actors().stream().collect(Collectors.toMap(ActorEntry::key, Function.identity()));
    }
}
