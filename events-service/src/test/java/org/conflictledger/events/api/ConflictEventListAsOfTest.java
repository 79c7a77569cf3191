package org.conflictledger.events.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.actorreplica.ActorRef;
import org.conflictledger.devstack.http.ListPages;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * The list as it stood at an instant ({@code asOf}): the events recorded by then, filtered and shown with the values
 * they had then, in the same order and pages as the list now.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ConflictEventListAsOfTest {
    private static final String EVENTS = "/api/v1/events";

    @Inject
    ActorDirectory directory;

    @Inject
    AgroalDataSource dataSource;

    private String marker;
    private String aze;
    private String arm;

    @BeforeEach
    void actorsKnownFromTheActorTopic() throws Exception {
        marker = "asof" + UUID.randomUUID().toString().substring(0, 8);
        aze = ("AZE" + marker).toUpperCase();
        arm = ("ARM" + marker).toUpperCase();
        try (ActorEvents actors = new ActorEvents()) {
            actors.registered(aze, "Azerbaijan " + marker, 0);
            actors.registered(arm, "Armenia " + marker, 0);
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                directory.byReference(aze).isPresent() && directory.byReference(arm).isPresent());
    }

    @Test
    void aListAsOfAnInstantHasTheEventsOfThenWithTheirValuesOfThenInTheOrderAndPagesOfTheList() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String place : List.of("Fuzuli", "Hadrut", "Shusha", "Lachin", "Kalbajar", "Aghdam")) {
            ids.add(report(place));
        }
        List<String> orderThen = idsOfList(Map.of("q", marker), 20);
        assertThat(orderThen).containsExactlyInAnyOrderElementsOf(ids);
        Instant before = Instant.parse(given().get(EVENTS + "/" + ids.get(0)).then().extract().path("reportedAt"))
                .minusMillis(1);
        Instant then = Instant.parse(given().get(EVENTS + "/" + ids.get(5)).then().extract().path("updatedAt"));
        Thread.sleep(5);

        correct(ids.get(0), "{\"fatalities\": {\"low\": 30, \"best\": 34, \"high\": 40}, \"reason\": \"revised toll\"}");
        correct(ids.get(1), "{\"notes\": \"relabelled\", \"reason\": \"notes rewritten\"}");
        given().contentType(ContentType.JSON).body("{\"reason\": \"duplicate\"}").post(EVENTS + "/" + ids.get(2) + "/retract")
                .then().statusCode(200);
        String later = report("Jabrayil");

        // Now: the rewritten notes no longer match, the later event does.
        List<String> now = idsOfList(Map.of("q", marker), 20);
        assertThat(now).contains(later, ids.get(0)).doesNotContain(ids.get(1));
        // Then: the six events, the one whose notes changed since included, the later one not, in the same order, the
        // pages mixing states replaced since and states unchanged since.
        assertThat(idsOfList(Map.of("q", marker, "asOf", then.toString()), 2)).containsExactlyElementsOf(orderThen);
        given().queryParam("q", marker).queryParam("asOf", then.toString()).get(EVENTS).then().statusCode(200)
                .body("items.find { it.id == '" + ids.get(0) + "' }.fatalities.best", equalTo(12))
                .body("items.find { it.id == '" + ids.get(1) + "' }.notes", containsString(marker))
                .body("items.find { it.id == '" + ids.get(2) + "' }.status", equalTo("REPORTED"))
                .body("items.asOf", hasSize(6))
                .body("items[0].asOf", equalTo(then.toString()));
        given().queryParam("q", marker).queryParam("status", "RETRACTED").queryParam("asOf", then.toString())
                .get(EVENTS).then().body("items", hasSize(0));
        given().queryParam("q", marker).queryParam("status", "RETRACTED").get(EVENTS).then()
                .body("items.id", org.hamcrest.Matchers.contains(ids.get(2)));
        given().queryParam("q", marker).queryParam("asOf", before.toString()).get(EVENTS).then().body("items", hasSize(0));
        assertThat(idsOfList(Map.of("q", marker, "asOf", Instant.now().toString()), 3)).containsExactlyElementsOf(now);

        String csv = given().accept("text/csv").queryParam("q", marker).queryParam("asOf", then.toString())
                .get(EVENTS).then().statusCode(200).extract().asString();
        assertThat(csv).contains("Hadrut").doesNotContain("relabelled").doesNotContain("Jabrayil");
        given().accept("application/geo+json").queryParam("q", marker).queryParam("asOf", then.toString()).get(EVENTS)
                .then().statusCode(200).body("features", hasSize(6))
                .body("features.properties.notes", not(org.hamcrest.Matchers.hasItem("relabelled")));
    }

    @Test
    void anEventAsOfAnInstantNamesItsActorsAsTheyWereNamedThen() throws Exception {
        String id = report("Tartar");
        Instant then = Instant.parse(given().get(EVENTS + "/" + id).then().extract().path("updatedAt"));
        UUID azerbaijan = directory.byReference(aze).orElseThrow().id();
        String renamed = "Republic of Azerbaijan " + marker;
        Thread.sleep(5);
        try (ActorEvents actors = new ActorEvents()) {
            actors.renamed(azerbaijan, "Azerbaijan " + marker, renamed, 1);
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                directory.byId(azerbaijan).map(ActorRef::name).orElse("").equals(renamed));

        String named = "actors.find { it.key == '" + aze + "' }.name";
        given().get(EVENTS + "/" + id).then().statusCode(200).body(named, equalTo(renamed));
        given().queryParam("asOf", then.toString()).get(EVENTS + "/" + id).then().statusCode(200)
                .body(named, equalTo("Azerbaijan " + marker));
        given().queryParam("q", marker).queryParam("asOf", then.toString()).get(EVENTS).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }." + named, equalTo("Azerbaijan " + marker));
        given().queryParam("q", marker).get(EVENTS).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }." + named, equalTo(renamed));
    }

    @Test
    void anActorFilterAsOfAnInstantUsesTheActorsTheEventNamedThen() throws Exception {
        String id = report("Tartar");
        Instant then = Instant.parse(given().get(EVENTS + "/" + id).then().extract().path("updatedAt"));
        Thread.sleep(5);
        correct(id, "{\"actors\": [{\"actor\": \"" + aze + "\", \"role\": \"PERPETRATOR\"}], \"reason\": \"one side only\"}");

        given().queryParam("actor", arm).get(EVENTS).then().body("items", hasSize(0));
        given().queryParam("actor", arm).queryParam("role", "TARGET").queryParam("asOf", then.toString()).get(EVENTS)
                .then().body("items.id", org.hamcrest.Matchers.contains(id));
    }

    @Test
    void aStoreWhosePastStatesWereNotKeptAnswersListsAsOf503UntilARebuildKeepsThem() throws Exception {
        report("Agdam");
        String asOf = Instant.now().toString();
        setHistoryComplete(false);
        try {
            given().queryParam("asOf", asOf).get(EVENTS).then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:conflict-ledger:problem:history-not-built"))
                    .body("detail", containsString("/api/v1/events/admin/read-model/rebuild"));
            given().queryParam("q", marker).get(EVENTS).then().statusCode(200).body("items", hasSize(1));

            given().post(EVENTS + "/admin/read-model/rebuild").then().statusCode(200);

            given().queryParam("q", marker).queryParam("asOf", asOf).get(EVENTS).then().statusCode(200)
                    .body("items", hasSize(1));
        } finally {
            setHistoryComplete(true);
        }
    }

    private void setHistoryComplete(boolean complete) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE conflict_event_history SET complete = ?")) {
            update.setBoolean(1, complete);
            update.executeUpdate();
        }
    }

    private String report(String place) {
        String body = """
                {"theater": "NAGORNO_KARABAKH", "type": "BATTLE", "date": "2020-10-15",
                 "location": {"place": "%s", "country": "Azerbaijan", "latitude": 39.6, "longitude": 47.1, "geoPrecision": "EXACT"},
                 "actors": [{"actor": "%s", "role": "PERPETRATOR"}, {"actor": "%s", "role": "TARGET"}],
                 "fatalities": {"low": 10, "best": 12, "high": 20},
                 "notes": "Fighting %s", "reason": "seed",
                 "sources": [{"title": "Seed document", "publisher": "Conflict Ledger"}]}
                """.formatted(place, aze, arm, marker);
        return given().contentType(ContentType.JSON).body(body).post(EVENTS).then().statusCode(201).extract().path("id");
    }

    private static void correct(String id, String body) {
        given().contentType(ContentType.JSON).body(body).post(EVENTS + "/" + id + "/corrections").then().statusCode(200);
    }

    private static List<String> idsOfList(Map<String, String> query, int limit) {
        return ListPages.collect(EVENTS, query, limit, "id");
    }
}
