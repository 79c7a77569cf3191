package org.conflictledger.gateway.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import org.conflictledger.devstack.openapi.OpenApiRules;
import org.conflictledger.devstack.tokens.TestTokens;
import org.conflictledger.devstack.tokens.TokenChecksOn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * POST /api/v1/releases cuts a release in all three services at one instant and answers 2xx only when all three
 * hold it; GET lists and shows them merged, with a content hash per collection. Against stand-ins for the services
 * ({@link ReleaseOrigins}), with the token checks on.
 */
@QuarkusTest
@TestProfile(TokenChecksOn.class)
@WithTestResource(ReleaseOrigins.class)
class ReleasesTest {
    private static final String RELEASES = "/api/v1/releases";
    private static final String ADMIN = "admin@example.org";
    private static final String NOTE = "The record as it stood at the end of 2020, for the annual report";

    @AfterEach
    void everyServiceUpAndReady() throws Exception {
        ReleaseOrigins.NOT_READY.clear();
        for (String collection : ReleaseOrigins.COLLECTIONS) {
            ReleaseOrigins.start(collection);
        }
    }

    @Test
    void aCutReleaseCarriesTheHashOfEachCollectionAndCuttingItAgainChangesNothing() {
        String name = unique("2020-12");
        Instant freezesAt = Instant.parse("2020-12-31T23:59:59Z");
        String body = cut(name, "2020-12-31T23:59:59Z", NOTE);

        Map<String, Object> release = asAdmin().header("X-Correlation-Id", "cut-1").body(body).post(RELEASES).then()
                .statusCode(201)
                .contentType("application/json")
                .header("Location", RELEASES + "/" + name)
                .header("X-Correlation-Id", "cut-1")
                .body("name", equalTo(name))
                .body("freezesAt", equalTo("2020-12-31T23:59:59Z"))
                .body("note", equalTo(NOTE))
                .body("cutBy", equalTo(ADMIN))
                .body("cutAt", notNullValue())
                .body("complete", equalTo(true))
                .body("collections", aMapWithSize(3))
                .extract().as(Map.class);
        for (String collection : ReleaseOrigins.COLLECTIONS) {
            assertThat(release).extracting("collections").extracting(collection).isEqualTo(Map.of(
                    "contentHash", ReleaseOrigins.contentHash(collection, name, freezesAt),
                    "records", ReleaseOrigins.RECORDS.get(collection).intValue(),
                    "export", "/api/v1/" + collection + "/exports/canonical?release=" + name));
        }
        Instant earliest = ReleaseOrigins.COLLECTIONS.stream()
                .map(c -> Instant.parse(ReleaseOrigins.PARTS.get(c).get(name).getString("cutAt")))
                .min(Instant::compareTo).orElseThrow();
        assertThat(Instant.parse((String) release.get("cutAt"))).isEqualTo(earliest);

        Map<String, Object> again = asAdmin().body(body).post(RELEASES).then().statusCode(200)
                .header("Location", RELEASES + "/" + name)
                .extract().as(Map.class);
        assertThat(again).isEqualTo(release);
        asAdmin().get(RELEASES + "/" + name).then().statusCode(200).body("complete", equalTo(true))
                .body("collections", aMapWithSize(3));
    }

    @Test
    void aReleaseOfTheSameNameWithOtherValuesIsTheServicesConflict() {
        String name = unique("conflict");
        asAdmin().body(cut(name, "2020-12-31T23:59:59Z", NOTE)).post(RELEASES).then().statusCode(201);

        asAdmin().body(cut(name, "2020-12-31T23:59:59Z", "Another note")).post(RELEASES).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:conflict-ledger:problem:release-exists"))
                .body("service", equalTo("actors-service"))
                .body("release", equalTo(name))
                .body("heldBy", equalTo(List.of()))
                .body("missing.service", equalTo(List.of("actors-service", "events-service", "agreements-service")));
        asAdmin().body(cut(name, "2020-11-30T00:00:00Z", NOTE)).post(RELEASES).then().statusCode(409);
        // the release is as it was cut
        asAdmin().get(RELEASES + "/" + name).then().statusCode(200).body("note", equalTo(NOTE))
                .body("freezesAt", equalTo("2020-12-31T23:59:59Z"));
    }

