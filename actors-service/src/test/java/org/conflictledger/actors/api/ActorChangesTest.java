package org.conflictledger.actors.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** GET /api/v1/actors/changes: every change of every actor, newest first, by principal, time and record type. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ActorChangesTest {
    private static final String CHANGES = "/api/v1/actors/changes";

    @Test
    void theChangesOfOnePrincipalAcrossActorsComeNewestFirstWithWhoAndWhy() {
        String analyst = principal("analyst");
        String other = principal("other");
        String gna = register(analyst, "GNA", "corr-gna-1");
        String lna = register(other, "LNA", "corr-lna-1");
        rename(analyst, gna, 1, "Government of National Accord", "corr-gna-2");
        String haftar = register(analyst, "Haftar forces", "corr-haftar-1");

        List<Map<String, Object>> items = given().queryParam("principal", analyst).get(CHANGES).then()
                .statusCode(200).contentType(ContentType.JSON)
                .body("next", nullValue())
                .extract().path("items");

        assertThat(items).extracting(i -> i.get("recordId")).containsExactly(haftar, gna, gna);
        assertThat(items).extracting(i -> i.get("type"))
                .containsExactly("ledger.actor.registered.v1", "ledger.actor.renamed.v1", "ledger.actor.registered.v1");
        assertThat(items).extracting(i -> i.get("principal")).containsOnly(analyst);
        assertThat(items).extracting(i -> i.get("recordId")).doesNotContain(lna);
        Map<String, Object> renamed = items.get(1);
        assertThat(renamed).containsEntry("recordType", "actor").containsEntry("sequence", 1).containsEntry("version", 2)
                .containsEntry("reason", "rename for the audit test").containsEntry("correlationId", "corr-gna-2")
                .containsKeys("eventId", "causationId", "cursor");
        List<Instant> times = items.stream().map(i -> Instant.parse((String) i.get("recordedAt"))).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        given().queryParam("principal", analyst).queryParam("recordType", "actor").get(CHANGES).then()
                .statusCode(200).body("items", hasSize(3));
    }

    @Test
    void pagingThroughMoreChangesThanOnePageSkipsAndRepeatsNothing() {
        String clerk = principal("clerk");
        for (int i = 0; i < 4; i++) {
            String id = register(clerk, "Militia " + i, null);
            if (i % 2 == 0) {
                rename(clerk, id, 1, "Renamed militia " + i, null);
            }
        }
        List<String> all = given().queryParam("principal", clerk).queryParam("limit", "500").get(CHANGES).then()
                .statusCode(200).body("items", hasSize(6)).body("next", nullValue()).extract().path("items.eventId");

        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("principal", clerk).queryParam("limit", "4");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.get(CHANGES).then().statusCode(200).extract();
            List<String> ids = page.path("items.eventId");
            paged.addAll(ids);
            sizes.add(ids.size());
            cursor = page.path("next");
            if (cursor != null) {
                assertThat(page.header("Link")).contains("cursor=" + cursor).endsWith("rel=\"next\"")
                        .contains("principal=").contains("limit=4");
            } else {
                assertThat(page.header("Link")).isNull();
            }
        } while (cursor != null);

        assertThat(sizes).containsExactly(4, 2);
        assertThat(paged).containsExactlyElementsOf(all).doesNotHaveDuplicates();

        // An item's own cursor continues right after it.
        List<Map<String, Object>> items = given().queryParam("principal", clerk).get(CHANGES).then().extract().path("items");
        given().queryParam("principal", clerk).queryParam("cursor", (String) items.get(2).get("cursor")).get(CHANGES)
                .then().statusCode(200).body("items.eventId", equalTo(all.subList(3, 6)));
    }

    @Test
    void fromIsInclusiveAndToExclusiveOnTheTimeAChangeWasRecorded() throws InterruptedException {
        String editor = principal("editor");
        String first = register(editor, "Early", null);
        Thread.sleep(15);
        String second = register(editor, "Late", null);
        List<String> recorded = given().queryParam("principal", editor).get(CHANGES).then().statusCode(200)
                .body("items.recordId", equalTo(List.of(second, first))).extract().path("items.recordedAt");
        String late = recorded.get(0);
        String early = recorded.get(1);
        assertThat(Instant.parse(late)).isAfter(Instant.parse(early));

        given().queryParam("principal", editor).queryParam("from", late).get(CHANGES).then().statusCode(200)
                .body("items.recordId", equalTo(List.of(second)));
        given().queryParam("principal", editor).queryParam("to", late).get(CHANGES).then().statusCode(200)
                .body("items.recordId", equalTo(List.of(first)));
        given().queryParam("principal", editor).queryParam("from", early).queryParam("to", late).get(CHANGES).then()
                .statusCode(200).body("items.recordId", equalTo(List.of(first)));
        given().queryParam("principal", editor).queryParam("from", Instant.parse(late).plusMillis(1).toString())
                .get(CHANGES).then().statusCode(200).body("items", hasSize(0)).body("next", nullValue());
    }

    @Test
    void badParametersAreA400NamingEachField() {
        invalid(Map.of("from", "2020-11-10"), "from");
        invalid(Map.of("to", "yesterday"), "to");
        invalid(Map.of("from", "2020-11-10T00:00:00Z", "to", "2020-11-09T00:00:00Z"), "to");
        invalid(Map.of("limit", "0"), "limit");
        invalid(Map.of("limit", "501"), "limit");
        invalid(Map.of("limit", "ten"), "limit");
        invalid(Map.of("cursor", "not base64!"), "cursor");
        invalid(Map.of("cursor", Base64.getUrlEncoder().encodeToString("key".getBytes(StandardCharsets.UTF_8))), "cursor");
        invalid(Map.of("recordType", "agreement"), "recordType");
        invalid(Map.of("principal", "x".repeat(321)), "principal");
        given().queryParam("from", "soon").queryParam("limit", "0").get(CHANGES).then().statusCode(400)
                .body("errors.field", hasItems("from", "limit"));
    }

    @Test
    void theChangesPathDoesNotHideActorsReadByKeyOrId() {
        String key = ActorFixtures.uniqueKey("CHG");
        String id = ActorFixtures.registered(key, "Changes neighbour", "STATE");
        given().get("/api/v1/actors/" + key).then().statusCode(200).body("id", equalTo(id));
        given().get("/api/v1/actors/" + id + "/history").then().statusCode(200).body("items", hasSize(1));
        given().get("/api/v1/actors/CHANGES").then().statusCode(404);
        given().get(CHANGES).then().statusCode(200).body("items.recordId", hasItem(id));
        given().queryParam("format", "json").get("/openapi").then().statusCode(200)
                .body("paths.'/api/v1/actors/changes'.get.tags", hasItem("Actors"))
                .body("paths.'/api/v1/actors/changes'.get.responses.'400'.description", containsString("recordType"));
    }

    private static void invalid(Map<String, String> query, String field) {
        given().queryParams(query).get(CHANGES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("instance", equalTo(CHANGES))
                .body("errors.field", equalTo(List.of(field)));
    }

    private static String principal(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    private static String register(String principal, String name, String correlationId) {
        var request = given().contentType(ContentType.JSON).header("X-Ledger-Principal", principal);
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return request.body("""
                        {"key": "%s", "name": "%s", "kind": "ARMED_GROUP", "aliases": [], "reason": "registered for the audit test"}
                        """.formatted(ActorFixtures.uniqueKey("AUD"), name))
                .post("/api/v1/actors").then().statusCode(201).extract().path("id");
    }

    private static void rename(String principal, String id, int version, String name, String correlationId) {
        var request = given().contentType(ContentType.JSON).header("X-Ledger-Principal", principal)
                .header("If-Match", "\"" + version + "\"");
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        request.body("{\"name\": \"%s\", \"reason\": \"rename for the audit test\"}".formatted(name))
                .post("/api/v1/actors/" + id + "/rename").then().statusCode(200);
    }
}
