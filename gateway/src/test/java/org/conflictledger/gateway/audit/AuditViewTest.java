package org.conflictledger.gateway.audit;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** GET /api/v1/audit merges the services' changes newest first, pages without gaps or duplicates, and never hides a service. */
@QuarkusTest
@WithTestResource(AuditOrigins.class)
class AuditViewTest {
    private static final String AUDIT = "/api/v1/audit";
    /** Newest first; on equal times (a5/g5, a4/g3) actors come before agreements. */
    private static final List<String> MERGED = List.of("a7", "g6", "a6", "a5", "g5", "g4", "a4", "g3", "a3", "a2", "a1",
            "g2", "g1");

    @ConfigProperty(name = "gateway.actors-url")
    String actorsUrl;

    @Test
    void changesOfTwoServicesAreMergedNewestFirstWithTiesBrokenByService() {
        List<Map<String, Object>> items = given().queryParam("recordType", "actor,agreement").queryParam("limit", "500")
                .get(AUDIT).then().statusCode(200).contentType("application/json")
                .body("next", nullValue())
                .extract().path("items");
        assertThat(items).extracting(i -> i.get("recordId")).containsExactlyElementsOf(MERGED);
        assertThat(items).extracting(i -> Instant.parse((String) i.get("recordedAt")))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(items).allSatisfy(item -> assertThat(item).doesNotContainKey("cursor")
                .containsKeys("recordType", "recordId", "sequence", "version", "type", "eventId", "principal"));
        assertThat(items.get(1)).containsEntry("recordType", "agreement");
    }

    @Test
    void pagingThroughMoreChangesThanOnePageRepeatsAndSkipsNothing() {
        for (int limit : new int[]{1, 3, 4, 12}) {
            assertThat(pageThrough(Map.of("recordType", List.of("actor", "agreement")), limit))
                    .as("pages of %d", limit).containsExactlyElementsOf(MERGED);
        }
        List<String> analysts = MERGED.stream().filter(id -> AuditOrigins.principalOf(id).equals(AuditOrigins.ANALYST)).toList();
        assertThat(pageThrough(Map.of("recordType", List.of("actor", "agreement"), "principal", List.of(AuditOrigins.ANALYST)), 2))
                .containsExactlyElementsOf(analysts);
        assertThat(pageThrough(Map.of("recordType", List.of("agreement"), "from", List.of("2026-11-25T10:00:00Z"),
                "to", List.of("2026-11-25T10:05:00Z")), 1)).containsExactly("g4", "g3");
        assertThat(pageThrough(Map.of("recordType", List.of("actor")), 2)).containsExactly("a7", "a6", "a5", "a4", "a3", "a2", "a1");
    }

    @Test
    void theFiltersTheCorrelationIdAndTheAuthorizationReachTheServices() throws Exception {
        given().header("Authorization", "Bearer token-1").header("X-Correlation-Id", "audit-42")
                .queryParam("recordType", "actor").queryParam("principal", AuditOrigins.ANALYST)
                .queryParam("from", "2026-11-25T10:01:00Z").queryParam("limit", "2")
                .get(AUDIT).then().statusCode(200)
                .header("X-Correlation-Id", "audit-42")
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""))
                .body("items.recordId", equalTo(List.of("a7", "a5")))
                .body("next", notNullValue());
        Map<String, Object> last = given().baseUri(actorsUrl).basePath("").get("/last").then().statusCode(200)
                .extract().as(Map.class);
        assertThat(last).containsEntry("path", "/api/v1/actors/changes")
                .containsEntry("header:authorization", "Bearer token-1")
                .containsEntry("header:x-correlation-id", "audit-42");
        assertThat((String) last.get("query")).contains("principal=analyst%40example.org")
                .contains("from=2026-11-25T10%3A01%3A00Z").contains("limit=2").contains("to=");

        given().queryParam("recordType", "actor").get(AUDIT).then().statusCode(200)
                .header("X-Correlation-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aServiceThatIsDownFailsThePageWithAProblemNamingIt() {
        for (String query : new String[]{"", "?recordType=conflict-event", "?recordType=actor&recordType=event&principal=x"}) {
            given().get(AUDIT + query).then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("type", equalTo("urn:conflict-ledger:problem:service-unavailable"))
                    .body("service", equalTo("events-service"))
                    .body("instance", equalTo(AUDIT + query));
        }
    }

    @Test
    void badParametersAreA400NamingEachField() {
        invalid("from=2026-11-25", "from");
        invalid("to=tomorrow", "to");
        invalid("from=2026-11-25T10:00:00Z&to=2026-11-25T10:00:00Z", "to");
        invalid("limit=0", "limit");
        invalid("limit=501", "limit");
        invalid("recordType=treaty", "recordType");
        invalid("cursor=garbage", "cursor");
        invalid("cursor=" + Base64.getUrlEncoder().encodeToString("{\"asOf\":\"x\"}".getBytes(StandardCharsets.UTF_8)), "cursor");
        invalid("principal=" + "p".repeat(321), "principal");
        invalid("asOf=2020-01-01T00:00:00Z", "asOf"); // not silently ignored
        given().get(AUDIT + "?pricipal=x").then().statusCode(400)
                .body("errors[0].message", equalTo("unknown query parameter; accepted: principal, from, to, recordType, cursor, limit"));
        given().get(AUDIT + "?limit=x&recordType=treaty").then().statusCode(400)
                .body("errors.field", equalTo(List.of("recordType", "limit")));
    }

    @Test
    void theGatewaysOwnOpenApiDocumentDescribesTheAuditView() {
        given().queryParam("format", "json").get("/q/gateway-openapi").then().statusCode(200)
                .body("paths.'/api/v1/audit'.get.summary", equalTo("Changes across all records"))
                .body("paths.'/api/v1/audit'.get.tags", hasItem("Audit"))
                .body("paths.'/api/v1/audit'.get.responses.'503'.description", notNullValue())
                .body("paths.'/api/v1/audit'.get.responses.'400'.description", notNullValue());
    }

    private static void invalid(String query, String field) {
        given().get(AUDIT + "?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:conflict-ledger:problem:validation"))
                .body("errors.field", equalTo(List.of(field)));
    }

    /** Every record id of a listing, following next page by page; checks each page's size and Link. */
    private static List<String> pageThrough(Map<String, List<String>> query, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int guard = 0;
        do {
            var request = given().queryParam("limit", Integer.toString(limit));
            query.forEach((name, values) -> request.queryParam(name, String.join(",", values)));
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.get(AUDIT).then().statusCode(200).extract();
            List<String> ids = page.path("items.recordId");
            assertThat(ids.size()).isLessThanOrEqualTo(limit);
            cursor = page.path("next");
            if (cursor != null) {
                assertThat(ids).hasSize(limit);
                assertThat(page.header("Link")).contains("cursor=" + cursor).endsWith("; rel=\"next\"");
            } else {
                assertThat(page.header("Link")).isNull();
            }
            seen.addAll(ids);
            assertThat(++guard).isLessThan(100);
        } while (cursor != null);
        return seen;
    }
}