    @Test
    void withoutFreezesAtTheThreeServicesFreezeTheSameInstantTheGatewaysNow() {
        String name = unique("now");
        Instant before = Instant.now();

        String freezesAt = asAdmin().body(new JsonObject().put("name", name).put("note", NOTE).encode()).post(RELEASES)
                .then().statusCode(201).body("complete", equalTo(true)).extract().path("freezesAt");

        Instant frozen = Instant.parse(freezesAt);
        assertThat(frozen).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MICROS))
                .isBeforeOrEqualTo(Instant.now());
        assertThat(frozen.getNano() % 1000).as("floored to microseconds").isZero();
        for (String collection : ReleaseOrigins.COLLECTIONS) {
            JsonObject received = ReleaseOrigins.RECEIVED.get(collection).get(name);
            assertThat(received.fieldNames()).containsExactlyInAnyOrder("freezesAt", "note");
            assertThat(received.getString("freezesAt")).isEqualTo(freezesAt);
            assertThat(received.getString("note")).isEqualTo(NOTE);
        }
    }

    @Test
    void aServiceThatIsDownLeavesTheReleaseIncompleteAndTheSameRequestCompletesIt() throws Exception {
        String name = unique("down");
        String body = cut(name, "2021-03-31T00:00:00Z", NOTE);
        ReleaseOrigins.stop("events");

        asAdmin().body(body).post(RELEASES).then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:conflict-ledger:problem:release-incomplete"))
                .body("status", equalTo(503))
                .body("service", equalTo("events-service"))
                .body("release", equalTo(name))
                .body("heldBy", equalTo(List.of("actors-service", "agreements-service")))
                .body("missing.service", equalTo(List.of("events-service")))
                .body("detail", containsString("held by actors-service and agreements-service but not by events-service"))
                .body("detail", containsString("Send the same request again"));
        // while it is down, reading releases fails as a whole, naming it
        asAdmin().get(RELEASES).then().statusCode(503)
                .body("type", equalTo("urn:conflict-ledger:problem:service-unavailable"))
                .body("service", equalTo("events-service"));

        ReleaseOrigins.start("events");
        asAdmin().get(RELEASES + "/" + name).then().statusCode(200)
                .body("complete", equalTo(false))
                .body("collections", aMapWithSize(2))
                .body("collections", not(hasKey("events")));

        asAdmin().body(body).post(RELEASES).then().statusCode(201)
                .body("complete", equalTo(true))
                .body("collections", aMapWithSize(3));
        asAdmin().body(body).post(RELEASES).then().statusCode(200);
        asAdmin().get(RELEASES + "/" + name).then().statusCode(200).body("complete", equalTo(true));
    }

    @Test
    void aCutWithoutAnInstantSentAgainFreezesTheInstantThePartsAlreadyCutHold() throws Exception {
        String name = unique("again");
        String body = new JsonObject().put("name", name).put("note", NOTE).encode();
        ReleaseOrigins.stop("agreements");
        asAdmin().body(body).post(RELEASES).then().statusCode(503)
                .body("heldBy", equalTo(List.of("actors-service", "events-service")));
        ReleaseOrigins.start("agreements");
        String frozen = asAdmin().get(RELEASES + "/" + name).then().statusCode(200).body("complete", equalTo(false))
                .extract().path("freezesAt");

        asAdmin().body(body).post(RELEASES).then().statusCode(201)
                .body("complete", equalTo(true)).body("freezesAt", equalTo(frozen));
    }

    @Test
    void ofTwoCutsOfOneNameOnlyTheOneTheFirstServiceKeptReachesTheOthers() {
        String name = unique("overlap");
        // Another cut of this name, with other values, reached actors-service first (and is still hashing elsewhere).
        ReleaseOrigins.PARTS.get("actors").put(name, ReleaseOrigins.part("actors", name,
                java.time.Instant.parse("2021-05-01T00:00:00Z"), "the other cut", "other-admin@example.org"));

        asAdmin().body(cut(name, "2021-05-02T00:00:00Z", NOTE)).post(RELEASES).then().statusCode(409)
                .body("service", equalTo("actors-service"));
        assertThat(ReleaseOrigins.RECEIVED.get("events")).doesNotContainKey(name);
        assertThat(ReleaseOrigins.RECEIVED.get("agreements")).doesNotContainKey(name);

        // The cut the first service kept completes with its instant and note.
        asAdmin().body(cut(name, "2021-05-01T00:00:00Z", "the other cut")).post(RELEASES).then().statusCode(201)
                .body("complete", equalTo(true)).body("freezesAt", equalTo("2021-05-01T00:00:00Z"));
    }

    @Test
    void aCutWithoutAnInstantTakesTheInstantOfAPartCutDirectlyInAnyService() {
        String name = unique("direct");
        // An admin cut events-service's part alone (PUT /api/v1/events/releases/{name}).
        ReleaseOrigins.PARTS.get("events").put(name, ReleaseOrigins.part("events", name,
                java.time.Instant.parse("2021-06-01T00:00:00Z"), NOTE, "admin@example.org"));

        asAdmin().body(new JsonObject().put("name", name).put("note", NOTE).encode()).post(RELEASES).then()
                .statusCode(201).body("complete", equalTo(true)).body("freezesAt", equalTo("2021-06-01T00:00:00Z"));
        assertThat(ReleaseOrigins.RECEIVED.get("actors").get(name).getString("freezesAt"))
                .isEqualTo("2021-06-01T00:00:00Z");
    }

    @Test
    void aServiceWhoseReadModelIsBehindIsA503WithItsRetryAfter() {
        String name = unique("behind");
        String body = cut(name, "2021-04-30T00:00:00Z", NOTE);
        ReleaseOrigins.NOT_READY.add("agreements");

        asAdmin().body(body).post(RELEASES).then()
                .statusCode(503)
                .header("Retry-After", "7")
                .body("type", equalTo("urn:conflict-ledger:problem:release-incomplete"))
                .body("service", equalTo("agreements-service"))
                .body("heldBy", equalTo(List.of("actors-service", "events-service")))
                .body("detail", containsString("The read model is catching up"));

        ReleaseOrigins.NOT_READY.clear();
        asAdmin().body(body).post(RELEASES).then().statusCode(201).body("complete", equalTo(true));
    }

    @Test
    void theListMergesTheServicesPartsNewestFirstAndShowsAPartialReleaseAsIncomplete() {
        String partial = unique("partial");
        Instant partialAt = Instant.parse("2019-06-30T12:00:00Z");
        ReleaseOrigins.PARTS.get("actors").put(partial,
                ReleaseOrigins.part("actors", partial, partialAt, "Cut where only actors answered", ADMIN));
        String full = unique("full");
        asAdmin().body(cut(full, "2019-07-01T00:00:00Z", NOTE)).post(RELEASES).then().statusCode(201);

        List<Map<String, Object>> items = asAdmin().get(RELEASES).then().statusCode(200)
                .contentType("application/json").extract().path("items");

        assertThat(items).extracting(i -> Instant.parse((String) i.get("freezesAt")))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<Object> names = items.stream().map(i -> i.get("name")).toList();
        assertThat(names).containsSubsequence(full, partial);
        Map<String, Object> partialItem = items.stream().filter(i -> i.get("name").equals(partial)).findFirst().orElseThrow();
        assertThat(partialItem).containsEntry("complete", false).containsEntry("freezesAt", "2019-06-30T12:00:00Z")
                .containsEntry("note", "Cut where only actors answered");
        assertThat((Map<String, Object>) partialItem.get("collections")).containsOnlyKeys("actors");
        Map<String, Object> fullItem = items.stream().filter(i -> i.get("name").equals(full)).findFirst().orElseThrow();
        assertThat(fullItem).containsEntry("complete", true);
        assertThat((Map<String, Object>) fullItem.get("collections")).containsOnlyKeys("actors", "events", "agreements");
    }

    @Test
    void aReleaseNoServiceHoldsIsA404() {
        asAdmin().get(RELEASES + "/" + unique("never")).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:conflict-ledger:problem:not-found"));
        asAdmin().get(RELEASES + "/-bad").then().statusCode(400)
                .body("errors.field", equalTo(List.of("name")));
    }

    @Test
    void aBodyThatIsNotAReleaseIsA400NamingTheFieldAndNoServiceSeesIt() {
        String name = unique("bad");
        invalid(cut("-starts-with-a-dash", "2020-12-31T23:59:59Z", NOTE), "name");
        invalid(cut("a".repeat(65), "2020-12-31T23:59:59Z", NOTE), "name");
        invalid(cut("2020/12", "2020-12-31T23:59:59Z", NOTE), "name");
        invalid(new JsonObject().put("note", NOTE).encode(), "name");
        invalid(new JsonObject().put("name", name).encode(), "note");
        invalid(cut(name, "2020-12-31T23:59:59Z", "   "), "note");
        invalid(cut(name, "2020-12-31T23:59:59Z", "n".repeat(2001)), "note");
        invalid(cut(name, Instant.now().plusSeconds(3600).toString(), NOTE), "freezesAt");
        invalid(cut(name, "2020-12-31", NOTE), "freezesAt");
        invalid(new JsonObject().put("name", name).put("note", NOTE).put("freezesAt", 1609459199).encode(), "freezesAt");
        invalid(new JsonObject().put("name", name).put("note", NOTE).put("notes", "x").encode(), "notes");
        invalid("{\"name\": \"" + name + "\", \"note\": \"a\", \"note\": \"b\"}", "body");
        invalid("[1, 2]", "body");
        invalid("not json", "body");
        invalid("", "body");
        given().header("Authorization", TestTokens.bearer(ADMIN, "admin")).contentType(ContentType.JSON)
                .body(new JsonObject().put("name", name).put("freezesAt", 1).put("note", " ").encode())
                .post(RELEASES).then().statusCode(400)
                .body("errors.field", equalTo(List.of("freezesAt", "note")));
        asAdmin().queryParam("dryRun", "true").body(cut(name, "2020-12-31T23:59:59Z", NOTE)).post(RELEASES).then()
                .statusCode(400).body("errors.field", equalTo(List.of("dryRun")));

        for (String collection : ReleaseOrigins.COLLECTIONS) {
            assertThat(ReleaseOrigins.RECEIVED.get(collection)).doesNotContainKey(name);
        }
        asAdmin().get(RELEASES + "/" + name).then().statusCode(404);
    }

    @Test
    void onlyAnAdminCutsAReleaseAndAReaderMayReadThem() {
        String name = unique("roles");
        for (String role : new String[]{"reader", "editor"}) {
            given().header("Authorization", TestTokens.bearer(role + "@example.org", role)).contentType(ContentType.JSON)
                    .body(cut(name, "2020-12-31T23:59:59Z", NOTE)).post(RELEASES).then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:conflict-ledger:problem:forbidden"))
                    .body("detail", containsString("admin"));
        }
        given().contentType(ContentType.JSON).body(cut(name, "2020-12-31T23:59:59Z", NOTE)).post(RELEASES).then()
                .statusCode(401);
        for (String collection : ReleaseOrigins.COLLECTIONS) {
            assertThat(ReleaseOrigins.RECEIVED.get(collection)).doesNotContainKey(name);
        }
        given().header("Authorization", TestTokens.bearer("reader@example.org", "reader")).get(RELEASES).then()
                .statusCode(200);
    }

    @Test
    void theGatewaysOpenApiDocumentDescribesTheReleases() throws Exception {
        ValidatableResponse document = given().queryParam("format", "json").get("/q/gateway-openapi").then().statusCode(200);
        assertThat(OpenApiRules.problems(new ObjectMapper().readTree(document.extract().asString())))
                .filteredOn(problem -> problem.contains("releases") || problem.contains("Release"))
                .isEmpty();
        document.body("paths.'/api/v1/releases'.post.operationId", equalTo("cutRelease"))
                .body("paths.'/api/v1/releases'.post.tags", hasItem("Releases"))
                .body("paths.'/api/v1/releases'.post.x-required-role", equalTo("admin"))
                .body("paths.'/api/v1/releases'.post.requestBody.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ReleaseCutRequest"))
                .body("paths.'/api/v1/releases'.post.responses", hasKey("409"))
                .body("paths.'/api/v1/releases'.post.responses", hasKey("503"))
                .body("paths.'/api/v1/releases'.post.responses", hasKey("403"))
                .body("paths.'/api/v1/releases'.get.operationId", equalTo("listReleases"))
                .body("paths.'/api/v1/releases'.get.x-required-role", equalTo("reader"))
                .body("paths.'/api/v1/releases/{name}'.get.operationId", equalTo("getRelease"))
                .body("paths.'/api/v1/releases/{name}'.get.responses", hasKey("404"))
                .body("tags.name", hasItem("Releases"));
    }

    private static void invalid(String body, String field) {
        asAdmin().body(body).post(RELEASES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:conflict-ledger:problem:validation"))
                .body("errors.field", equalTo(List.of(field)))
                .body("detail", containsString(field + ": "));
    }

    private static RequestSpecification asAdmin() {
        return given().header("Authorization", TestTokens.bearer(ADMIN, "admin")).contentType(ContentType.JSON);
    }

    private static String cut(String name, String freezesAt, String note) {
        return new JsonObject().put("name", name).put("freezesAt", freezesAt).put("note", note).encode();
    }

    /** A name no other test uses: the stand-ins keep their releases for the whole run. */
    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
