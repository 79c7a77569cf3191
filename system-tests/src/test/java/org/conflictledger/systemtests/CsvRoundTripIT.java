package org.conflictledger.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.api.SoftAssertions;
import org.conflictledger.devstack.kafka.EmbeddedKafkaBroker;
import org.conflictledger.devstack.process.ServiceProcess;
import org.conflictledger.devstack.tokens.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The ACLED-shaped CSV as a way to move events from one events-service to another: events reported in
 * events-service A, exported from it as CSV and imported into an empty events-service B come out of B equal to
 * A's in every field but those each record gives itself (id, version, reportedAt, updatedAt, status).
 *
 * <p>One broker, one actors-service and two events-services, each with its own database and its own
 * actor-replica consumer group ({@code ACTOR_REPLICA_GROUP_ID}), so each builds its replica from
 * {@code ledger.actors.v1} by itself. Driven over HTTP only.
 */
class CsvRoundTripIT {
    /** The services check tokens, as deployed: these tests write (and read) as an editor. */
    private static final String EDITOR = TestTokens.bearer("system-test@example.org", "editor");
    private static final Path ACTORS_JAR = Path.of(System.getProperty("ledger.actorsServiceJar",
            "../actors-service/target/quarkus-app/quarkus-run.jar"));
    private static final Path EVENTS_JAR = Path.of(System.getProperty("ledger.eventsServiceJar",
            "../events-service/target/quarkus-app/quarkus-run.jar"));
    private static final Path LOGS = Path.of(System.getProperty("ledger.systemTests.logDir", "target/system-tests"));

    /** Generous: a service start-up and the replica's lag, on a busy machine. */
    private static final Duration READY = Duration.ofSeconds(240);
    private static final Duration REPLICA_LAG = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(250);

    /** What each record gives itself, so what an import cannot (and need not) carry over. */
    private static final Set<String> OWN_FIELDS = Set.of("id", "version", "reportedAt", "updatedAt", "status");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static EmbeddedKafkaBroker broker;
    private static ServiceProcess actorsService;
    private static ServiceProcess eventsServiceA;
    private static ServiceProcess eventsServiceB;
    private static RequestSpecification actors;
    private static RequestSpecification eventsA;
    private static RequestSpecification eventsB;

    @BeforeAll
    static void startTheSuite() throws Exception {
        broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
        actorsService = ServiceProcess.builder(ACTORS_JAR).name("actors-service")
                .env(TestTokens.checksOnEnvironment()).portVariable("ACTORS_PORT")
                .env("LEDGER_DATA", data.resolve("actors-service").toString())
                .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                .log(LOGS.resolve("csv-round-trip-actors-service.log"))
                .readyTimeout(READY)
                .start();
        eventsServiceA = eventsService("a");
        eventsServiceB = eventsService("b");
        actors = new RequestSpecBuilder().setBaseUri(actorsService.baseUri()).setContentType(ContentType.JSON)
                .addHeader("Authorization", EDITOR).build();
        eventsA = new RequestSpecBuilder().setBaseUri(eventsServiceA.baseUri()).setContentType(ContentType.JSON)
                .addHeader("Authorization", EDITOR).build();
        eventsB = new RequestSpecBuilder().setBaseUri(eventsServiceB.baseUri()).setContentType(ContentType.JSON)
                .addHeader("Authorization", EDITOR).build();
    }

    private static ServiceProcess eventsService(String which) throws Exception {
        return ServiceProcess.builder(EVENTS_JAR).name("events-service-" + which)
                .env(TestTokens.checksOnEnvironment()).portVariable("EVENTS_PORT")
                .env("LEDGER_DATA", data.resolve("events-service-" + which).toString())
                .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                .env("ACTOR_REPLICA_GROUP_ID", "csv-round-trip.events-service-" + which + ".actor-replica")
                .log(LOGS.resolve("csv-round-trip-events-service-" + which + ".log"))
                .readyTimeout(READY)
                .start();
    }

