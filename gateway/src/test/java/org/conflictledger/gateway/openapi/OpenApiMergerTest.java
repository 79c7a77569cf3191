package org.conflictledger.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.conflictledger.devstack.openapi.OpenApiRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The merger, on the documents the three services really serve (saved from running services into
 * {@code src/test/resources/openapi/}), and on small documents for the cases they do not show.
 */
class OpenApiMergerTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final List<String> SERVICES = List.of("actors", "events", "agreements");

    static JsonNode fixture(String service) {
        try (InputStream in = OpenApiMergerTest.class.getResourceAsStream("/openapi/" + service + ".json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, JsonNode> fixtures() {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        SERVICES.forEach(service -> docs.put(service, fixture(service)));
        return docs;
    }

    static ObjectNode merged() {
        return OpenApiMerger.merge(fixtures(), List.of(), "0.1.0");
    }

    @Test
    void theMergedDocumentHasEveryPathOfTheThreeServicesAndItsOwnInfo() {
        ObjectNode merged = merged();
        Set<String> expected = new HashSet<>();
        fixtures().values().forEach(doc -> doc.get("paths").fieldNames().forEachRemaining(expected::add));
        Set<String> paths = new HashSet<>();
        merged.get("paths").fieldNames().forEachRemaining(paths::add);

        assertThat(expected).hasSizeGreaterThan(30);
        assertThat(paths).isEqualTo(expected);
        assertThat(merged.at("/openapi").asText()).isEqualTo("3.1.0");
        assertThat(merged.at("/info/title").asText()).isEqualTo("Conflict Ledger API");
        assertThat(merged.at("/info/version").asText()).isEqualTo("0.1.0");
        assertThat(merged.at("/info/description").asText()).contains("actors", "events", "agreements");
        assertThat(merged.get("servers")).hasSize(1);
        assertThat(merged.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(merged.has(OpenApiMerger.UNAVAILABLE)).isFalse();
    }

    @Test
    void everyRefResolves() {
        ObjectNode merged = merged();
        List<String> refs = new ArrayList<>();
        collectRefs(merged, refs);

        assertThat(refs).isNotEmpty();
        assertThat(refs).allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(merged.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
        });
    }

    @Test
    void theSchemasTheServicesShareAreKeptOnceUnrenamed() {
        JsonNode schemas = merged().at("/components/schemas");

        // The services describe every schema they share identically (the java.time types, Problem, HistoryEntry, …),
        // so the merged document holds each service's schemas under their own names, once.
        Set<String> names = new HashSet<>();
        fixtures().values().forEach(doc -> doc.at("/components/schemas").fieldNames().forEachRemaining(names::add));
        Set<String> merged = new HashSet<>();
        schemas.fieldNames().forEachRemaining(merged::add);
        assertThat(merged).isEqualTo(names);
        assertThat(merged().has(OpenApiMerger.RENAMED)).isFalse();
        assertThat(OpenApiRules.problems(merged())).isEmpty();
        assertThat(schemas.get("Instant")).isEqualTo(fixture("agreements").at("/components/schemas/Instant"));
    }

    @Test
    void tagsAreMergedOnceByName() {
        ObjectNode merged = merged();
        List<String> names = new ArrayList<>();
        merged.get("tags").forEach(tag -> names.add(tag.get("name").asText()));
        assertThat(names).containsExactly("Actors", "Conflict events", "Agreement terms", "Agreements");

        ObjectNode twice = OpenApiMerger.merge(Map.of("a", doc("/a", "opA").put("x", 1),
                "b", doc("/b", "opB")), List.of(), "1");
        assertThat(twice.get("tags")).hasSize(1);
    }

    @Test
    void everyOperationHasAnOperationIdAndNoneIsUsedTwice() {
        List<String> ids = new ArrayList<>();
        OpenApiMerger.operations(merged()).forEach(operation -> ids.add(operation.path("operationId").asText(null)));

        assertThat(ids).hasSizeGreaterThan(30).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(ids).contains("getActorHistory", "assessTermCompliance", "listEventChanges");
        // An operation a service left unnamed is named by its method and path.
        assertThat(OpenApiMerger.operationId("get", "/api/v1/actors/{actor}/history")).isEqualTo("getActorsActorHistory");
    }

    @Test
    void anOperationIdTwoServicesUseIsPrefixedInEach() {
        ObjectNode merged = OpenApiMerger.merge(linked("a", doc("/a", "list"), "b", doc("/b", "list")), List.of(), "1");

        assertThat(merged.at("/paths/~1a/get/operationId").asText()).isEqualTo("aList");
        assertThat(merged.at("/paths/~1b/get/operationId").asText()).isEqualTo("bList");
    }

    @Test
    void theGatewaysOwnReleasesSitNextToTheServicesAndKeepTheirOperationIds() {
        ObjectNode merged = OpenApiMerger.merge(linked(
                "actors", doc("/api/v1/actors/releases", "listReleases"),
                "events", doc("/api/v1/events/releases", "listReleases"),
                OpenApiMerger.GATEWAY, doc("/api/v1/releases", "listReleases")), List.of(), "1");

        assertThat(merged.at("/paths/~1api~1v1~1releases/get/operationId").asText()).isEqualTo("listReleases");
        assertThat(merged.at("/paths/~1api~1v1~1actors~1releases/get/operationId").asText())
                .isEqualTo("actorsListReleases");
        assertThat(merged.at("/paths/~1api~1v1~1events~1releases/get/operationId").asText())
                .isEqualTo("eventsListReleases");
    }

    @Test
    void twoServicesDescribingOnePathIsAnError() {
        assertThatThrownBy(() -> OpenApiMerger.merge(linked("a", doc("/same", "x"), "b", doc("/same", "y")),
                List.of(), "1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/same").hasMessageContaining("a").hasMessageContaining("b");
    }

    @Test
    void securitySchemesAreMergedAndEachServicesSecurityStaysOnItsOwnOperations() {
        ObjectNode a = doc("/a", "opA");
        a.withObjectProperty("components").withObjectProperty("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
        a.putArray("security").addObject().putArray("bearer");
        ObjectNode b = doc("/b", "opB");
        b.withObjectProperty("components").withObjectProperty("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "basic");
        b.putArray("security").addObject().putArray("bearer");
        ObjectNode c = doc("/c", "opC");

        ObjectNode merged = OpenApiMerger.merge(linked("a", a, "b", b, "c", c), List.of(), "1");

        assertThat(merged.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(merged.at("/components/securitySchemes/bBearer/scheme").asText()).isEqualTo("basic");
        assertThat(merged.get("security")).isEmpty();
        assertThat(merged.at("/paths/~1a/get/security/0").has("bearer")).isTrue();
        assertThat(merged.at("/paths/~1b/get/security/0").has("bBearer")).isTrue();
        assertThat(merged.at("/paths/~1c/get").has("security")).isFalse();
    }

    @Test
    void aSchemaThatDiffersOnlyThroughARenamedOneIsRenamedToo() {
        ObjectNode a = doc("/a", "opA");
        ObjectNode b = doc("/b", "opB");
        ObjectNode bSchemas = b.withObjectProperty("components").withObjectProperty("schemas");
        a.withObjectProperty("components").withObjectProperty("schemas").putObject("Wrapper").putObject("properties").putObject("at")
                .put("$ref", "#/components/schemas/Instant");
        bSchemas.putObject("Wrapper").putObject("properties").putObject("at").put("$ref", "#/components/schemas/Instant");
        a.withObjectProperty("components").withObjectProperty("schemas").putObject("Instant").put("type", "string");
        bSchemas.putObject("Instant").put("type", "integer");

        ObjectNode merged = OpenApiMerger.merge(linked("a", a, "b", b), List.of(), "1");

        assertThat(merged.at("/components/schemas/BWrapper/properties/at/$ref").asText())
                .isEqualTo("#/components/schemas/BInstant");
        assertThat(merged.at("/components/schemas/Wrapper/properties/at/$ref").asText())
                .isEqualTo("#/components/schemas/Instant");
        assertThat(merged.get(OpenApiMerger.RENAMED).toString()).contains("schemas/Instant → BInstant");
    }

    @Test
    void servicesThatDidNotAnswerAreListed() {
        Map<String, JsonNode> two = fixtures();
        two.remove("events");

        ObjectNode merged = OpenApiMerger.merge(two, List.of("events"), "1");

        assertThat(merged.get(OpenApiMerger.UNAVAILABLE)).hasSize(1);
        assertThat(merged.at("/" + OpenApiMerger.UNAVAILABLE + "/0").asText()).isEqualTo("events");
        assertThat(merged.get("paths").has("/api/v1/actors")).isTrue();
        assertThat(merged.get("paths").has("/api/v1/events")).isFalse();
    }

    @Test
    void theInputsAreNotChanged() {
        Map<String, JsonNode> docs = fixtures();
        Map<String, JsonNode> before = new LinkedHashMap<>();
        docs.forEach((service, doc) -> before.put(service, doc.deepCopy()));

        OpenApiMerger.merge(docs, List.of(), "1");

        assertThat(docs).isEqualTo(before);
    }

    @Test
    void theYamlFormReadsBackAsTheSameDocument() throws IOException {
        ObjectNode merged = merged();
        String yaml = OpenApiResource.yaml(merged);

        assertThat(new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml))
                .isEqualTo(merged);
    }

    /** Writes the merged fixtures to target/openapi/merged.json, for the linter run after the tests. */
    @Test
    void writesTheMergedDocumentForTheLinter() throws IOException {
        Path out = Path.of("target", "openapi", "merged.json");
        Files.createDirectories(out.getParent());
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), merged());
        assertThat(out).isNotEmptyFile();
    }

    static ObjectNode doc(String path, String operationId) {
        ObjectNode doc = MAPPER.createObjectNode().put("openapi", "3.1.0");
        doc.putObject("info").put("title", "t").put("version", "1");
        doc.putArray("tags").addObject().put("name", "Things");
        ObjectNode get = doc.putObject("paths").putObject(path).putObject("get");
        get.put("operationId", operationId).putArray("tags").add("Things");
        get.putObject("responses").putObject("200").put("description", "OK");
        return doc;
    }

    static Map<String, JsonNode> linked(Object... serviceThenDoc) {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        for (int i = 0; i < serviceThenDoc.length; i += 2) {
            docs.put((String) serviceThenDoc[i], (JsonNode) serviceThenDoc[i + 1]);
        }
        return docs;
    }

    static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                refs.add(ref.asText());
            }
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }
}
