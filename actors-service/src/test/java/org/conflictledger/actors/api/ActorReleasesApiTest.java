package org.conflictledger.actors.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictledger.actors.api.ActorFixtures.registered;
import static org.conflictledger.actors.api.ActorFixtures.uniqueKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * Named releases, the actors' part: cut once and never changed, the canonical export at a release's instant whose
 * hash the release names, and lists read as of a release.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ActorReleasesApiTest {
    private static final String ACTORS = "/api/v1/actors";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReleaseFreezesTheActorsAndItsExportIsTheBytesItsHashNames() throws Exception {
        String key = uniqueKey("REL");
        String id = registered(key, "Before the release", "STATE");
        Instant freezesAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String name = release();

        String hash = cut(name, freezesAt.toString(), "end of a test year").statusCode(201)
                .header("Location", endsWith(ACTORS + "/releases/" + name))
                .body("name", equalTo(name)).body("collection", equalTo("actors"))
                .body("freezesAt", equalTo(freezesAt.toString())).body("note", equalTo("end of a test year"))
                .body("cutBy", equalTo("release-manager@example.org"))
                .body("contentHash", matchesPattern("sha256:[0-9a-f]{64}"))
                .body("export", equalTo(ACTORS + "/exports/canonical?release=" + name))
                .extract().path("contentHash");
        given().contentType(ContentType.JSON).header("X-Ledger-Principal", "analyst@example.org")
                .body("{\"name\": \"After the release\", \"reason\": \"renamed later\"}").header("If-Match", "\"1\"")
                .post(ACTORS + "/" + id + "/rename").then().statusCode(200);

        Response export = given().queryParam("release", name).get(ACTORS + "/exports/canonical");
        export.then().statusCode(200).contentType("application/jsonl")
                .header("Ledger-Content-Hash", hash).header("Ledger-Release", name)
                .header("Ledger-As-Of", freezesAt.toString())
                .header("Content-Disposition", "attachment; filename=\"actors-release-" + name + ".jsonl\"");
        byte[] body = export.asByteArray();
        assertThat("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)))
                .isEqualTo(hash);
        List<JsonNode> lines = lines(body);
        assertThat(lines).filteredOn(line -> line.get("actor").get("key").asText().equals(key)).singleElement()
                .satisfies(line -> assertThat(line.get("actor").get("name").asText()).isEqualTo("Before the release"));
        // The same instant asked as asOf gives the same bytes; the record now does not.
        assertThat(given().queryParam("asOf", freezesAt.toString()).get(ACTORS + "/exports/canonical").asByteArray())
                .isEqualTo(body);
        given().get(ACTORS + "/exports/canonical").then().statusCode(200)
                .header("Ledger-Content-Hash", org.hamcrest.Matchers.not(hash));

        given().queryParam("release", name).queryParam("q", "release").get(ACTORS).then().statusCode(200)
                .body("items.key", hasItem(key))
                .body("items.find { it.key == '" + key + "' }.name", equalTo("Before the release"));
        given().get(ACTORS + "/releases/" + name).then().statusCode(200).body("contentHash", equalTo(hash));
        given().get(ACTORS + "/releases").then().statusCode(200).body("items.name", hasItem(name));
    }

    @Test
    void anActorsRelationshipsAsOfAnInstantAreThoseOfThenWithTheNamesOfThen() {
        String zulu = registered(uniqueKey("ZASOF"), "Zulu", "STATE");
        String alpha = registered(uniqueKey("AASOF"), "Alpha", "ARMED_GROUP");
        String supports = given().contentType(ContentType.JSON).body("""
                {"kind": "SUPPORTS", "counterpart": "%s", "theater": "SYRIA", "validFrom": "2020-01-01",
                 "reason": "test", "sources": [{"title": "Seed document", "publisher": "Conflict Ledger"}]}
                """.formatted(alpha)).post(ACTORS + "/" + zulu + "/relationships").then().statusCode(201)
                .extract().path("id");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"name\": \"Alpha renamed\", \"reason\": \"renamed later\"}")
                .post(ACTORS + "/" + alpha + "/rename").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"validUntil\": \"2020-06-01\", \"reason\": \"ended later\"}")
                .post(ACTORS + "/" + zulu + "/relationships/" + supports + "/end").then().statusCode(200);
        given().contentType(ContentType.JSON).body("""
                {"kind": "OPPOSES", "counterpart": "%s", "theater": "SYRIA", "validFrom": "2020-07-01",
                 "reason": "test"}
                """.formatted(zulu)).post(ACTORS + "/" + alpha + "/relationships").then().statusCode(201);

        given().queryParam("asOf", at.toString()).get(ACTORS + "/" + zulu + "/relationships").then().statusCode(200)
                .body("items.kind", contains("SUPPORTS")).body("items[0].ended", equalTo(false))
                .body("items[0].counterpart.name", equalTo("Alpha")).body("items[0].direction", equalTo("outgoing"));
        given().queryParam("asOf", at.toString()).queryParam("direction", "incoming")
                .get(ACTORS + "/" + alpha + "/relationships").then().statusCode(200)
                .body("items.kind", contains("SUPPORTS")).body("items[0].actor.name", equalTo("Zulu"));
        given().get(ACTORS + "/" + zulu + "/relationships").then().statusCode(200)
                .body("items.kind", contains("SUPPORTS", "OPPOSES")).body("items[0].ended", equalTo(true))
                .body("items[0].counterpart.name", equalTo("Alpha renamed"));

        String name = release();
        cut(name, at.toString(), "relationships").statusCode(201);
        given().queryParam("release", name).get(ACTORS + "/" + zulu + "/relationships").then().statusCode(200)
                .body("items.kind", contains("SUPPORTS"));
        given().queryParam("release", name).queryParam("asOf", at.toString()).get(ACTORS + "/" + zulu + "/relationships")
                .then().statusCode(400).body("errors[0].field", equalTo("release"));
        given().queryParam("asOf", "2999-01-01T00:00:00Z").get(ACTORS + "/" + zulu + "/relationships").then()
                .statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void eachLineIsTheListsActorAndItsRelationshipsWithPropertiesInAlphabeticalOrderInKeyOrder() throws Exception {
        String zulu = registered(uniqueKey("ZREL"), "Zulu", "STATE");
        String alpha = registered(uniqueKey("AREL"), "Alpha", "ARMED_GROUP");
        given().contentType(ContentType.JSON).body("""
                {"kind": "SUPPORTS", "counterpart": "%s", "theater": "SYRIA", "validFrom": "2020-01-01",
                 "reason": "test", "sources": [{"title": "Seed document", "publisher": "Conflict Ledger"}]}
                """.formatted(alpha)).post(ACTORS + "/" + zulu + "/relationships").then().statusCode(201);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String[] lines = new String(given().queryParam("asOf", at.toString()).get(ACTORS + "/exports/canonical")
                .asByteArray(), StandardCharsets.UTF_8).split("\n");
        List<String> exported = new ArrayList<>();
        for (String line : lines) {
            JsonNode parsed = JSON.readTree(line);
            assertThat(line).startsWith("{\"actor\":{").contains("},\"relationships\":[");
            exported.add(canonical(parsed.get("actor")));
            if (parsed.get("actor").get("id").asText().equals(zulu)) {
                assertThat(parsed.get("relationships")).singleElement().satisfies(relationship -> {
                    assertThat(relationship.get("kind").asText()).isEqualTo("SUPPORTS");
                    assertThat(relationship.get("counterpart").get("name").asText()).isEqualTo("Alpha");
                });
            }
        }

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().queryParam("asOf", at.toString()).queryParam("limit", 500)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor)).get(ACTORS)
                    .then().statusCode(200).extract();
            for (JsonNode item : JSON.readTree(page.asString()).get("items")) {
                listed.add(canonical(item));
            }
            cursor = page.path("next");
        } while (cursor != null);
        assertThat(exported).containsExactlyElementsOf(listed).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines).allSatisfy(line -> assertThat(canonical(JSON.readTree(line))).isEqualTo(line));
    }

    @Test
    void aReleaseNeverChangesAndBadRequestsNameTheirField() {
        String name = release();
        String at = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        String hash = cut(name, at, "first").statusCode(201).extract().path("contentHash");
        registered(uniqueKey("LATE"), "Registered after the cut", "STATE");

        cut(name, at, "first").statusCode(200).body("contentHash", equalTo(hash));
        cut(name, at, "another note").statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("release-exists"));
        cut(name, Instant.parse(at).minusSeconds(60).toString(), "first").statusCode(409);

        cut("-starts-badly", at, "n").statusCode(400).body("errors.field", contains("name"));
        cut(release(), Instant.now().plusSeconds(3600).toString(), "n").statusCode(400)
                .body("errors.field", contains("freezesAt"));
        cut(release(), "yesterday", "n").statusCode(400).body("errors.field", contains("freezesAt"));
        cut(release(), at, " ").statusCode(400).body("errors.field", contains("note"));
        given().contentType(ContentType.JSON).header("X-Ledger-Principal", "release-manager@example.org")
                .body("{\"freezesAt\": \"" + at + "\", \"note\": \"n\", \"extra\": 1}")
                .put(ACTORS + "/releases/" + release()).then().statusCode(400);

        given().queryParam("release", name).queryParam("asOf", at).get(ACTORS).then().statusCode(400)
                .body("errors.field", contains("release"));
        given().queryParam("release", "no-such-release").get(ACTORS).then().statusCode(400)
                .body("errors.field", contains("release"));
        given().urlEncodingEnabled(false).get(ACTORS + "?release=%20").then().statusCode(400)
                .body("errors.field", contains("release"));
        given().queryParam("asOf", "-5000-01-01T00:00:00Z").get(ACTORS).then().statusCode(400)
                .body("errors.field", contains("asOf"));
        cut(release(), "-5000-01-01T00:00:00Z", "n").statusCode(400).body("errors.field", contains("freezesAt"));
        given().queryParam("release", "no-such-release").get(ACTORS + "/exports/canonical").then().statusCode(400)
                .body("errors.field", contains("release"));
        given().get(ACTORS + "/releases/no-such-release").then().statusCode(404);
    }

    private static String release() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse cut(String name, String freezesAt, String note) {
        return given().contentType(ContentType.JSON).header("X-Ledger-Principal", "release-manager@example.org")
                .body(Map.of("freezesAt", freezesAt, "note", note))
                .put(ACTORS + "/releases/" + name).then();
    }

    private static List<JsonNode> lines(byte[] body) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** A JSON value written with the properties of every object in alphabetical order. */
    private static String canonical(JsonNode node) throws Exception {
        return JSON.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValueAsString(JSON.convertValue(node, Object.class));
    }
}