    @AfterAll
    static void stopTheSuite() throws Exception {
        try {
            for (ServiceProcess service : new ServiceProcess[] {eventsServiceB, eventsServiceA, actorsService}) {
                if (service != null) {
                    try (service) {
                        assertThat(service.stop()).as("%s's exit code after SIGTERM; see %s", service.name(), service.log())
                                .isIn(0, ServiceProcess.SIGTERM_EXIT_CODE);
                    }
                }
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    @Test
    void eventsExportedAsCsvFromOneEventsServiceAndImportedIntoAnotherAreTheSameEvents() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String marker = "csvrt" + run.toLowerCase(Locale.ROOT);
        Actor syria = register(run, "SYR", "Syrian Arab Army", "ARMED_GROUP");
        Actor russia = register(run, "RUS", "Russian Federation", "STATE");
        Actor turkey = register(run, "TUR", "Republic of Turkey", "STATE");
        Actor hts = register(run, "HTS", "Hay'at Tahrir al-Sham", "ARMED_GROUP");
        Actor lna = register(run, "LNA", "Libyan National Army, Haftar-led", "ARMED_GROUP");
        Actor gna = register(run, "GNA", "Government of National Accord", "GOVERNMENT");
        Actor unsmil = register(run, "UNSMIL", "United Nations Support Mission in Libya", "INTERGOVERNMENTAL_BODY");
        Actor armenia = register(run, "ARM", "Republic of Armenia", "STATE");
        Actor azerbaijan = register(run, "AZE", "Republic of Azerbaijan", "STATE");
        Actor greece = register(run, "GRC", "Hellenic Republic", "STATE");
        List<Actor> all = List.of(syria, russia, turkey, hts, lna, gna, unsmil, armenia, azerbaijan, greece);

        awaitReplicaKnows(eventsA, "events-service A", all);

        // Five events, in date order, that between them use every optional field (respondsTo aside: it names an
        // event of A's own record, which B does not have).
        List<ObjectNode> reports = new ArrayList<>();
        ObjectNode saraqib = report("SYRIA", "BATTLE", "2020-03-01", marker, 1);
        saraqib.put("subType", "GOVERNMENT_REGAINS_TERRITORY").put("datePrecision", "MONTH").put("endDate", "2020-03-31")
                .put("confidence", 0.6).put("acledEventId", "SYR" + run + "01");
        saraqib.set("location", location("Saraqib", "Idlib", "Idlib", "Saraqib", "Syria", 35.8626, 36.8006, "NEAR"));
        saraqib.set("actors", participants(syria, "PERPETRATOR", russia, "SUPPORTER", turkey, "TARGET", hts, "TARGET"));
        saraqib.set("fatalities", fatalities(30, 34, 60));
        saraqib.set("sources", sources(
                source("Fighting around Saraqib", "Reuters", "https://example.org/reuters/saraqib", "2020-03-02"),
                source("Idlib: situation report, March 2020", "OCHA", "https://example.org/ocha/idlib?m=3&y=2020",
                        "2020-04-01")));
        reports.add(saraqib);

        ObjectNode tarhuna = report("LIBYA", "EXPLOSION_REMOTE_VIOLENCE", "2020-06-05", marker, 2);
        tarhuna.put("subType", "AIR_DRONE_STRIKE").put("confidence", 0.75);
        tarhuna.set("location", location("Tarhuna", "Murqub", null, null, "Libya", 32.435, 13.6332, "EXACT"));
        tarhuna.set("actors", participants(turkey, "PERPETRATOR", gna, "SUPPORTER", lna, "TARGET"));
        tarhuna.set("fatalities", fatalities(2, 4, 7));
        tarhuna.set("sources", sources(source("Drone strikes near Tarhuna", "Libya Observer", null, "2020-06-06")));
        reports.add(tarhuna);

        ObjectNode ganja = report("NAGORNO_KARABAKH", "CEASEFIRE_VIOLATION", "2020-10-11", marker, 3);
        ganja.put("subType", "SHELLING_ARTILLERY_MISSILE_ATTACK").put("endDate", "2020-10-17").put("datePrecision", "DAY")
                .put("confidence", 1.0).put("agreement", UUID.randomUUID().toString())
                .put("term", "Point 1: a humanitarian ceasefire from 12:00, 10 October")
                .put("acledEventId", "AZE" + run + "03").put("ucdpGedId", "GED-" + run + "-3");
        ganja.set("location", location("Ganja", "Ganja", null, null, "Azerbaijan", 40.6828, 46.3606, "EXACT"));
        ganja.set("actors", participants(armenia, "PERPETRATOR", azerbaijan, "TARGET", azerbaijan, "AFFECTED"));
        ganja.set("fatalities", fatalities(10, 10, 10));
        ganja.set("sources", sources(source("Missile strike on Ganja", "BBC", "https://example.org/bbc/ganja", null),
                source("Statement of the Ministry of Defence", null, null, "2020-10-11")));
        reports.add(ganja);

        ObjectNode geneva = report("LIBYA", "CEASEFIRE_DECLARED", "2020-10-23", marker, 4);
        geneva.put("confidence", 0.95).put("acledEventId", "LBY" + run + "04");
        geneva.set("location", location("Geneva", null, null, null, "Switzerland", null, null, "COUNTRY"));
        geneva.set("actors", participants(lna, "SIGNATORY", gna, "SIGNATORY", unsmil, "MEDIATOR"));
        geneva.set("sources", sources(source("Permanent ceasefire agreement signed in Geneva", "UNSMIL",
                "https://example.org/unsmil/geneva", "2020-10-23")));
        reports.add(geneva);

        ObjectNode aegean = report("EASTERN_MEDITERRANEAN", "STATEMENT", "2021-01-01", marker, 5);
        aegean.put("datePrecision", "YEAR");
        aegean.set("location", location("Eastern Mediterranean", null, null, null, null, null, null, "WATERS"));
        aegean.set("actors", participants(turkey, "PERPETRATOR", greece, "AFFECTED"));
        aegean.set("fatalities", fatalities(null, 0, null));
        aegean.set("sources", sources(source("Navtex; counter-Navtex", null, null, null)));
        reports.add(aegean);

        for (ObjectNode report : reports) {
            given(eventsA).body(JSON.writeValueAsString(report)).post("/api/v1/events").then().statusCode(201);
        }
        ArrayNode inA = list(eventsA, marker);
        assertThat(inA).as("the events reported in A").hasSize(reports.size());
        assertHoldsWhatWasReported(inA, reports);

        String csv = given(eventsA).accept("text/csv").queryParam("q", marker).queryParam("sort", "date")
                .get("/api/v1/events").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        assertThat(csv).startsWith("event_id_cnty,event_date,year,");

        awaitReplicaKnows(eventsB, "events-service B", all);
        assertThat(list(eventsB, marker)).as("B before the import").isEmpty();

        JsonNode firstImport = importCsv(csv);
        assertThat(firstImport.get("accepted").asInt()).as("accepted: %s", firstImport).isEqualTo(reports.size());
        assertThat(firstImport.get("present").asInt()).as("present: %s", firstImport).isZero();
        assertThat(firstImport.get("rejected")).as("rejected: %s", firstImport).isEmpty();
        assertThat(firstImport.get("created")).as("created: %s", firstImport).hasSize(reports.size());

        ArrayNode inB = list(eventsB, marker);
        assertSameEvents(inB, inA);
        for (JsonNode event : inB) {
            assertThat(event.get("status").asText()).as("status of an imported event").isEqualTo("REPORTED");
            assertThat(event.get("version").asLong()).as("version of an imported event").isEqualTo(1);
        }

        // The same file again (a retry, or the same file twice): every row is already in the record, those with an
        // ACLED id by that id and those without one as a row identical in every field, so nothing is recorded twice.
        List<JsonNode> withAcledId = new ArrayList<>();
        List<JsonNode> withoutAcledId = new ArrayList<>();
        inA.forEach(event -> (event.hasNonNull("acledEventId") ? withAcledId : withoutAcledId).add(event));
        assertThat(withAcledId).hasSize(3);
        assertThat(withoutAcledId).hasSize(2);

        JsonNode secondImport = importCsv(csv);
        assertThat(secondImport.get("present").asInt()).as("present: %s", secondImport).isEqualTo(reports.size());
        assertThat(secondImport.get("accepted").asInt()).as("accepted: %s", secondImport).isZero();
        assertThat(secondImport.get("rejected")).as("rejected: %s", secondImport).isEmpty();
        assertThat(secondImport.get("created")).as("created: %s", secondImport).isEmpty();
        assertThat(list(eventsB, marker)).as("B after the second import").hasSize(reports.size());
    }

    private record Actor(String id, String key, String name) {
    }

    private static Actor register(String run, String code, String name, String kind) throws Exception {
        String key = "RT" + run + "-" + code;
        ObjectNode body = JSON.createObjectNode().put("key", key).put("name", name).put("kind", kind);
        ExtractableResponse<Response> created = given(actors).body(JSON.writeValueAsString(body))
                .post("/api/v1/actors").then().statusCode(201).body("key", equalTo(key)).extract();
        return new Actor(created.path("id"), key, name);
    }

    /**
     * Waits until the events-service's replica has every actor, with a report that is refused anyway (its endDate
     * is before its date), so that waiting records nothing: it is refused on actors[i].actor as well while the
     * replica lacks an actor, and on endDate alone once it has them all.
     */
    private static void awaitReplicaKnows(RequestSpecification events, String which, List<Actor> named) throws Exception {
        ObjectNode refusedAnyway = report("SYRIA", "BATTLE", "2020-03-02", "waiting", 0).put("endDate", "2020-03-01");
        ArrayNode participants = refusedAnyway.putArray("actors");
        for (Actor actor : named) {
            participants.addObject().put("actor", actor.key()).put("role", "PERPETRATOR");
        }
        String body = JSON.writeValueAsString(refusedAnyway);
        await(which + "'s actor replica has the actors registered in actors-service").atMost(REPLICA_LAG)
                .pollInterval(POLL).untilAsserted(() -> {
                    ExtractableResponse<Response> refused = given(events).body(body).post("/api/v1/events").then()
                            .extract();
                    assertThat(refused.statusCode()).as("refusal: %s", refused.asString()).isEqualTo(400);
                    assertThat(refused.jsonPath().getList("errors.field", String.class))
                            .as("refusal: %s", refused.asString()).containsExactly("endDate");
                });
    }

    private static ObjectNode report(String theater, String type, String date, String marker, int n) {
        return JSON.createObjectNode().put("theater", theater).put("type", type).put("date", date)
                .put("notes", "CSV round trip " + marker + ", event " + n + ": a comma, a \"quoted\" claim,\n"
                        + "and a second line; then a third,\r\nafter CRLF.");
    }

    private static ObjectNode location(String place, String admin1, String admin2, String admin3, String country,
                                       Double latitude, Double longitude, String geoPrecision) {
        ObjectNode location = JSON.createObjectNode().put("place", place).put("admin1", admin1).put("admin2", admin2)
                .put("admin3", admin3).put("country", country).put("latitude", latitude).put("longitude", longitude)
                .put("geoPrecision", geoPrecision);
        removeNulls(location);
        return location;
    }

    private static ArrayNode participants(Object... actorsAndRoles) {
        ArrayNode participants = JSON.createArrayNode();
        for (int i = 0; i < actorsAndRoles.length; i += 2) {
            participants.addObject().put("actor", ((Actor) actorsAndRoles[i]).key())
                    .put("role", (String) actorsAndRoles[i + 1]);
        }
        return participants;
    }

    private static ObjectNode fatalities(Integer low, Integer best, Integer high) {
        ObjectNode fatalities = JSON.createObjectNode().put("low", low).put("best", best).put("high", high);
        removeNulls(fatalities);
        return fatalities;
    }

    private static ArrayNode sources(ObjectNode... sources) {
        ArrayNode array = JSON.createArrayNode();
        for (ObjectNode source : sources) {
            array.add(source);
        }
        return array;
    }

    private static ObjectNode source(String title, String publisher, String url, String date) {
        ObjectNode source = JSON.createObjectNode().put("title", title).put("publisher", publisher).put("url", url)
                .put("date", date);
        removeNulls(source);
        return source;
    }

    private static void removeNulls(ObjectNode node) {
        for (Iterator<JsonNode> values = node.elements(); values.hasNext(); ) {
            if (values.next().isNull()) {
                values.remove();
            }
        }
    }

    /** The events whose text has the marker, in date order, as JSON. */
    private static ArrayNode list(RequestSpecification events, String marker) throws Exception {
        JsonNode page = JSON.readTree(given(events).accept(ContentType.JSON).queryParam("q", marker)
                .queryParam("sort", "date").queryParam("limit", 500)
                .get("/api/v1/events").then().statusCode(200).extract().asString());
        assertThat(page.get("next").isNull()).as("one page").isTrue();
        return (ArrayNode) page.get("items");
    }

    private static JsonNode importCsv(String csv) throws Exception {
        return JSON.readTree(given(eventsB).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/events/import").then().statusCode(200).extract().asString());
    }

    /**
     * The events are the same, field by field, but for the fields each record gives itself. Every field that
     * differs is named (not only the first).
     */
    private static void assertSameEvents(ArrayNode actual, ArrayNode expected) {
        assertThat(actual).as("number of events").hasSize(expected.size());
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < expected.size(); i++) {
            ObjectNode want = withoutOwnFields(expected.get(i));
            ObjectNode got = withoutOwnFields(actual.get(i));
            Set<String> fields = new TreeSet<>();
            want.fieldNames().forEachRemaining(fields::add);
            got.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                softly.assertThat(got.get(field)).as("event %d (%s, %s): field %s", i + 1, want.path("date").asText(),
                        want.path("type").asText(), field).isEqualTo(want.get(field));
            }
            softly.assertThat(got).as("event %d (%s) without %s", i + 1, want.path("date").asText(), OWN_FIELDS)
                    .isEqualTo(want);
        }
        softly.assertAll();
    }

    /**
     * A holds every field as reported (actors by key, with their ids and names added), so that the round trip is
     * not compared on fields that were lost before the export.
     */
    private static void assertHoldsWhatWasReported(ArrayNode events, List<ObjectNode> reports) {
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < reports.size(); i++) {
            ObjectNode report = reports.get(i);
            JsonNode event = events.get(i);
            for (Iterator<String> names = report.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                JsonNode held = event.get(field);
                if (field.equals("actors")) {
                    ArrayNode named = JSON.createArrayNode();
                    held.forEach(actor -> named.addObject().put("actor", actor.get("key").asText())
                            .put("role", actor.get("role").asText()));
                    held = named;
                } else if (held != null && held.isObject()) {
                    held = held.deepCopy();
                    removeNulls((ObjectNode) held);
                } else if (held != null && held.isArray()) {
                    ArrayNode copy = (ArrayNode) held.deepCopy();
                    copy.forEach(element -> removeNulls((ObjectNode) element));
                    held = copy;
                }
                softly.assertThat(held).as("A's event %d: field %s", i + 1, field).isEqualTo(report.get(field));
            }
        }
        softly.assertAll();
    }

    private static ObjectNode withoutOwnFields(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove(OWN_FIELDS);
        return copy;
    }
}
