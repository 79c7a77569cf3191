package org.conflictledger.events.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.conflictledger.actorreplica.ActorDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every bad input to the conflict event API gets a 4xx problem document that names what is wrong,
 * never a 5xx, and leaves the record as it was: a refused report creates no event, a refused
 * change leaves the event's version and history as they were.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ConflictEventBadInputApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String EVENTS = "/api/v1/events";

    /** The two actors every test names, made known once through the actor topic. */
    private static String aze;
    private static String arm;

    @Inject
    ActorDirectory directory;

    /** Put in the notes and place of everything a test writes, to find what it created. */
    private String marker;

    @BeforeEach
    void actorsKnownFromTheActorTopic() throws Exception {
        marker = "bad" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        if (aze == null) {
            String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
            String azeKey = "AZE" + suffix;
            String armKey = "ARM" + suffix;
            try (ActorEvents actors = new ActorEvents()) {
                actors.registered(azeKey, "Azerbaijan " + suffix, 0);
                actors.registered(armKey, "Armenia " + suffix, 0);
            }
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    directory.byReference(azeKey).isPresent() && directory.byReference(armKey).isPresent());
            aze = azeKey;
            arm = armKey;
        }
    }

    // ---------------------------------------------------------------- report bodies: syntax

    @Test
    void malformedJsonIsABadRequestNamingTheBody() {
        validation(postJson(EVENTS, "{\"theater\": \"NAGORNO_KARABAKH\", \"type\": \"BATTLE\", \"notes\": \""
                + marker + "\", "), "body");
        validation(postJson(EVENTS, "{\"theater\": NAGORNO_KARABAKH, \"notes\": \"" + marker + "\"}"), "body");
        assertNothingCreated();
    }

    @Test
    void aBodyThatIsNotAnObjectOrIsEmptyIsABadRequest() {
        problem(postJson(EVENTS, "[1, 2, 3]"), 400);
        problem(postJson(EVENTS, "\"just a string\""), 400);
        validation(given().contentType(ContentType.JSON).post(EVENTS).then(), "body");
    }

    @Test
    void aBodyOfTheWrongMediaTypeIsUnsupported() {
        problem(given().contentType(ContentType.TEXT).body("theater=NAGORNO_KARABAKH&notes=" + marker)
                .post(EVENTS).then(), 415);
        problem(given().contentType(ContentType.XML).body("<event><notes>" + marker + "</notes></event>")
                .post(EVENTS).then(), 415);
        assertNothingCreated();

        String id = created();
        problem(given().contentType(ContentType.TEXT).body("notes=changed").post(EVENTS + "/" + id + "/corrections")
                .then(), 415);
        assertUnchanged(id, 1);
        problem(given().contentType(ContentType.JSON).body("{\"notes\": \"" + marker + "\"}")
                .post(EVENTS + "/import").then(), 415);
    }

    // ---------------------------------------------------------------- report bodies: required fields

    @Test
    void missingRequiredFieldsAreEachNamed() {
        problem(postJson(EVENTS, Map.of("notes", marker)), 400)
                .body("errors.field", hasItems("theater", "type", "date", "actors"));
        for (String field : List.of("theater", "type", "date", "actors")) {
            Map<String, Object> body = battle();
            body.remove(field);
            validation(postJson(EVENTS, body), field);
            body.put(field, null);
            validation(postJson(EVENTS, body), field);
        }
        assertNothingCreated();
    }

    @Test
    void anEmptyActorListIsRefusedNamingActors() {
        validation(postJson(EVENTS, with(battle(), "actors", List.of())), "actors");
        assertNothingCreated();
    }

    @Test
    void anIncompleteParticipantIsRefusedNamingItsPosition() {
        List<Object> withNull = new ArrayList<>();
        withNull.add(participant(aze, "PERPETRATOR"));
        withNull.add(null);
        validation(postJson(EVENTS, with(battle(), "actors", withNull)), "actors[1]");
        validation(postJson(EVENTS, with(battle(), "actors", List.of(participant(aze, "PERPETRATOR"),
                participant(" ", "TARGET")))), "actors[1].actor");
        validation(postJson(EVENTS, with(battle(), "actors", List.of(Map.of("actor", aze)))), "actors[0].role");
        assertNothingCreated();
    }

    // ---------------------------------------------------------------- report bodies: values

    @Test
    void unknownEnumValuesAreRefusedNamingTheFieldAndTheAllowedValues() {
        validation(postJson(EVENTS, with(battle(), "type", "SKIRMISH")), "type")
                .body("errors.find { it.field == 'type' }.message", allOf(containsString("BATTLE"),
                        containsString("CEASEFIRE_VIOLATION")));
        validation(postJson(EVENTS, with(battle(), "theater", "ATLANTIS")), "theater")
                .body("errors.find { it.field == 'theater' }.message", containsString("NAGORNO_KARABAKH"));
        validation(postJson(EVENTS, with(battle(), "subType", "DUEL")), "subType")
                .body("errors.find { it.field == 'subType' }.message", containsString("ARMED_CLASH"));
        validation(postJson(EVENTS, with(battle(), "datePrecision", "FORTNIGHT")), "datePrecision");
        validation(postJson(EVENTS, with(battle(), "actors", List.of(participant(aze, "VILLAIN")))), "actors[0].role")
                .body("errors.find { it.field == 'actors[0].role' }.message", containsString("PERPETRATOR"));
        Map<String, Object> location = location(39.6, 47.1);
        location.put("geoPrecision", "ROUGHLY");
        validation(postJson(EVENTS, with(battle(), "location", location)), "location.geoPrecision")
                .body("errors.find { it.field == 'location.geoPrecision' }.message", containsString("EXACT"));
        assertNothingCreated();
    }

    @Test
    void anInvalidDateIsRefusedNamingTheField() {
        for (String date : List.of("2020-02-30", "2020-13-01", "27.09.2020", "yesterday")) {
            validation(postJson(EVENTS, with(battle(), "date", date)), "date")
                    .body("errors.find { it.field == 'date' }.message", containsString("date"));
        }
        validation(postJson(EVENTS, with(battle(), "endDate", "2020-11-31")), "endDate");
        assertNothingCreated();
    }

    @Test
    void aDayOutsideTheDaysOfTheRecordIsRefusedNamingTheField() {
        // Issue #12: agreements-service could not record a violation on such a day (one rule, RecordDates).
        Map<String, Object> violation = battle();
        violation.put("type", "CEASEFIRE_VIOLATION");
        violation.put("agreement", UUID.randomUUID().toString());
        violation.put("date", "0020-03-10");
        validation(postJson(EVENTS, violation), "date")
                .body("errors.find { it.field == 'date' }.message", equalTo("must lie between 1800-01-01 and 2500-12-31"));
        validation(postJson(EVENTS, with(battle(), "date", "1799-12-31")), "date");
        validation(postJson(EVENTS, with(with(battle(), "date", "2500-12-30"), "endDate", "2501-01-01")), "endDate");
        assertNothingCreated();

        String id = created();
        validation(postJson(EVENTS + "/" + id + "/corrections", Map.of("date", "0020-03-10")), "date");
        assertUnchanged(id, 1);

        String csv = "event_date,event_type,sub_event_type,actor1,actor2,notes\r\n"
                + "0020-03-10,Battles,Armed clash," + aze + "," + arm + ",row 2 " + marker + "\r\n";
        importCsv(csv).statusCode(200).body("accepted", equalTo(0))
                .body("rejected.find { it.line == 2 }.errors.field", hasItem("date-out-of-range"));
    }

    @Test
    void theFirstAndTheLastDayOfTheRecordAreAccepted() {
        postJson(EVENTS, with(battle(), "date", "1800-01-01")).statusCode(201);
        postJson(EVENTS, with(with(battle(), "date", "2500-12-30"), "endDate", "2500-12-31")).statusCode(201);
    }

    @Test
    void anEndDateBeforeTheDateIsRefusedNamingEndDate() {
        Map<String, Object> body = battle();
        body.put("date", "2020-10-05");
        body.put("endDate", "2020-10-04");
        validation(postJson(EVENTS, body), "endDate");
        assertNothingCreated();
    }

    @Test
    void coordinatesOutOfRangeAreRefusedNamingTheCoordinate() {
        validation(postJson(EVENTS, with(battle(), "location", location(91, 47.1))), "location.latitude");
        validation(postJson(EVENTS, with(battle(), "location", location(-91, 47.1))), "location.latitude");
        validation(postJson(EVENTS, with(battle(), "location", location(39.6, 181))), "location.longitude");
        validation(postJson(EVENTS, with(battle(), "location", location(39.6, -180.5))), "location.longitude");
        Map<String, Object> location = location(39.6, 47.1);
        location.put("latitude", "north");
        validation(postJson(EVENTS, with(battle(), "location", location)), "location.latitude");
        assertNothingCreated();
    }

    @Test
    void negativeFatalitiesAreRefusedNamingTheEstimate() {
        validation(postJson(EVENTS, with(battle(), "fatalities", fatalities(-1, 2, 3))), "fatalities.low");
        validation(postJson(EVENTS, with(battle(), "fatalities", fatalities(0, -5, 3))), "fatalities.best");
        validation(postJson(EVENTS, with(battle(), "fatalities", fatalities(0, 2, -3))), "fatalities.high");
        validation(postJson(EVENTS, with(battle(), "fatalities", Map.of("best", "many"))), "fatalities.best");
        assertNothingCreated();
    }

    @Test
    void fatalityEstimatesOutOfOrderAreAConflict() {
        rule(postJson(EVENTS, with(battle(), "fatalities", fatalities(10, 5, 20))), "fatalities-inconsistent");
        rule(postJson(EVENTS, with(battle(), "fatalities", fatalities(1, 10, 5))), "fatalities-inconsistent");
        rule(postJson(EVENTS, with(battle(), "fatalities", fatalities(30, null, 20))), "fatalities-inconsistent");
        assertNothingCreated();
    }

    @Test
    void aConfidenceOutsideZeroToOneIsRefused() {
        validation(postJson(EVENTS, with(battle(), "confidence", 1.5)), "confidence");
        validation(postJson(EVENTS, with(battle(), "confidence", -0.1)), "confidence");
        validation(postJson(EVENTS, with(battle(), "confidence", "high")), "confidence");
        assertNothingCreated();
    }

    @Test
    void notesOfMoreThan5000CharactersAreRefusedAndNotesOf5000Accepted() {
        String tooLong = (marker + " " + "x".repeat(6000)).substring(0, 5001);
        validation(postJson(EVENTS, with(battle(), "notes", tooLong)), "notes");
        assertNothingCreated();
        postJson(EVENTS, with(battle(), "notes", tooLong.substring(0, 5000))).statusCode(201);
        given().queryParam("q", marker).get(EVENTS).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aTermOfMoreThan200CharactersIsRefused() {
        Map<String, Object> body = battle();
        body.put("agreement", UUID.randomUUID().toString());
        body.put("term", "t".repeat(201));
        validation(postJson(EVENTS, body), "term");
        assertNothingCreated();
    }

    @Test
    void moreThan50SourcesAreRefusedNamingSources() {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            sources.add(Map.of("title", "Report " + i));
        }
        validation(postJson(EVENTS, with(battle(), "sources", sources)), "sources");
        assertNothingCreated();
    }

    @Test
    void aSourceWithABlankTitleOrABadUrlIsRefusedNamingTheSourceField() {
        validation(postJson(EVENTS, with(battle(), "sources", List.of(Map.of("title", " ")))), "sources[0].title");
        validation(postJson(EVENTS, with(battle(), "sources", List.of(Map.of("publisher", "Nobody")))),
                "sources[0].title");
        validation(postJson(EVENTS, with(battle(), "sources", List.of(
                Map.of("title", "Fine", "url", "https://example.org/ok"),
                Map.of("title", "Report", "url", "not a url")))), "sources[1].url")
                .body("errors.field", not(hasItem("url")));
        validation(postJson(EVENTS, with(battle(), "sources", List.of(Map.of("title", "Report", "date", "2020-02-30")))),
                "sources[0].date");
        assertNothingCreated();
    }

    @Test
    void anUnknownActorIsABadRequestNamingItsPosition() {
        validation(postJson(EVENTS, with(battle(), "actors", List.of(participant(aze, "PERPETRATOR"),
                participant("NOSUCH" + marker.toUpperCase(), "TARGET")))), "actors[1].actor")
                .body("errors.field", not(hasItem("actors[0].actor")));
        validation(postJson(EVENTS, with(battle(), "actors", List.of(
                participant(UUID.randomUUID().toString(), "PERPETRATOR")))), "actors[0].actor");
        assertNothingCreated();
    }

    @Test
    void theSameActorInTheSameRoleTwiceIsAConflict() {
        rule(postJson(EVENTS, with(battle(), "actors", List.of(participant(aze, "PERPETRATOR"),
                participant(arm, "TARGET"), participant(aze, "PERPETRATOR")))), "actor-duplicate");
        assertNothingCreated();
    }

    @Test
    void aSubTypeTheTypeDoesNotAllowIsAConflict() {
        Map<String, Object> body = battle();
        body.put("subType", "PEACEFUL_PROTEST");
        rule(postJson(EVENTS, body), "sub-type-mismatch");
        body.put("subType", "AIR_DRONE_STRIKE");
        rule(postJson(EVENTS, body), "sub-type-mismatch");
        assertNothingCreated();
    }

    @Test
    void aViolationWithoutAnAgreementIsAConflict() {
        rule(postJson(EVENTS, with(battle(), "type", "CEASEFIRE_VIOLATION")), "violation-without-agreement");
        assertNothingCreated();
    }

    @Test
    void aTermWithoutAnAgreementIsAConflict() {
        rule(postJson(EVENTS, with(battle(), "term", "Article 1")), "term-without-agreement");
        assertNothingCreated();
    }

    @Test
    void respondingToAnUnknownEventIsABadRequestNamingRespondsTo() {
        validation(postJson(EVENTS, with(battle(), "respondsTo", UUID.randomUUID().toString())), "respondsTo");
        validation(postJson(EVENTS, with(battle(), "respondsTo", "not-a-uuid")), "respondsTo");
        validation(postJson(EVENTS, with(battle(), "agreement", "not-a-uuid")), "agreement");
        assertNothingCreated();
    }

    @Test
    void anIdempotencyKeyLongerThan200CharactersIsRefusedNamingTheHeader() {
        validation(given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(201))
                .body(battle()).post(EVENTS).then(), "Idempotency-Key");
        validation(given().contentType(ContentType.JSON).header("Idempotency-Key", "key with blanks")
                .body(battle()).post(EVENTS).then(), "Idempotency-Key");
        assertNothingCreated();
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(200 - marker.length()) + marker)
                .body(battle()).post(EVENTS).then().statusCode(201);
    }

    @Test
    void aRefusedReportDoesNotUseUpItsIdempotencyKey() {
        String key = "refused-" + marker;
        rule(given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(with(battle(), "type", "CEASEFIRE_VIOLATION")).post(EVENTS).then(), "violation-without-agreement");
        validation(given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(with(battle(), "confidence", 2)).post(EVENTS).then(), "confidence");
        assertNothingCreated();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(battle()).post(EVENTS)
                .then().statusCode(201);
        given().queryParam("q", marker).get(EVENTS).then().body("items", hasSize(1));
    }

    // ---------------------------------------------------------------- unknown records in the path

    @Test
    void anUnknownEventIdInThePathIsNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "12345")) {
            String path = EVENTS + "/" + id;
            notFound(given().get(path).then());
            notFound(given().queryParam("asOf", "2020-11-10T00:00:00Z").get(path).then());
            notFound(given().get(path + "/history").then());
            notFound(given().get(path + "/verify").then());
            notFound(postJson(path + "/corrections", Map.of("notes", "x", "reason", "none")));
            notFound(postJson(path + "/confirm", Map.of("reason", "none")));
            notFound(postJson(path + "/dispute", Map.of("reason", "none")));
            notFound(postJson(path + "/retract", Map.of("reason", "none")));
        }
    }

    @Test
    void anEventReadAsOfAnInstantBeforeItExistedIsNotFound() {
        String id = created();
        notFound(given().queryParam("asOf", "2000-01-01T00:00:00Z").get(EVENTS + "/" + id).then());
    }

    @Test
    void anAsOfThatIsNotAnInstantIsABadRequestNamingIt() {
        String id = created();
        validation(given().queryParam("asOf", "yesterday").get(EVENTS + "/" + id).then(), "asOf");
        validation(given().queryParam("asOf", "2020-11-10").get(EVENTS + "/" + id).then(), "asOf");
    }

    // ---------------------------------------------------------------- If-Match

    @Test
    void aMalformedIfMatchOnACorrectionIsABadRequestNamingTheHeader() {
        String id = created();
        for (String ifMatch : List.of("abc", "\"abc\"", "\"0\"", "\"-1\"", "1,2")) {
            validation(given().contentType(ContentType.JSON).header("If-Match", ifMatch)
                    .body(Map.of("notes", "changed", "reason", "test"))
                    .post(EVENTS + "/" + id + "/corrections").then(), "If-Match");
            validation(given().contentType(ContentType.JSON).header("If-Match", ifMatch)
                    .body(Map.of("reason", "test")).post(EVENTS + "/" + id + "/confirm").then(), "If-Match");
        }
        assertUnchanged(id, 1);
        given().get(EVENTS + "/" + id).then().body("notes", equalTo("Bad input " + marker))
                .body("status", equalTo("REPORTED"));
    }

    @Test
    void aStaleIfMatchOnACorrectionIsAPreconditionFailureAndChangesNothing() {
        String id = created();
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("notes", "First " + marker, "reason", "revised"))
                .post(EVENTS + "/" + id + "/corrections").then().statusCode(200).header("ETag", "\"2\"");
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("notes", "Stale " + marker, "reason", "stale"))
                .post(EVENTS + "/" + id + "/corrections").then(), 412)
                .body("type", containsString("stale-version"));
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(Map.of("notes", "Future " + marker, "reason", "future"))
                .post(EVENTS + "/" + id + "/corrections").then(), 412);
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("reason", "stale")).post(EVENTS + "/" + id + "/retract").then(), 412);
        assertUnchanged(id, 2);
        given().get(EVENTS + "/" + id).then().body("notes", equalTo("First " + marker))
                .body("status", equalTo("REPORTED"));
    }

    // ---------------------------------------------------------------- corrections

    @Test
    void aCorrectionWithAnUnknownFieldIsRefusedNamingIt() {
        String id = created();
        validation(postJson(EVENTS + "/" + id + "/corrections", Map.of("colour", "red", "reason", "test")), "colour");
        validation(postJson(EVENTS + "/" + id + "/corrections",
                Map.of("notes", "changed", "fatality", 3, "reason", "test")), "fatality");
        assertUnchanged(id, 1);
    }

    @Test
    void aCorrectionWithAnUnknownNestedFieldIsRefusedNamingIt() {
        String id = created();
        validation(postJson(EVENTS + "/" + id + "/corrections",
                Map.of("location", Map.of("planet", "Mars"), "reason", "test")), "location.planet");
        validation(postJson(EVENTS + "/" + id + "/corrections",
                Map.of("fatalities", Map.of("bestGuess", 7), "reason", "test")), "fatalities.bestGuess");
        assertUnchanged(id, 1);
        given().get(EVENTS + "/" + id).then().body("location.place", equalTo("Place " + marker))
                .body("fatalities.best", equalTo(2));
    }

    @Test
    void aCorrectionWithAWrongTypedFieldIsRefusedNamingIt() {
        String id = created();
        String corrections = EVENTS + "/" + id + "/corrections";
        validation(postJson(corrections, Map.of("date", "yesterday")), "date");
        validation(postJson(corrections, Map.of("confidence", "high")), "confidence");
        validation(postJson(corrections, Map.of("type", "SKIRMISH")), "type");
        validation(postJson(corrections, Map.of("actors", "AZE")), "actors");
        validation(postJson(corrections, Map.of("location", Map.of("latitude", "north", "longitude", 47.1,
                "geoPrecision", "EXACT"))), "location.latitude");
        validation(postJson(corrections, Map.of("actors", List.of(participant(aze, "VILLAIN")))), "actors[0].role");
        validation(postJson(corrections, Map.of("respondsTo", "not-a-uuid")), "respondsTo");
        assertUnchanged(id, 1);
    }

    @Test
    void aCorrectionBodyThatIsMalformedNotAnObjectOrEmptyIsABadRequestNamingTheBody() {
        String id = created();
        String corrections = EVENTS + "/" + id + "/corrections";
        validation(postJson(corrections, "{\"notes\": \"changed\", "), "body");
        validation(postJson(corrections, "[1, 2, 3]"), "body");
        validation(given().contentType(ContentType.JSON).post(corrections).then(), "body");
        assertUnchanged(id, 1);
    }

    @Test
    void aCorrectionThatWouldMakeTheEventInvalidIsRefusedAndChangesNothing() {
        String id = created();
        String corrections = EVENTS + "/" + id + "/corrections";
        validation(postJson(corrections, Map.of("actors", List.of())), "actors");
        validation(postJson(corrections, with(new LinkedHashMap<>(), "theater", null)), "theater");
        validation(postJson(corrections, with(new LinkedHashMap<>(), "date", null)), "date");
        validation(postJson(corrections, Map.of("location", location(91, 47.1))), "location.latitude");
        validation(postJson(corrections, Map.of("fatalities", fatalities(-1, 2, 3))), "fatalities.low");
        validation(postJson(corrections, Map.of("confidence", 1.5)), "confidence");
        validation(postJson(corrections, Map.of("notes", "n".repeat(5001))), "notes");
        validation(postJson(corrections, Map.of("endDate", "2020-01-01")), "endDate");
        validation(postJson(corrections, Map.of("sources", List.of(Map.of("title", " ")))), "sources[0].title");
        validation(postJson(corrections, Map.of("actors", List.of(participant("NOSUCH" + marker.toUpperCase(),
                "PERPETRATOR")))), "actors[0].actor");
        validation(postJson(corrections, Map.of("respondsTo", UUID.randomUUID().toString())), "respondsTo");
        rule(postJson(corrections, Map.of("type", "CEASEFIRE_VIOLATION")), "violation-without-agreement");
        rule(postJson(corrections, Map.of("term", "Article 1")), "term-without-agreement");
        rule(postJson(corrections, Map.of("subType", "PEACEFUL_PROTEST")), "sub-type-mismatch");
        rule(postJson(corrections, Map.of("fatalities", fatalities(50, 34, null))), "fatalities-inconsistent");
        rule(postJson(corrections, Map.of("actors", List.of(participant(aze, "TARGET"), participant(aze, "TARGET")))),
                "actor-duplicate");
        rule(postJson(corrections, Map.of("respondsTo", id)), "responds-to-itself");
        assertUnchanged(id, 1);
        given().get(EVENTS + "/" + id).then().body("type", equalTo("BATTLE")).body("fatalities.best", equalTo(2))
                .body("actors.key", hasSize(2));
    }

    @Test
    void anActionWithAnOverlongReasonOrABadSourceIsRefusedAndChangesNothing() {
        String id = created();
        validation(postJson(EVENTS + "/" + id + "/confirm", Map.of("reason", "r".repeat(2001))), "reason");
        validation(postJson(EVENTS + "/" + id + "/dispute",
                Map.of("sources", List.of(Map.of("title", "Report", "url", "ftp://x")))), "sources[0].url");
        validation(postJson(EVENTS + "/" + id + "/retract", "{\"reason\": "), "body");
        assertUnchanged(id, 1);
        given().get(EVENTS + "/" + id).then().body("status", equalTo("REPORTED"));
    }

    // ---------------------------------------------------------------- strict types

    @Test
    void aStringWhereANumberIsExpectedIsRefusedNamingTheField() {
        validation(postJson(EVENTS, with(battle(), "fatalities", Map.of("low", 1, "best", "12", "high", 20))),
                "fatalities.best").body("errors.message", hasItem(containsString("an integer")));
        validation(postJson(EVENTS, with(battle(), "confidence", "0.8")), "confidence");
        Map<String, Object> location = location(39.6, 47.1);
        location.put("latitude", "39.6");
        validation(postJson(EVENTS, with(battle(), "location", location)), "location.latitude");
        assertNothingCreated();
    }

    @Test
    void aNumberOrABooleanWhereAStringOrAnEnumIsExpectedIsRefusedNamingTheField() {
        validation(postJson(EVENTS, with(battle(), "type", true)), "type");
        validation(postJson(EVENTS, with(battle(), "type", 1)), "type");
        validation(postJson(EVENTS, with(battle(), "reason", 42)), "reason")
                .body("errors.message", hasItem(containsString("a string")));
        validation(postJson(EVENTS, with(battle(), "acledEventId", 123456)), "acledEventId");
        validation(postJson(EVENTS, with(battle(), "actors", List.of(participant(aze, "PERPETRATOR"),
                Map.of("actor", arm, "role", false)))), "actors[1].role");
        assertNothingCreated();
    }

    @Test
    void aCorrectionWithAValueOfTheWrongJsonTypeIsRefusedAndChangesNothing() {
        String id = created();
        String corrections = EVENTS + "/" + id + "/corrections";
        validation(postJson(corrections, "{\"notes\": 123}"), "notes");
        validation(postJson(corrections, Map.of("fatalities", Map.of("low", 1, "best", "12", "high", 20))),
                "fatalities.best");
        validation(postJson(corrections, Map.of("confidence", "0.5")), "confidence");
        validation(postJson(corrections, Map.of("type", 0)), "type");
        assertUnchanged(id, 1);
    }

    // ---------------------------------------------------------------- unknown query parameters

    @Test
    void aMisspeltParameterOnTheListIsRefusedRatherThanAnsweredWithTheWholeList() {
        forEveryListFormat(spec -> unknownParameter(
                spec.get().queryParam("asof", "2020-01-01T00:00:00Z").get(EVENTS).then(), "asof")
                .body("detail", allOf(containsString("theater"), containsString("asOf"), containsString("limit"))));
    }

    @Test
    void aListAsOfSomethingThatIsNotAnInstantOrIsInTheFutureIsRefusedNamingAsOf() {
        forEveryListFormat(spec -> {
            validation(spec.get().queryParam("asOf", "yesterday").get(EVENTS).then(), "asOf");
            validation(spec.get().queryParam("asOf", "2020-11-10").get(EVENTS).then(), "asOf");
            validation(spec.get().queryParam("asOf", Instant.now().plusSeconds(3600).toString()).get(EVENTS).then(),
                    "asOf").body("errors.find { it.field == 'asOf' }.message", containsString("future"));
        });
        given().queryParam("asOf", "2020-11-10T00:00:00Z").get(EVENTS).then().statusCode(200);
    }

    @Test
    void aSearchOfMoreThan200CharactersIsRefusedNamingQAndOneOf200Accepted() {
        String tooLong = "s".repeat(201);

        for (String accept : List.of("application/json", "application/geo+json", "text/csv")) {
            validation(given().accept(accept).queryParam("q", tooLong).get(EVENTS).then(), "q")
                    .body("errors.find { it.field == 'q' }.message", containsString("200"));
        }
        given().queryParam("q", "s".repeat(200)).get(EVENTS).then().statusCode(200);
    }

    @Test
    void anAcledIdFilterLongerThanAnyStoredIdOrWithBlanksIsRefusedNamingIt() {
        for (String bad : List.of("A".repeat(65), "SYR 1234")) {
            validation(given().queryParam("acledEventId", bad).get(EVENTS).then(), "acledEventId")
                    .body("errors.find { it.field == 'acledEventId' }.message", containsString("64"));
        }
        given().queryParam("acledEventId", "A".repeat(64)).get(EVENTS).then().statusCode(200);
    }

    @Test
    void aMisspeltParameterIsRefusedNamingItAndTheAcceptedOnes() {
        unknownParameter(given().queryParam("theatre", "NAGORNO_KARABAKH").get(EVENTS).then(), "theatre")
                .body("detail", containsString("theater"));
        String id = created();
        unknownParameter(given().queryParam("limt", 5).get(EVENTS + "/" + id + "/history").then(), "limt")
                .body("detail", allOf(containsString("cursor"), containsString("limit")));
        unknownParameter(given().queryParam("principle", "x").get(EVENTS + "/changes").then(), "principle")
                .body("detail", containsString("principal"));
    }

    @Test
    void anUnknownParameterOnAWriteIsRefusedBeforeAnythingIsWritten() {
        unknownParameter(given().contentType(ContentType.JSON).queryParam("validate", "only").body(battle())
                .post(EVENTS).then(), "validate");
        assertNothingCreated();
        unknownParameter(given().contentType("text/csv").queryParam("theatre", "NAGORNO_KARABAKH")
                .body("event_date,event_type\n2020-10-05,Battles\n").post(EVENTS + "/import").then(), "theatre")
                .body("detail", allOf(containsString("theater"), containsString("reason")));
        String id = created();
        unknownParameter(given().contentType(ContentType.JSON).queryParam("force", "true")
                .body(Map.of("notes", "changed", "reason", "test")).post(EVENTS + "/" + id + "/corrections").then(),
                "force");
        assertUnchanged(id, 1);
    }

    // ---------------------------------------------------------------- list parameters

    @Test
    void unknownEnumFiltersAreBadRequestsNamingTheParameter() {
        forEveryListFormat(spec -> {
            validation(spec.get().queryParam("theater", "ATLANTIS").get(EVENTS).then(), "theater");
            validation(spec.get().queryParam("type", "SKIRMISH").get(EVENTS).then(), "type");
            validation(spec.get().queryParam("role", "VILLAIN").get(EVENTS).then(), "role");
            validation(spec.get().queryParam("status", "LOST").get(EVENTS).then(), "status");
        });
    }

    @Test
    void anUnknownSortIsABadRequestNamingIt() {
        validation(given().queryParam("sort", "fatalities").get(EVENTS).then(), "sort");
        validation(given().queryParam("sort", "+date").get(EVENTS).then(), "sort");
        given().queryParam("sort", "-date").queryParam("q", marker).get(EVENTS).then().statusCode(200);
    }

    @Test
    void invalidDatesAndAToBeforeFromAreBadRequestsNamingTheParameter() {
        forEveryListFormat(spec -> {
            validation(spec.get().queryParam("from", "2020-13-01").get(EVENTS).then(), "from");
            validation(spec.get().queryParam("to", "last week").get(EVENTS).then(), "to");
            validation(spec.get().queryParam("from", "2020-11-10").queryParam("to", "2020-09-27").get(EVENTS).then(),
                    "to");
        });
        given().queryParam("from", "2020-09-27").queryParam("to", "2020-09-27").get(EVENTS).then().statusCode(200);
    }

    @Test
    void aBoundingBoxThatIsNotOneIsABadRequestNamingBbox() {
        for (String bbox : List.of("1,2,3", "1,2,3,4,5", "a,b,c,d", "47,39,46,40", "46,40,47,39",
                "0,-91,1,0", "-181,0,0,1", "0,0,181,1", "NaN,NaN,NaN,NaN", "0,0,Infinity,1", "1d,2,3,4",
                "0x1p2,0,5,1")) {
            validation(given().queryParam("bbox", bbox).get(EVENTS).then(), "bbox");
        }
        validation(given().accept("application/geo+json").queryParam("bbox", "1,2,3").get(EVENTS).then(), "bbox");
    }

    @Test
    void aLimitOutsideOneTo500OrNotANumberIsABadRequestNamingIt() {
        for (String limit : List.of("0", "501", "-1", "ten", "1.5")) {
            validation(given().queryParam("limit", limit).get(EVENTS).then(), "limit");
        }
        given().queryParam("limit", 1).get(EVENTS).then().statusCode(200);
        given().queryParam("limit", 500).get(EVENTS).then().statusCode(200);
        String id = created();
        validation(given().queryParam("limit", 0).get(EVENTS + "/" + id + "/history").then(), "limit");
        validation(given().queryParam("limit", "ten").get(EVENTS + "/" + id + "/history").then(), "limit");
    }

    @Test
    void aCursorThisApiDidNotIssueIsABadRequestNamingIt() {
        String notAPosition = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("garbage".getBytes(StandardCharsets.UTF_8));
        String badDate = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("2020-13-45|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("!!!", notAPosition, badDate)) {
            validation(given().queryParam("cursor", cursor).get(EVENTS).then(), "cursor");
        }
        String id = created();
        validation(given().queryParam("cursor", "!!!").get(EVENTS + "/" + id + "/history").then(), "cursor");
        validation(given().queryParam("cursor", notAPosition).get(EVENTS + "/" + id + "/history").then(), "cursor");
    }

    @Test
    void anUnknownActorOrAMalformedAgreementFilterIsABadRequestNamingIt() {
        validation(given().queryParam("actor", "NOSUCH" + marker.toUpperCase()).get(EVENTS).then(), "actor");
        validation(given().queryParam("agreement", "not-a-uuid").get(EVENTS).then(), "agreement");
    }

    // ---------------------------------------------------------------- CSV import

    @Test
    void aCsvWithAnUnterminatedQuoteIsRefusedWholeNamingItsLine() {
        String csv = "event_date,event_type,sub_event_type,actor1,notes\r\n"
                + "2020-09-27,Battles,Armed clash," + aze + ",fine " + marker + "\r\n"
                + "2020-09-28,Battles,Armed clash," + aze + ",\"never closed " + marker + "\r\n"
                + "2020-09-29,Battles,Armed clash," + aze + ",more " + marker + "\r\n";
        problem(importCsv(csv), 400)
                .body("type", equalTo("urn:conflict-ledger:problem:validation"))
                .body("errors.field", hasItem(containsString("3")))
                .body("detail", containsString("line 3"));
        assertNothingCreated();
    }

    @Test
    void aCsvLackingARequiredColumnIsRefusedWhole() {
        String csv = "event_date,sub_event_type,notes\r\n2020-09-27,Armed clash,no type " + marker + "\r\n";
        problem(importCsv(csv), 400).body("errors", not(empty())).body("errors.field", everyItem(notNullValue()));
        assertNothingCreated();
    }

    @Test
    void anEmptyImportIsABadRequest() {
        problem(given().contentType("text/csv").queryParam("theater", "NAGORNO_KARABAKH")
                .post(EVENTS + "/import").then(), 400)
                .body("errors", not(empty())).body("errors.field", everyItem(notNullValue()));
        problem(importCsv(""), 400).body("errors", not(empty()));
    }

    @Test
    void anImportWithAnUnknownDefaultTheaterIsABadRequestNamingIt() {
        String csv = "event_date,event_type,sub_event_type,actor1,notes\r\n"
                + "2020-09-27,Battles,Armed clash," + aze + ",fine " + marker + "\r\n";
        validation(given().contentType("text/csv").queryParam("theater", "ATLANTIS").body(csv)
                .post(EVENTS + "/import").then(), "theater");
        assertNothingCreated();
    }

    @Test
    void aFileWhoseEveryRowIsBadIsReportedRowByRowAndCreatesNothing() {
        String header = "event_date,event_type,sub_event_type,actor1,actor2,notes,fatalities,ledger_fatalities_low,"
                + "ledger_type,latitude,longitude\r\n";
        String csv = header
                // line 2: an impossible date
                + "2020-13-45,Battles,Armed clash," + aze + "," + arm + ",row 2 " + marker + ",,,,,\r\n"
                // line 3: an actor nobody knows
                + "2020-10-01,Battles,Armed clash,NOSUCH" + marker.toUpperCase() + "," + arm + ",row 3 " + marker
                + ",,,,,\r\n"
                // line 4: a sub-event type of another event type
                + "2020-10-01,Battles,Peaceful protest," + aze + "," + arm + ",row 4 " + marker + ",,,,,\r\n"
                // line 5: a latitude beyond the pole
                + "2020-10-01,Battles,Armed clash," + aze + "," + arm + ",row 5 " + marker + ",,,,91,47\r\n"
                // line 6: low above best (a domain rule)
                + "2020-10-01,Battles,Armed clash," + aze + "," + arm + ",row 6 " + marker + ",5,10,,,\r\n"
                // line 7: a violation without its agreement (a domain rule)
                + "2020-10-01,Battles,Armed clash," + aze + "," + arm + ",row 7 " + marker + ",,,CEASEFIRE_VIOLATION,,\r\n"
                // line 8: too few fields
                + "2020-10-01,Battles,Armed clash\r\n";
        importCsv(csv).log().ifValidationFails().statusCode(200)
                .contentType(containsString("json"))
                .body("accepted", equalTo(0))
                .body("present", equalTo(0))
                .body("created", empty())
                .body("rejected", hasSize(7))
                .body("rejected.line", containsInAnyOrder(2, 3, 4, 5, 6, 7, 8))
                .body("rejected.find { it.line == 2 }.errors.field", hasItem("event_date"))
                .body("rejected.find { it.line == 3 }.errors.field", hasItem("actor1"))
                .body("rejected.find { it.line == 4 }.errors.field", hasItem("sub_event_type"))
                .body("rejected.find { it.line == 5 }.errors.field", hasItem("latitude"))
                .body("rejected.find { it.line == 6 }.errors.field", hasItem("fatalities-inconsistent"))
                .body("rejected.find { it.line == 7 }.errors.field", hasItem("violation-without-agreement"))
                .body("rejected.find { it.line == 8 }.errors", not(empty()));
        assertNothingCreated();
    }

    // ---------------------------------------------------------------- helpers

    /** A valid battle between the two actors, findable by this test's marker. */
    private Map<String, Object> battle() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("theater", "NAGORNO_KARABAKH");
        body.put("type", "BATTLE");
        body.put("date", "2020-10-05");
        body.put("location", location(39.6, 47.1));
        body.put("actors", List.of(participant(aze, "PERPETRATOR"), participant(arm, "TARGET")));
        body.put("fatalities", fatalities(1, 2, 3));
        body.put("notes", "Bad input " + marker);
        body.put("confidence", 0.8);
        body.put("reason", "test");
        body.put("sources", List.of(Map.of("title", "Seed document", "publisher", "Conflict Ledger")));
        return body;
    }

    private Map<String, Object> location(double latitude, double longitude) {
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("place", "Place " + marker);
        location.put("country", "Azerbaijan");
        location.put("latitude", latitude);
        location.put("longitude", longitude);
        location.put("geoPrecision", "EXACT");
        return location;
    }

    private static Map<String, Object> participant(String actor, String role) {
        Map<String, Object> participant = new LinkedHashMap<>();
        participant.put("actor", actor);
        participant.put("role", role);
        return participant;
    }

    private static Map<String, Object> fatalities(Integer low, Integer best, Integer high) {
        Map<String, Object> fatalities = new LinkedHashMap<>();
        fatalities.put("low", low);
        fatalities.put("best", best);
        fatalities.put("high", high);
        return fatalities;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    /** Reports a valid battle; its id. */
    private String created() {
        return postJson(EVENTS, battle()).statusCode(201).header("ETag", "\"1\"").extract().path("id");
    }

    private static ValidatableResponse postJson(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    private ValidatableResponse importCsv(String csv) {
        return given().contentType("text/csv").queryParam("theater", "NAGORNO_KARABAKH").body(csv)
                .post(EVENTS + "/import").then();
    }

    /** The checks, for a list asked for as JSON, GeoJSON and CSV. */
    private static void forEveryListFormat(Consumer<Supplier<RequestSpecification>> checks) {
        checks.accept(() -> given());
        checks.accept(() -> given().accept("application/geo+json"));
        checks.accept(() -> given().accept("text/csv"));
    }

    /** A problem document with this status, and nothing of the server's internals. */
    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.log().ifValidationFails()
                .statusCode(status)
                .contentType(PROBLEM)
                .body("status", equalTo(status))
                .body("type", startsWith("urn:conflict-ledger:problem:"))
                .body("title", notNullValue())
                .body("instance", startsWith(EVENTS))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("\tat ")));
    }

    /** A 400 problem document naming {@code field} among its errors. */
    private static ValidatableResponse validation(ValidatableResponse response, String field) {
        return problem(response, 400)
                .body("type", equalTo("urn:conflict-ledger:problem:validation"))
                .body("errors.field", hasItem(field))
                .body("detail", containsString(field));
    }

    /** A 400 problem document naming the unknown query parameter {@code name}. */
    private static ValidatableResponse unknownParameter(ValidatableResponse response, String name) {
        return validation(response, name)
                .body("errors.message", hasItem(containsString("unknown query parameter")));
    }

    /** A 409 problem document naming the broken rule. */
    private static ValidatableResponse rule(ValidatableResponse response, String rule) {
        return problem(response, 409)
                .body("type", equalTo("urn:conflict-ledger:problem:rule-violation"))
                .body("rule", equalTo(rule));
    }

    private static ValidatableResponse notFound(ValidatableResponse response) {
        return problem(response, 404).body("type", containsString("not-found"));
    }

    /** No event carries this test's marker: every refused write left nothing behind. */
    private void assertNothingCreated() {
        given().queryParam("q", marker).get(EVENTS).then().statusCode(200).body("items", empty());
    }

    /** The event still has the version (ETag) and history it had before the refused writes. */
    private static void assertUnchanged(String id, int version) {
        given().get(EVENTS + "/" + id).then().statusCode(200)
                .header("ETag", "\"" + version + "\"")
                .body("version", equalTo(version));
        given().get(EVENTS + "/" + id + "/history").then().statusCode(200)
                .body("items", hasSize(version));
        given().get(EVENTS + "/" + id + "/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("events", equalTo(version));
    }
}
