package org.conflictledger.actors.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.conflictledger.devstack.http.ListPages;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictledger.actors.api.ActorFixtures.uniqueKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Listing actors (filters, cursor pagination) and reading their relationships, over a small world
 * registered afresh for each test under a unique marker so other tests' actors do not interfere.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ActorQueriesApiTest {
    private static final String ACTORS = "/api/v1/actors";

    /** Unique to this test; every key starts with it and every name ends with it. */
    private String marker;
    private String rus;
    private String tur;
    private String gna;
    private String haf;
    private String aze;
    private String arm;
    private String turId;
    private String rusId;
    private String turSupportsGna;
    private String turSupportsAze;

    @BeforeEach
    void registerTheWorld() {
        marker = uniqueKey("W");
        rus = marker + "-RUS";
        tur = marker + "-TUR";
        gna = marker + "-GNA";
        haf = marker + "-HAF";
        aze = marker + "-AZE";
        arm = marker + "-ARM";
        rusId = register(rus, "Russia", "STATE", "RUS", List.of("Russian Federation"));
        turId = register(tur, "Turkey", "STATE", "TUR", List.of("Türkiye"));
        register(gna, "Government of National Accord", "GOVERNMENT", "LBY", List.of());
        register(haf, "Haftar forces", "ARMED_GROUP", "LBY", List.of("Libyan National Army " + marker));
        register(aze, "Azerbaijan", "STATE", "AZE", List.of());
        register(arm, "Armenia", "STATE", "ARM", List.of());

        turSupportsGna = declare(tur, "SUPPORTS", gna, "LIBYA", "2019-11-27");
        declare(rus, "SUPPORTS", haf, "LIBYA", null);
        turSupportsAze = declare(tur, "SUPPORTS", aze, "NAGORNO_KARABAKH", "2020-09-27");
        declare(rus, "MEDIATES", arm, "NAGORNO_KARABAKH", null);
        declare(rus, "MEDIATES", aze, "NAGORNO_KARABAKH", null);
    }

    // ---------------------------------------------------------------- as of an instant

    @Test
    void theListAsOfAnInstantHasTheActorsOfThenWithTheirNamesAndRelationshipsOfThen() throws Exception {
        Thread.sleep(5);
        Instant then = Instant.now();
        Thread.sleep(5);
        given().contentType(ContentType.JSON).body(Map.of("name", "Libyan National Army " + marker, "reason", "renamed"))
                .post(ACTORS + "/" + haf + "/rename").then().statusCode(200);
        declare(rus, "SUPPORTS", gna, "SYRIA", null);
        String later = marker + "-NEW";
        register(later, "Newcomer", "ARMED_GROUP", "SYR", List.of());

        assertThat(keysOfList(Map.of("q", marker), 2)).contains(later);
        assertThat(keysOfList(Map.of("q", marker, "asOf", then.toString()), 2))
                .containsExactly(arm, aze, gna, haf, rus, tur);
        given().queryParam("q", "Haftar forces " + marker).queryParam("asOf", then.toString()).get(ACTORS).then().statusCode(200)
                .body("items.key", contains(haf)).body("items[0].name", equalTo("Haftar forces " + marker))
                .body("items[0].asOf", equalTo(then.toString()));
        given().queryParam("q", "Haftar forces " + marker).get(ACTORS).then().body("items.key", empty());
        given().queryParam("theater", "SYRIA").queryParam("q", marker).get(ACTORS).then()
                .body("items.key", containsInAnyOrder(gna, rus));
        given().queryParam("theater", "SYRIA").queryParam("q", marker).queryParam("asOf", then.toString()).get(ACTORS)
                .then().body("items.key", empty());
        given().queryParam("relatedTo", rus).get(ACTORS).then().body("items.key", containsInAnyOrder(arm, aze, gna, haf));
        given().queryParam("relatedTo", rus).queryParam("asOf", then.toString()).get(ACTORS).then()
                .body("items.key", containsInAnyOrder(arm, aze, haf));
        given().queryParam("asOf", Instant.now().plusSeconds(600).toString()).get(ACTORS).then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    private static List<String> keysOfList(Map<String, String> query, int limit) {
        return ListPages.collect(ACTORS, query, limit, "key");
    }

    // ---------------------------------------------------------------- filters

    @Test
    void theWorldIsListedInKeyOrderUnderItsMarker() {
        listed(Map.of()).statusCode(200)
                .body("items.key", contains(arm, aze, gna, haf, rus, tur))
                .body("next", nullValue());
    }

    @Test
    void actorsAreFilteredByKind() {
        listed(Map.of("kind", "STATE")).body("items.key", contains(arm, aze, rus, tur))
                .body("items.kind", everyItem(equalTo("STATE")));
        listed(Map.of("kind", "GOVERNMENT")).body("items.key", contains(gna));
        listed(Map.of("kind", "ARMED_GROUP")).body("items.key", contains(haf))
                .body("items[0].name", equalTo("Haftar forces " + marker));
        listed(Map.of("kind", "LEADER")).body("items", empty());
    }

    @Test
    void actorsAreFilteredByCountry() {
        listed(Map.of("country", "LBY")).body("items.key", contains(gna, haf))
                .body("items.country", everyItem(equalTo("LBY")));
        listed(Map.of("country", "TUR")).body("items.key", contains(tur));
        listed(Map.of("country", "FRA")).body("items", empty());
        listed(Map.of("country", "LBY", "kind", "GOVERNMENT")).body("items.key", contains(gna));
    }

    @Test
    void actorsAreFoundByPartOfTheirNameIgnoringCase() {
        given().queryParam("q", "tUrKeY " + marker.toLowerCase()).get(ACTORS).then().statusCode(200)
                .body("items.key", contains(tur));
        given().queryParam("q", "HAFTAR FORCES " + marker).get(ACTORS).then().statusCode(200)
                .body("items.key", contains(haf));
        given().queryParam("q", "nomatch-" + marker).get(ACTORS).then().statusCode(200).body("items", empty());
    }

    @Test
    void actorsAreFoundByPartOfAnAliasIgnoringCase() {
        given().queryParam("q", "libyan NATIONAL army " + marker.toLowerCase()).get(ACTORS).then().statusCode(200)
                .body("items.key", contains(haf))
                .body("items[0].aliases", contains("Libyan National Army " + marker));
        given().queryParam("q", "national army " + marker).get(ACTORS).then().statusCode(200)
                .body("items.key", contains(haf));
    }

    @Test
    void actorsAreFilteredByTheaterOnEitherSideOfARelationship() {
        listed(Map.of("theater", "LIBYA")).body("items.key", contains(gna, haf, rus, tur));
        listed(Map.of("theater", "NAGORNO_KARABAKH")).body("items.key", contains(arm, aze, rus, tur));
        listed(Map.of("theater", "SYRIA")).body("items", empty());
        listed(Map.of("theater", "LIBYA", "kind", "STATE")).body("items.key", contains(rus, tur));
    }

    @Test
    void actorsAreFilteredByARelatedActorInEitherDirection() {
        // Turkey declared both: outgoing only
        given().queryParam("relatedTo", tur).get(ACTORS).then().statusCode(200)
                .body("items.key", contains(aze, gna))
                .body("next", nullValue());
        // Azerbaijan declared nothing: both are incoming
        given().queryParam("relatedTo", aze).get(ACTORS).then().statusCode(200)
                .body("items.key", contains(rus, tur));
        // Russia: outgoing to Haftar, Armenia and Azerbaijan
        given().queryParam("relatedTo", rusId).get(ACTORS).then().statusCode(200)
                .body("items.key", contains(arm, aze, haf));
        given().queryParam("relatedTo", gna).get(ACTORS).then().statusCode(200)
                .body("items.key", contains(tur));
        given().queryParam("relatedTo", aze).queryParam("kind", "STATE").queryParam("theater", "NAGORNO_KARABAKH")
                .get(ACTORS).then().statusCode(200)
                .body("items.key", contains(rus, tur));
    }

    // ---------------------------------------------------------------- pagination

    @Test
    void pagesOfTwoWalkEveryMatchingActorOnceInKeyOrder() {
        List<String> walked = new ArrayList<>();
        List<Boolean> linked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("q", marker).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(ACTORS);
            assertThat(page.statusCode()).isEqualTo(200);
            List<String> keys = page.jsonPath().getList("items.key", String.class);
            assertThat(keys).hasSizeLessThanOrEqualTo(2).isNotEmpty();
            walked.addAll(keys);
            cursor = page.jsonPath().getString("next");
            String link = page.header("Link");
            linked.add(link != null);
            if (cursor != null) {
                assertThat(link).isNotNull().endsWith(">; rel=\"next\"");
                String target = linkTarget(link);
                assertThat(target).contains("cursor=" + cursor).contains("limit=2").contains("q=" + marker);
            } else {
                assertThat(link).isNull();
            }
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(walked).containsExactly(arm, aze, gna, haf, rus, tur);
        assertThat(pages).isEqualTo(3);
        assertThat(linked).containsExactly(true, true, false);
    }

    @Test
    void theLinkHeaderLeadsToTheNextPage() {
        Response first = given().queryParam("q", marker).queryParam("limit", 4).get(ACTORS);
        assertThat(first.jsonPath().getList("items.key", String.class)).containsExactly(arm, aze, gna, haf);
        String next = first.jsonPath().getString("next");
        assertThat(next).isNotNull();
        String target = linkTarget(first.header("Link"));

        given().urlEncodingEnabled(false).get(target).then().statusCode(200)
                .header("Link", nullValue())
                .body("items.key", contains(rus, tur))
                .body("next", nullValue());
        given().queryParam("q", marker).queryParam("limit", 4).queryParam("cursor", next).get(ACTORS)
                .then().statusCode(200).body("items.key", contains(rus, tur));
    }

    @Test
    void aFilteredListIsPagedTooAndTheCursorKeepsTheFilter() {
        Response first = given().queryParam("q", marker).queryParam("kind", "STATE").queryParam("limit", 3).get(ACTORS);
        assertThat(first.jsonPath().getList("items.key", String.class)).containsExactly(arm, aze, rus);
        String target = linkTarget(first.header("Link"));
        assertThat(target).contains("kind=STATE");
        given().urlEncodingEnabled(false).get(target).then().statusCode(200)
                .body("items.key", contains(tur))
                .body("next", nullValue());
    }

    // ---------------------------------------------------------------- relationships

    @Test
    void declaringARelationshipAnswersCreatedWithLocationAndId() {
        String syr = marker + "-SYR";
        register(syr, "Syria", "STATE", "SYR", List.of());
        Map<String, Object> body = declaration("OPPOSES", syr, "SYRIA", "2016-08-24");
        body.put("confidence", 0.8);
        var created = given().contentType(ContentType.JSON).body(body).post(ACTORS + "/" + tur + "/relationships")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/actors/" + turId + "/relationships/[0-9a-f-]{36}"))
                .header("ETag", "\"4\"")
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("actor.key", equalTo(tur))
                .body("kind", equalTo("OPPOSES"))
                .body("counterpart.key", equalTo(syr))
                .body("counterpart.name", equalTo("Syria " + marker))
                .body("theater", equalTo("SYRIA"))
                .body("validFrom", equalTo("2016-08-24"))
                .body("confidence", equalTo(0.8f))
                .body("ended", equalTo(false))
                .body("direction", equalTo("outgoing"))
                .body("declaredAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/relationships/" + id);
        given().queryParam("theater", "SYRIA").get(ACTORS + "/" + tur + "/relationships").then().statusCode(200)
                .body("items.id", contains(id));
    }

    @Test
    void outgoingRelationshipsNameTheirCounterparts() {
        given().queryParam("direction", "outgoing").get(ACTORS + "/" + tur + "/relationships").then().statusCode(200)
                .body("items.id", contains(turSupportsGna, turSupportsAze))
                .body("items.direction", everyItem(equalTo("outgoing")))
                .body("items.kind", everyItem(equalTo("SUPPORTS")))
                .body("items.actor.key", everyItem(equalTo(tur)))
                .body("items.counterpart.key", contains(gna, aze))
                .body("items.counterpart.name", contains("Government of National Accord " + marker, "Azerbaijan " + marker))
                .body("items.theater", contains("LIBYA", "NAGORNO_KARABAKH"))
                .body("items.validFrom", contains("2019-11-27", "2020-09-27"))
                .body("next", nullValue());
    }

    @Test
    void incomingRelationshipsNameWhoDeclaredThem() {
        given().queryParam("direction", "incoming").get(ACTORS + "/" + tur + "/relationships").then().statusCode(200)
                .body("items", empty());
        given().queryParam("direction", "incoming").get(ACTORS + "/" + aze + "/relationships").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.direction", everyItem(equalTo("incoming")))
                .body("items.actor.key", containsInAnyOrder(tur, rus))
                .body("items.actor.name", containsInAnyOrder("Turkey " + marker, "Russia " + marker))
                .body("items.counterpart.key", everyItem(equalTo(aze)))
                .body("items.find { it.actor.key == '%s' }.kind".formatted(tur), equalTo("SUPPORTS"))
                .body("items.find { it.actor.key == '%s' }.kind".formatted(rus), equalTo("MEDIATES"));
        given().queryParam("direction", "outgoing").get(ACTORS + "/" + aze + "/relationships").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void bothDirectionsIsTheDefault() {
        given().get(ACTORS + "/" + tur + "/relationships").then().statusCode(200)
                .body("items.counterpart.key", contains(gna, aze));
        given().queryParam("direction", "both").get(ACTORS + "/" + gna + "/relationships").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(turSupportsGna))
                .body("items[0].direction", equalTo("incoming"))
                .body("items[0].actor.key", equalTo(tur));
        given().get(ACTORS + "/" + rus + "/relationships").then().statusCode(200)
                .body("items.counterpart.key", contains(haf, arm, aze));
        given().queryParam("kind", "MEDIATES").get(ACTORS + "/" + rus + "/relationships").then().statusCode(200)
                .body("items.counterpart.key", contains(arm, aze));
        given().queryParam("theater", "LIBYA").get(ACTORS + "/" + rus + "/relationships").then().statusCode(200)
                .body("items.counterpart.key", contains(haf));
    }

    @Test
    void validAtKeepsOnlyTheRelationshipsThatHeldThatDay() {
        String path = ACTORS + "/" + tur + "/relationships";
        given().queryParam("validAt", "2019-11-26").get(path).then().statusCode(200).body("items", empty());
        given().queryParam("validAt", "2019-11-27").get(path).then().statusCode(200)
                .body("items.counterpart.key", contains(gna));
        given().queryParam("validAt", "2020-09-26").get(path).then().statusCode(200)
                .body("items.counterpart.key", contains(gna));
        given().queryParam("validAt", "2020-09-27").get(path).then().statusCode(200)
                .body("items.counterpart.key", contains(gna, aze));
        // open-ended relationships without validFrom hold on any day
        given().queryParam("validAt", "1990-01-01").get(ACTORS + "/" + rus + "/relationships").then().statusCode(200)
                .body("items.counterpart.key", contains(haf, arm, aze));
    }

    @Test
    void anEndedRelationshipNoLongerHoldsAfterItsLastDay() {
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(Map.of("validUntil", "2020-11-10", "reason", "Trilateral statement"))
                .post(ACTORS + "/" + tur + "/relationships/" + turSupportsAze + "/end")
                .then().statusCode(200)
                .header("ETag", "\"4\"")
                .body("version", equalTo(4));

        String path = ACTORS + "/" + tur + "/relationships";
        given().queryParam("validAt", "2020-11-10").get(path).then().statusCode(200)
                .body("items.counterpart.key", contains(gna, aze));
        given().queryParam("validAt", "2020-11-11").get(path).then().statusCode(200)
                .body("items.counterpart.key", contains(gna));
        given().get(path).then().statusCode(200)
                .body("items.find { it.id == '%s' }.ended".formatted(turSupportsAze), equalTo(true))
                .body("items.find { it.id == '%s' }.validUntil".formatted(turSupportsAze), equalTo("2020-11-10"))
                .body("items.find { it.id == '%s' }.ended".formatted(turSupportsGna), equalTo(false))
                .body("items.find { it.id == '%s' }.validUntil".formatted(turSupportsGna), nullValue());
        // seen from the counterpart too
        given().queryParam("validAt", "2020-11-11").get(ACTORS + "/" + aze + "/relationships").then().statusCode(200)
                .body("items.actor.key", contains(rus));

        // ending it again is refused
        given().contentType(ContentType.JSON).body(Map.of("validUntil", "2020-11-12"))
                .post(ACTORS + "/" + tur + "/relationships/" + turSupportsAze + "/end")
                .then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("relationship-ended"));
        given().get(ACTORS + "/" + tur).then().header("ETag", "\"4\"");
    }

    @Test
    void anEndedRelationshipStillCountsForTheTheaterAndRelatedToFilters() {
        given().contentType(ContentType.JSON).body(Map.of("validUntil", "2020-11-10"))
                .post(ACTORS + "/" + tur + "/relationships/" + turSupportsAze + "/end").then().statusCode(200);
        given().queryParam("relatedTo", tur).get(ACTORS).then().statusCode(200)
                .body("items.key", contains(aze, gna));
    }

    // ---------------------------------------------------------------- helpers

    private ValidatableResponse listed(Map<String, ?> filters) {
        return given().queryParam("q", marker).queryParams(filters).get(ACTORS).then().statusCode(200);
    }

    private String register(String key, String name, String kind, String country, List<String> aliases) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("name", name + " " + marker);
        body.put("kind", kind);
        body.put("country", country);
        body.put("aliases", aliases);
        body.put("reason", "test world");
        body.put("sources", List.of(Map.of("title", "Seed document", "publisher", "Conflict Ledger")));
        return given().contentType(ContentType.JSON).body(body).post(ACTORS)
                .then().statusCode(201).extract().path("id");
    }

    /** Declares a relationship and returns its id, checking the 201 names it in Location. */
    private String declare(String actor, String kind, String counterpart, String theater, String validFrom) {
        var created = given().contentType(ContentType.JSON).body(declaration(kind, counterpart, theater, validFrom))
                .post(ACTORS + "/" + actor + "/relationships")
                .then().statusCode(201)
                .body("id", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/relationships/" + id);
        return id;
    }

    private static Map<String, Object> declaration(String kind, String counterpart, String theater, String validFrom) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("counterpart", counterpart);
        body.put("theater", theater);
        if (validFrom != null) {
            body.put("validFrom", validFrom);
        }
        body.put("reason", "test world");
        return body;
    }

    private static String linkTarget(String link) {
        Matcher matcher = Pattern.compile("^<([^>]+)>; rel=\"next\"$").matcher(link);
        assertThat(matcher.matches()).as("Link header %s", link).isTrue();
        return matcher.group(1);
    }
}
