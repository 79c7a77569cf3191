package org.conflictledger.agreements.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.actorreplica.ActorRef;
import org.conflictledger.agreements.support.AgreementFixtures;
import org.conflictledger.agreements.support.TopicEvents;
import org.conflictledger.devstack.http.ListPages;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.conflictledger.agreements.support.ApiSteps.PRINCIPAL;
import static org.conflictledger.agreements.support.ApiSteps.aMomentPasses;
import static org.conflictledger.agreements.support.ApiSteps.actorKnown;
import static org.conflictledger.agreements.support.ApiSteps.agreementPath;
import static org.conflictledger.agreements.support.ApiSteps.changeStatus;
import static org.conflictledger.agreements.support.ApiSteps.correct;
import static org.conflictledger.agreements.support.ApiSteps.etag;
import static org.conflictledger.agreements.support.ApiSteps.history;
import static org.conflictledger.agreements.support.ApiSteps.json;
import static org.conflictledger.agreements.support.ApiSteps.nextLink;
import static org.conflictledger.agreements.support.ApiSteps.object;
import static org.conflictledger.agreements.support.ApiSteps.recordedAt;
import static org.conflictledger.agreements.support.ApiSteps.schedule;
import static org.conflictledger.agreements.support.ApiSteps.withdrawal;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * An agreement's life over HTTP: corrections, status changes, optimistic concurrency, reading as of
 * an instant, its audit trail, listing, and the schedule of its terms with renewal objections.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class AgreementLifecycleApiTest {
    private static final String SIGNED_ON = "\"signedOn\": \"2020-11-09\"";

    @Inject
    ActorDirectory directory;

    private AgreementFixtures fixtures;

    @BeforeEach
    void signatoriesKnownFromTheActorTopic() throws Exception {
        fixtures = new AgreementFixtures().actorsKnown(directory);
    }

    private UUID recorded(String body) {
        ExtractableResponse<Response> created = fixtures.record(body);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        return UUID.fromString(created.path("id"));
    }

    /** The statement recorded as signed, not yet moved into force. */
    private UUID recordedAsSigned() {
        return recorded(fixtures.statement().replace("\"reason\": \"seed\"", "\"status\": \"SIGNED\", \"reason\": \"seed\""));
    }

    /** The statement with its peacekeeping term (order 4, in parallel with the withdrawal, order 3). */
    private UUID[] statementWithPeacekeeping() {
        UUID agreement = fixtures.recordStatement();
        fixtures.addTermOk(agreement, withdrawal(fixtures, 3));
        UUID peacekeeping = fixtures.addTermOk(agreement, fixtures.peacekeeping(4, "3"));
        return new UUID[] {agreement, peacekeeping};
    }

    // --- corrections -------------------------------------------------------------------------

    @Test
    void aCorrectionReplacesTheFieldsGivenAndKeepsTheOthers() {
        UUID agreement = fixtures.recordStatement();

        correct(agreement, null, """
                {"title": "Statement by the President of Azerbaijan, the Prime Minister of Armenia and the President of Russia %s",
                 "signedPlace": "Moscow, Kremlin", "reason": "official title"}
                """.formatted(fixtures.marker))
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("title", equalTo("Statement by the President of Azerbaijan, the Prime Minister of Armenia and the President of Russia "
                        + fixtures.marker))
                .body("signedPlace", equalTo("Moscow, Kremlin"))
                .body("kind", equalTo("CEASEFIRE"))
                .body("theater", equalTo("NAGORNO_KARABAKH"))
                .body("signedOn", equalTo("2020-11-09"))
                .body("inForceAt", equalTo("2020-11-09T21:00:00Z"))
                .body("inForceZone", equalTo("Europe/Moscow"))
                .body("signatories.key", contains(fixtures.aze, fixtures.arm, fixtures.rus))
                .body("status", equalTo("IN_FORCE"))
                .body("version", equalTo(2));

        correct(agreement, null, "{\"signatories\": [\"%s\", \"%s\"], \"reason\": \"Armenia signed separately\"}"
                .formatted(fixtures.aze, fixtures.rus))
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("signatories.key", contains(fixtures.aze, fixtures.rus))
                .body("signedPlace", equalTo("Moscow, Kremlin"));

        history(agreement)
                .body("items.type", contains("ledger.agreement.recorded.v1", "ledger.agreement.corrected.v1",
                        "ledger.agreement.corrected.v1"))
                .body("items[1].payload.changedFields", contains("signedPlace", "title"))
                .body("items[1].reason", equalTo("official title"))
                .body("items[2].payload.changedFields", contains("signatories"))
                .body("items[2].payload.details.signedPlace", equalTo("Moscow, Kremlin"));
    }

    @Test
    void aCorrectionThatChangesNothingRecordsNothing() {
        UUID agreement = fixtures.recordStatement();

        correct(agreement, "\"1\"", "{\"signedPlace\": \"Moscow\", \"reason\": \"as it was\"}")
                .statusCode(200).header("ETag", "\"1\"");

        history(agreement).body("items", hasSize(1));
    }

    @Test
    void correctingTheStatusIsABadRequestPointingToTheStatusAction() {
        UUID agreement = fixtures.recordStatement();

        correct(agreement, null, "{\"status\": \"TERMINATED\", \"reason\": \"ended\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("/status"));

        given().get(agreementPath(agreement)).then().body("status", equalTo("IN_FORCE")).header("ETag", "\"1\"");
    }

    @Test
    void aMisspeltOrInvalidFieldInACorrectionIsABadRequestNamingIt() {
        UUID agreement = fixtures.recordStatement();

        correct(agreement, null, "{\"titel\": \"typo\"}").statusCode(400).body("errors[0].field", equalTo("titel"));
        correct(agreement, null, "{\"kind\": \"TRUCE\"}").statusCode(400).body("errors[0].field", equalTo("kind"));
        correct(agreement, null, "{\"title\": \"\"}").statusCode(400).body("errors[0].field", equalTo("title"));

        given().get(agreementPath(agreement)).then().header("ETag", "\"1\"");
    }

    // --- status ------------------------------------------------------------------------------

    @Test
    void anAgreementMovesFromSignedIntoForceThroughASuspensionToItsTermination() {
        UUID agreement = recordedAsSigned();
        given().get(agreementPath(agreement)).then().body("status", equalTo("SIGNED"));

        changeStatus(agreement, "IN_FORCE", "2020-11-09T21:00:00Z").statusCode(200)
                .header("ETag", "\"2\"").body("status", equalTo("IN_FORCE"));
        changeStatus(agreement, "SUSPENDED", "2021-03-01T00:00:00Z").statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        changeStatus(agreement, "IN_FORCE", "2021-06-01T00:00:00Z").statusCode(200)
                .body("status", equalTo("IN_FORCE"));
        changeStatus(agreement, "TERMINATED", null).statusCode(200)
                .header("ETag", "\"5\"")
                .body("status", equalTo("TERMINATED"))
                .body("inForce", equalTo(false))
                .body("statusChanges.status", contains("IN_FORCE", "SUSPENDED", "IN_FORCE", "TERMINATED"))
                .body("statusChanges[0].effectiveAt", equalTo("2020-11-09T21:00:00Z"))
                .body("statusChanges[1].effectiveAt", equalTo("2021-03-01T00:00:00Z"))
                .body("statusChanges[2].effectiveAt", equalTo("2021-06-01T00:00:00Z"));

        history(agreement)
                .body("items.type", contains("ledger.agreement.recorded.v1", "ledger.agreement.status-changed.v1",
                        "ledger.agreement.status-changed.v1", "ledger.agreement.status-changed.v1",
                        "ledger.agreement.status-changed.v1"))
                .body("items[2].payload.previousStatus", equalTo("IN_FORCE"))
                .body("items[2].payload.status", equalTo("SUSPENDED"));
    }

    @Test
    void aTerminatedAgreementTakesNoFurtherStatusChange() {
        UUID agreement = fixtures.recordStatement();
        changeStatus(agreement, "TERMINATED", "2021-01-01T00:00:00Z").statusCode(200);

        changeStatus(agreement, "IN_FORCE", null).statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("rule", equalTo("agreement-ended"));
        changeStatus(agreement, "SUSPENDED", null).statusCode(409).body("rule", equalTo("agreement-ended"));

        given().get(agreementPath(agreement)).then().body("status", equalTo("TERMINATED")).header("ETag", "\"2\"");
    }

    @Test
    void aStatusTheCurrentOneCannotReachIsAConflict() {
        UUID agreement = fixtures.recordStatement();

        changeStatus(agreement, "SIGNED", null).statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("status-transition-invalid"));
        changeStatus(agreement, "DRAFT", null).statusCode(409).body("rule", equalTo("status-transition-invalid"));
        changeStatus(agreement, "ABOLISHED", null).statusCode(400).body("errors[0].field", equalTo("status"));

        given().get(agreementPath(agreement)).then().body("status", equalTo("IN_FORCE")).header("ETag", "\"1\"");
    }

    @Test
    void anAgreementEntersTheRecordDraftSignedOrInForceAndEndsOnlyByAStatusChangeThatSaysWhen() {
        for (String status : List.of("SUSPENDED", "TERMINATED", "SUPERSEDED")) {
            json(null).body(fixtures.statement().replace("\"reason\": \"seed\"", "\"status\": \"" + status + "\", \"reason\": \"seed\""))
                    .post("/api/v1/agreements").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("rule", equalTo("initial-status-invalid"));
        }
        given().queryParam("q", fixtures.marker).get("/api/v1/agreements").then().body("items", empty());
    }

    @Test
    void aStatusChangeCannotTakeEffectBeforeTheOneBeforeIt() {
        UUID agreement = fixtures.recordStatement();
        changeStatus(agreement, "SUSPENDED", "2021-06-01T00:00:00Z").statusCode(200);
        changeStatus(agreement, "IN_FORCE", "2021-03-01T00:00:00Z").statusCode(409)
                .body("rule", equalTo("status-change-out-of-order"));
        given().get(agreementPath(agreement)).then().body("status", equalTo("SUSPENDED")).header("ETag", "\"2\"");
    }

    @Test
    void aCorrectionKeepsASignatoryRetractedSinceButANewAgreementCannotNameIt() throws Exception {
        UUID agreement = fixtures.recordStatement();
        try (TopicEvents topics = new TopicEvents()) {
            topics.actorRetracted(fixtures.rusId, 1);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.byReference(fixtures.rus)
                .map(ActorRef::status).filter("RETRACTED"::equals).isPresent());

        correct(agreement, null, "{\"signedPlace\": \"Moscow, Kremlin\"}").statusCode(200)
                .body("signatories.key", contains(fixtures.aze, fixtures.arm, fixtures.rus));
        json(null).body(fixtures.statement()).post("/api/v1/agreements").then().statusCode(400)
                .body("errors[0].field", equalTo("signatories[2]"));
    }

    @Test
    void anAgreementAsOfAnInstantNamesItsSignatoriesAsTheyWereNamedThen() throws Exception {
        UUID agreement = fixtures.recordStatement();
        Instant then = recordedAt(agreement, 0);
        String renamed = "Republic of Azerbaijan " + fixtures.marker;
        aMomentPasses();
        try (TopicEvents topics = new TopicEvents()) {
            topics.actorRenamed(fixtures.azeId, "Azerbaijan " + fixtures.marker, renamed, 1);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.byId(fixtures.azeId)
                .map(ActorRef::name).filter(renamed::equals).isPresent());

        given().get(agreementPath(agreement)).then().statusCode(200).body("signatories[0].name", equalTo(renamed));
        given().queryParam("asOf", then.toString()).get(agreementPath(agreement)).then().statusCode(200)
                .body("signatories[0].key", equalTo(fixtures.aze))
                .body("signatories[0].name", equalTo("Azerbaijan " + fixtures.marker));
    }

    // --- If-Match ----------------------------------------------------------------------------

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        UUID agreement = fixtures.recordStatement();
        correct(agreement, "\"1\"", "{\"signedPlace\": \"Moscow, Kremlin\"}").statusCode(200);

        correct(agreement, "\"1\"", "{\"signedPlace\": \"Sochi\"}").statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412))
                .body("type", containsString("stale-version"))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", equalTo(agreementPath(agreement) + "/corrections"));
        json("\"1\"").body("{\"status\": \"SUSPENDED\"}").post(agreementPath(agreement) + "/status").then()
                .statusCode(412).body("type", containsString("stale-version"));

        given().get(agreementPath(agreement)).then()
                .header("ETag", "\"2\"")
                .body("signedPlace", equalTo("Moscow, Kremlin"))
                .body("status", equalTo("IN_FORCE"));
    }

    @Test
    void anIfMatchAheadOfTheRecordIsAPreconditionFailureToo() {
        UUID agreement = fixtures.recordStatement();

        correct(agreement, "\"7\"", "{\"signedPlace\": \"Sochi\"}").statusCode(412)
                .body("type", containsString("stale-version"));

        given().get(agreementPath(agreement)).then().header("ETag", "\"1\"").body("signedPlace", equalTo("Moscow"));
    }

    @Test
    void theCurrentETagInIfMatchIsAcceptedAndTheETagIncrements() {
        UUID agreement = fixtures.recordStatement();
        String first = etag(agreement);
        assertThat(first).isEqualTo("\"1\"");

        correct(agreement, first, "{\"signedPlace\": \"Moscow, Kremlin\"}").statusCode(200)
                .header("ETag", "\"2\"").body("version", equalTo(2));
        json(etag(agreement)).body("{\"status\": \"SUSPENDED\", \"effectiveAt\": \"2021-03-01T00:00:00Z\"}")
                .post(agreementPath(agreement) + "/status").then().statusCode(200)
                .header("ETag", "\"3\"").body("version", equalTo(3));

        assertThat(etag(agreement)).isEqualTo("\"3\"");
        correct(agreement, "*", "{\"signedPlace\": \"Moscow\"}").statusCode(200).header("ETag", "\"4\"");
        correct(agreement, "three", "{\"signedPlace\": \"Sochi\"}").statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
    }

    // --- asOf, history, verify ---------------------------------------------------------------

    @Test
    void anAgreementAsOfAnEarlierInstantShowsItAsItStoodThen() throws InterruptedException {
        UUID agreement = fixtures.recordStatement();
        aMomentPasses();
        correct(agreement, null, "{\"title\": \"Trilateral statement %s\", \"reason\": \"short title\"}"
                .formatted(fixtures.marker)).statusCode(200);
        Instant recorded = recordedAt(agreement, 0);
        Instant corrected = recordedAt(agreement, 1);
        assertThat(corrected).isAfter(recorded);
        Instant between = recorded.plus(Duration.between(recorded, corrected).dividedBy(2));

        given().queryParam("asOf", between.toString()).get(agreementPath(agreement)).then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo("Statement of 9 November 2020 " + fixtures.marker))
                .body("version", equalTo(1))
                .body("asOf", equalTo(between.toString()));
        given().queryParam("asOf", recorded.minusSeconds(1).toString()).get(agreementPath(agreement)).then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get(agreementPath(agreement)).then()
                .body("title", equalTo("Trilateral statement " + fixtures.marker))
                .body("asOf", nullValue());
        given().queryParam("asOf", "yesterday").get(agreementPath(agreement)).then()
                .statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void theHistoryListsEveryChangeWithWhoMadeItWhyAndOnWhichSources() {
        UUID agreement = fixtures.recordStatement();
        UUID term = fixtures.addTermOk(agreement, fixtures.kalbajar(5));
        json(null).header(PRINCIPAL, "editor@example.org")
                .body("""
                        {"signedPlace": "Moscow, Kremlin", "reason": "place per Kremlin transcript",
                         "sources": [{"title": "Kremlin transcript", "publisher": "Kremlin", "url": "https://example.org/kremlin"}]}
                        """)
                .post(agreementPath(agreement) + "/corrections").then().statusCode(200);
        json(null).header(PRINCIPAL, "monitor@example.org")
                .body("""
                        {"status": "SUSPENDED", "effectiveAt": "2021-03-01T00:00:00Z", "reason": "fighting resumed",
                         "sources": [{"title": "Monitoring report", "publisher": "OSCE"}]}
                        """)
                .post(agreementPath(agreement) + "/status").then().statusCode(200);

        history(agreement)
                .body("items", hasSize(4))
                .body("items.sequence", contains(0, 1, 2, 3))
                .body("items.type", contains("ledger.agreement.recorded.v1", "ledger.agreement.term-added.v1",
                        "ledger.agreement.corrected.v1", "ledger.agreement.status-changed.v1"))
                .body("items.hash", everyItem(matchesPattern("[0-9a-f]{64}")))
                .body("items.recordedAt", everyItem(notNullValue()))
                .body("items[0].principal", equalTo("anonymous"))
                .body("items[0].reason", equalTo("seed"))
                .body("items[0].sources[0].title", equalTo("Seed document"))
                .body("items[0].payload.details.title", equalTo("Statement of 9 November 2020 " + fixtures.marker))
                .body("items[1].payload.termId", equalTo(term.toString()))
                .body("items[2].principal", equalTo("editor@example.org"))
                .body("items[2].reason", equalTo("place per Kremlin transcript"))
                .body("items[2].sources[0].title", equalTo("Kremlin transcript"))
                .body("items[2].sources[0].url", equalTo("https://example.org/kremlin"))
                .body("items[2].payload.changedFields", contains("signedPlace"))
                .body("items[3].principal", equalTo("monitor@example.org"))
                .body("items[3].reason", equalTo("fighting resumed"))
                .body("items[3].sources[0].publisher", equalTo("OSCE"))
                .body("items[3].payload.status", equalTo("SUSPENDED"))
                .body("next", nullValue());

        List<String> hashes = history(agreement).extract().path("items.hash");
        assertThat(hashes).doesNotHaveDuplicates();
    }

    @Test
    void theHistoryIsPagedOldestFirst() {
        UUID agreement = fixtures.recordStatement();
        fixtures.addTermOk(agreement, fixtures.kalbajar(5));
        fixtures.addTermOk(agreement, fixtures.agdam(6));

        ExtractableResponse<Response> first = given().queryParam("limit", 2).get(agreementPath(agreement) + "/history")
                .then().statusCode(200).body("items.sequence", contains(0, 1))
                .header("Link", containsString("rel=\"next\"")).extract();
        given().queryParam("limit", 2).queryParam("cursor", first.<String>path("next"))
                .get(agreementPath(agreement) + "/history").then()
                .body("items.sequence", contains(2)).body("next", nullValue());
    }

    @Test
    void theHashChainOfAnAgreementVerifies() {
        UUID agreement = fixtures.recordStatement();
        UUID term = fixtures.addTermOk(agreement, fixtures.agdam(6));
        correct(agreement, null, "{\"signedPlace\": \"Moscow, Kremlin\"}").statusCode(200);
        json(null).body("{\"status\": \"FULFILLED\", \"effectiveAt\": \"2020-11-20T06:00:00Z\"}")
                .post(agreementPath(agreement) + "/terms/" + term + "/compliance").then().statusCode(200);

        given().get(agreementPath(agreement) + "/verify").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("events", equalTo(4))
                .body("head", equalTo(history(agreement).extract().path("items[3].hash")));
    }

    @Test
    void anUnknownAgreementIsNotFound() {
        UUID unknown = UUID.randomUUID();
        given().get(agreementPath(unknown)).then().statusCode(404).contentType("application/problem+json");
        given().get(agreementPath(unknown) + "/history").then().statusCode(404);
        given().get(agreementPath(unknown) + "/verify").then().statusCode(404);
        given().get("/api/v1/agreements/not-an-id").then().statusCode(404);
        correct(unknown, null, "{\"signedPlace\": \"Sochi\"}").statusCode(404);
        changeStatus(unknown, "SUSPENDED", null).statusCode(404);
    }

    // --- idempotency -------------------------------------------------------------------------

    @Test
    void aRetriedRecordingWithTheSameIdempotencyKeyAnswersTheFirstAgreement() {
        String key = "statement-" + fixtures.marker;
        String first = json(null).header("Idempotency-Key", key).body(fixtures.statement())
                .post("/api/v1/agreements").then().statusCode(201).extract().path("id");
        String second = json(null).header("Idempotency-Key", key).body(fixtures.statement())
                .post("/api/v1/agreements").then().statusCode(201)
                .header("Location", containsString("/api/v1/agreements/" + first))
                .extract().path("id");

        assertThat(second).isEqualTo(first);
        given().queryParam("q", fixtures.marker).get("/api/v1/agreements").then()
                .body("items.id", contains(first));
        json(null).header("Idempotency-Key", key).body(fixtures.statement().replace("\"Moscow\"", "\"Sochi\""))
                .post("/api/v1/agreements").then().statusCode(409)
                .body("rule", equalTo("idempotency-key-reused"));
        given().queryParam("q", fixtures.marker).get("/api/v1/agreements").then().body("items", hasSize(1));
    }

    // --- list filters ------------------------------------------------------------------------

    @Test
    void agreementsAreFilteredByTheaterStatusKindAndText() {
        String marker = fixtures.marker;
        UUID karabakh = fixtures.recordStatement();
        UUID libya = recorded(fixtures.statement()
                .replace("Statement of 9 November 2020", "Agreement for a complete and permanent ceasefire in Libya")
                .replace("NAGORNO_KARABAKH", "LIBYA").replace("\"Moscow\"", "\"Geneva\""));
        UUID memorandum = recorded(fixtures.statement()
                .replace("Statement of 9 November 2020", "Memorandum on a joint monitoring centre")
                .replace("\"CEASEFIRE\"", "\"MEMORANDUM\"").replace("\"Moscow\"", "\"Ankara-" + marker + "\""));
        changeStatus(memorandum, "SUSPENDED", "2021-03-01T00:00:00Z").statusCode(200);

        given().queryParam("q", marker).get("/api/v1/agreements").then().statusCode(200)
                .body("items.id", containsInAnyOrder(karabakh.toString(), libya.toString(), memorandum.toString()));
        given().queryParam("q", marker).queryParam("theater", "LIBYA").get("/api/v1/agreements").then()
                .body("items.id", contains(libya.toString()));
        given().queryParam("q", marker).queryParam("theater", "NAGORNO_KARABAKH").get("/api/v1/agreements").then()
                .body("items.id", containsInAnyOrder(karabakh.toString(), memorandum.toString()));
        given().queryParam("q", marker).queryParam("kind", "MEMORANDUM").get("/api/v1/agreements").then()
                .body("items.id", contains(memorandum.toString()));
        given().queryParam("q", marker).queryParam("status", "SUSPENDED").get("/api/v1/agreements").then()
                .body("items.id", contains(memorandum.toString()));
        given().queryParam("q", marker).queryParam("status", "IN_FORCE").get("/api/v1/agreements").then()
                .body("items.id", containsInAnyOrder(karabakh.toString(), libya.toString()));
        // Text matches the title or the signing place, whatever the case.
        given().queryParam("q", "ankara-" + marker.toLowerCase()).get("/api/v1/agreements").then()
                .body("items.id", contains(memorandum.toString()));
        given().queryParam("q", "PERMANENT CEASEFIRE IN LIBYA " + marker).get("/api/v1/agreements").then()
                .body("items.id", contains(libya.toString()));
        given().queryParam("q", "no such words " + marker).get("/api/v1/agreements").then()
                .body("items", empty()).body("next", nullValue());
        // LIKE wildcards in the text are plain characters.
        given().queryParam("q", "_" + marker).get("/api/v1/agreements").then().body("items", empty());
        given().queryParam("q", "2020%" + marker).get("/api/v1/agreements").then().body("items", empty());

        given().queryParam("theater", "ATLANTIS").get("/api/v1/agreements").then()
                .statusCode(400).body("errors[0].field", equalTo("theater"));
        given().queryParam("status", "ONGOING").get("/api/v1/agreements").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
        given().queryParam("kind", "TREATY").get("/api/v1/agreements").then()
                .statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void agreementsAreFilteredByASignatoryNamedByKey() {
        UUID trilateral = fixtures.recordStatement();
        UUID bilateral = recorded(fixtures.statement()
                .replace("\"signatories\": [\"%s\", \"%s\", \"%s\"]".formatted(fixtures.aze, fixtures.arm, fixtures.rus),
                        "\"signatories\": [\"%s\", \"%s\"]".formatted(fixtures.aze, fixtures.rus)));

        given().queryParam("signatory", fixtures.arm).get("/api/v1/agreements").then().statusCode(200)
                .body("items.id", contains(trilateral.toString()));
        given().queryParam("signatory", fixtures.rus).get("/api/v1/agreements").then()
                .body("items.id", containsInAnyOrder(trilateral.toString(), bilateral.toString()));
        given().queryParam("signatory", fixtures.rusId.toString()).get("/api/v1/agreements").then()
                .body("items.id", containsInAnyOrder(trilateral.toString(), bilateral.toString()));
        given().queryParam("signatory", "NOBODY" + fixtures.marker).get("/api/v1/agreements").then()
                .statusCode(400).body("errors[0].field", equalTo("signatory"));
    }

    @Test
    void onlyAgreementsInForceAtTheInstantAreListedForInForceAt() {
        UUID inForce = fixtures.recordStatement();
        UUID suspended = fixtures.recordStatement();
        changeStatus(suspended, "SUSPENDED", "2021-03-01T00:00:00Z").statusCode(200);
        UUID terminated = fixtures.recordStatement();
        changeStatus(terminated, "TERMINATED", "2021-06-01T00:00:00Z").statusCode(200);
        UUID resumed = fixtures.recordStatement();
        changeStatus(resumed, "SUSPENDED", "2021-03-01T00:00:00Z").statusCode(200);
        changeStatus(resumed, "IN_FORCE", "2021-09-01T00:00:00Z").statusCode(200);

        given().queryParam("q", fixtures.marker).queryParam("inForceAt", "2020-11-01T00:00:00Z")
                .get("/api/v1/agreements").then().statusCode(200).body("items", empty());
        given().queryParam("q", fixtures.marker).queryParam("inForceAt", "2020-12-01T00:00:00Z")
                .get("/api/v1/agreements").then()
                .body("items.id", containsInAnyOrder(inForce.toString(), suspended.toString(), terminated.toString(),
                        resumed.toString()));
        given().queryParam("q", fixtures.marker).queryParam("inForceAt", "2021-04-01T00:00:00Z")
                .get("/api/v1/agreements").then()
                .body("items.id", containsInAnyOrder(inForce.toString(), terminated.toString()));
        given().queryParam("q", fixtures.marker).queryParam("inForceAt", "2022-01-01T00:00:00Z")
                .get("/api/v1/agreements").then()
                .body("items.id", containsInAnyOrder(inForce.toString(), resumed.toString()));
        given().queryParam("inForceAt", "2022-01-01").get("/api/v1/agreements").then()
                .statusCode(400).body("errors[0].field", equalTo("inForceAt"));
    }

    @Test
    void agreementsArePagedInSigningOrderWithACursorAndALinkToTheNextPage() {
        UUID washington = recorded(fixtures.statement().replace(SIGNED_ON, "\"signedOn\": \"2020-10-25\""));
        UUID moscow = fixtures.recordStatement();
        UUID ankara = recorded(fixtures.statement().replace(SIGNED_ON, "\"signedOn\": \"2020-11-11\""));

        ExtractableResponse<Response> first = given().queryParam("q", fixtures.marker).queryParam("limit", 1)
                .get("/api/v1/agreements").then().statusCode(200)
                .body("items.id", contains(washington.toString()))
                .body("next", notNullValue())
                .header("Link", containsString("rel=\"next\""))
                .extract();
        String link = nextLink(first.header("Link"));
        assertThat(link).contains("cursor=").contains("limit=1");

        ExtractableResponse<Response> second = given().get(link).then().statusCode(200)
                .body("items.id", contains(moscow.toString()))
                .body("next", notNullValue())
                .extract();
        given().queryParam("q", fixtures.marker).queryParam("limit", 1).queryParam("cursor", second.<String>path("next"))
                .get("/api/v1/agreements").then().statusCode(200)
                .body("items.id", contains(ankara.toString()))
                .body("next", nullValue())
                .header("Link", nullValue());

        given().queryParam("limit", 0).get("/api/v1/agreements").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "not-a-cursor").get("/api/v1/agreements").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void theListAsOfAnInstantHasTheAgreementsOfThenWithTheirValuesOfThenInSigningOrder() throws InterruptedException {
        UUID washington = recorded(fixtures.statement().replace(SIGNED_ON, "\"signedOn\": \"2020-10-25\""));
        UUID moscow = fixtures.recordStatement();
        UUID ankara = recorded(fixtures.statement().replace(SIGNED_ON, "\"signedOn\": \"2020-11-11\""));
        Instant then = recordedAt(ankara, 0);
        aMomentPasses();
        correct(moscow, null, "{\"title\": \"Trilateral statement %s\", \"reason\": \"short title\"}"
                .formatted(fixtures.marker)).statusCode(200);
        changeStatus(washington, "SUSPENDED", "2021-03-01T00:00:00Z").statusCode(200);
        UUID later = fixtures.recordStatement();

        // Now: the later statement too, signed the same day as the Moscow one (the two in id order).
        List<String> now = idsOfList(Map.of("q", fixtures.marker), 1);
        assertThat(now).containsExactlyInAnyOrder(washington.toString(), moscow.toString(), later.toString(),
                ankara.toString());
        assertThat(now.get(0)).isEqualTo(washington.toString());
        assertThat(now.get(3)).isEqualTo(ankara.toString());
        assertThat(idsOfList(Map.of("q", fixtures.marker, "asOf", then.toString()), 1))
                .containsExactly(washington.toString(), moscow.toString(), ankara.toString());
        given().queryParam("q", fixtures.marker).queryParam("asOf", then.toString()).get("/api/v1/agreements").then()
                .statusCode(200)
                .body("items.find { it.id == '" + moscow + "' }.title",
                        equalTo("Statement of 9 November 2020 " + fixtures.marker))
                .body("items[0].asOf", equalTo(then.toString()));
        given().queryParam("q", "Trilateral statement " + fixtures.marker).queryParam("asOf", then.toString())
                .get("/api/v1/agreements").then().body("items", empty());
        given().queryParam("q", fixtures.marker).queryParam("status", "SUSPENDED").get("/api/v1/agreements").then()
                .body("items.id", contains(washington.toString()));
        given().queryParam("q", fixtures.marker).queryParam("status", "SUSPENDED").queryParam("asOf", then.toString())
                .get("/api/v1/agreements").then().body("items", empty());
        given().queryParam("q", fixtures.marker).queryParam("inForceAt", "2021-04-01T00:00:00Z")
                .queryParam("asOf", then.toString()).get("/api/v1/agreements").then()
                .body("items.id", containsInAnyOrder(washington.toString(), moscow.toString(), ankara.toString()));
        given().queryParam("asOf", Instant.now().plusSeconds(600).toString()).get("/api/v1/agreements").then()
                .statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    private static List<String> idsOfList(Map<String, String> query, int limit) {
        return ListPages.collect("/api/v1/agreements", query, limit, "id");
    }

    // --- schedule and renewal objections -----------------------------------------------------

    @Test
    void thePeacekeepingMandateRunsFiveYearsAndRenewsForFiveMore() {
        UUID[] ids = statementWithPeacekeeping();
        UUID agreement = ids[0];
        UUID peacekeeping = ids[1];

        schedule(agreement, "2026-12-01T00:00:00Z")
                .body("agreementId", equalTo(agreement.toString()))
                .body("at", equalTo("2026-12-01T00:00:00Z"))
                .body("items", hasSize(1))
                .body("items[0].termId", equalTo(peacekeeping.toString()))
                .body("items[0].order", equalTo(4))
                .body("items[0].state", equalTo("RUNNING"))
                .body("items[0].startsAt", equalTo("2020-11-09T21:00:00Z"))
                .body("items[0].periodNumber", equalTo(2))
                .body("items[0].periodStartsAt", equalTo("2025-11-09T21:00:00Z"))
                .body("items[0].renewals", equalTo(1))
                .body("items[0].renewed", equalTo(true))
                .body("items[0].expiresAt", equalTo("2030-11-09T21:00:00Z"))
                .body("items[0].noticeDeadline", equalTo("2030-05-09T21:00:00Z"))
                .body("items[0].willRenew", equalTo(true));

        // A day is its start in the agreement's zone: midnight in Moscow.
        schedule(agreement, "2021-01-01")
                .body("at", equalTo("2020-12-31T21:00:00Z"))
                .body("items[0].state", equalTo("RUNNING"))
                .body("items[0].periodNumber", equalTo(1))
                .body("items[0].renewals", equalTo(0))
                .body("items[0].renewed", equalTo(false))
                .body("items[0].expiresAt", equalTo("2025-11-09T21:00:00Z"))
                .body("items[0].noticeDeadline", equalTo("2025-05-09T21:00:00Z"));

        given().queryParam("at", "soon").get(agreementPath(agreement) + "/schedule").then()
                .statusCode(400).body("errors[0].field", equalTo("at"));
    }

    @Test
    void aSignatorysObjectionBeforeTheNoticeDeadlineStopsTheRenewal() {
        UUID[] ids = statementWithPeacekeeping();
        UUID agreement = ids[0];
        UUID peacekeeping = ids[1];

        object(agreement, peacekeeping, fixtures.aze, "2025-05-01T00:00:00Z").statusCode(200)
                .body("renewalObjections", hasSize(1))
                .body("renewalObjections[0].party.key", equalTo(fixtures.aze))
                .body("renewalObjections[0].objectedAt", equalTo("2025-05-01T00:00:00Z"));

        schedule(agreement, "2026-12-01T00:00:00Z")
                .body("items[0].state", equalTo("EXPIRED"))
                .body("items[0].renewed", equalTo(false))
                .body("items[0].renewals", equalTo(0))
                .body("items[0].willRenew", equalTo(false))
                .body("items[0].expiresAt", equalTo("2025-11-09T21:00:00Z"));
        schedule(agreement, "2021-01-01")
                .body("items[0].state", equalTo("RUNNING"))
                .body("items[0].willRenew", equalTo(false));
        history(agreement).body("items[3].type", equalTo("ledger.agreement.term-renewal-objected.v1"))
                .body("items[3].reason", equalTo("notice given"));
    }

    @Test
    void anObjectionAfterTheNoticeDeadlineCountsAgainstTheNextRenewal() {
        UUID[] ids = statementWithPeacekeeping();
        UUID agreement = ids[0];
        UUID peacekeeping = ids[1];

        object(agreement, peacekeeping, fixtures.arm, "2025-06-01T00:00:00Z").statusCode(200);

        schedule(agreement, "2026-12-01T00:00:00Z")
                .body("items[0].state", equalTo("RUNNING"))
                .body("items[0].renewals", equalTo(1))
                .body("items[0].renewed", equalTo(true))
                .body("items[0].willRenew", equalTo(false))
                .body("items[0].expiresAt", equalTo("2030-11-09T21:00:00Z"));
        schedule(agreement, "2031-01-01T00:00:00Z")
                .body("items[0].state", equalTo("EXPIRED"))
                .body("items[0].expiresAt", equalTo("2030-11-09T21:00:00Z"));
    }

    @Test
    void onlyASignatoryMayObjectToARenewal() throws Exception {
        UUID[] ids = statementWithPeacekeeping();
        String turkey = "TUR" + fixtures.marker;
        actorKnown(directory, turkey, "Turkey " + fixtures.marker);

        object(ids[0], ids[1], turkey, "2025-05-01T00:00:00Z").statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("objector-not-a-signatory"));
        object(ids[0], ids[1], "NOBODY" + fixtures.marker, "2025-05-01T00:00:00Z").statusCode(400)
                .body("errors[0].field", equalTo("party"));

        schedule(ids[0], "2026-12-01T00:00:00Z").body("items[0].renewals", equalTo(1));
        given().get(agreementPath(ids[0]) + "/terms/" + ids[1]).then().body("renewalObjections", empty());
    }

    @Test
    void aTermThatDoesNotRenewAutomaticallyTakesNoObjection() {
        UUID agreement = fixtures.recordStatement();
        UUID kalbajar = fixtures.addTermOk(agreement, fixtures.kalbajar(5));
        UUID fixedTerm = fixtures.addTermOk(agreement, fixtures.peacekeeping(4, "5").replace("\"autoRenew\": true", "\"autoRenew\": false"));

        object(agreement, kalbajar, fixtures.aze, "2020-11-12T00:00:00Z").statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("term-not-renewable"));
        object(agreement, fixedTerm, fixtures.aze, "2025-05-01T00:00:00Z").statusCode(409)
                .body("rule", equalTo("term-not-renewable"));

        schedule(agreement, "2026-12-01T00:00:00Z")
                .body("items.termId", contains(fixedTerm.toString()))
                .body("items[0].state", equalTo("EXPIRED"))
                .body("items[0].autoRenew", equalTo(false))
                .body("items[0].expiresAt", equalTo("2025-11-09T21:00:00Z"));
    }

    @Test
    void anObjectionDatedInTheFutureIsABadRequest() {
        UUID[] ids = statementWithPeacekeeping();

        object(ids[0], ids[1], fixtures.aze, Instant.now().plus(Duration.ofDays(30)).toString()).statusCode(400)
                .body("errors[0].field", equalTo("objectedAt"));
    }

    @Test
    void aTerminationBeforeExpiryEndsTheTermsSchedule() {
        UUID[] ids = statementWithPeacekeeping();
        changeStatus(ids[0], "TERMINATED", "2023-01-01T00:00:00Z").statusCode(200);

        schedule(ids[0], "2026-12-01T00:00:00Z")
                .body("items[0].state", equalTo("ENDED"))
                .body("items[0].endedAt", equalTo("2023-01-01T00:00:00Z"))
                .body("items[0].willRenew", equalTo(false));
        schedule(ids[0], "2021-01-01")
                .body("items[0].state", equalTo("RUNNING"));
    }

    @Test
    void aTermOfAnAgreementWithoutAnInForceInstantHasNoScheduleYet() {
        UUID agreement = recorded(fixtures.statement().replace("\"inForceAt\": \"2020-11-09T21:00:00Z\", ", ""));
        fixtures.addTermOk(agreement, withdrawal(fixtures, 3));
        UUID peacekeeping = fixtures.addTermOk(agreement, fixtures.peacekeeping(4, "3"));

        given().get(agreementPath(agreement)).then().body("status", equalTo("SIGNED")).body("inForce", equalTo(false));
        schedule(agreement, "2026-12-01T00:00:00Z")
                .body("items[0].termId", equalTo(peacekeeping.toString()))
                .body("items[0].state", equalTo("NOT_IN_FORCE"))
                .body("items[0].expiresAt", nullValue());
    }

    // --- read model --------------------------------------------------------------------------

    @Test
    void rebuildingTheReadModelKeepsTheSameAnswers() {
        UUID[] ids = statementWithPeacekeeping();
        UUID agreement = ids[0];
        object(agreement, ids[1], fixtures.aze, "2025-05-01T00:00:00Z").statusCode(200);
        correct(agreement, null, "{\"signedPlace\": \"Moscow, Kremlin\"}").statusCode(200);
        changeStatus(agreement, "SUSPENDED", "2027-01-01T00:00:00Z").statusCode(200);

        String agreementBefore = given().get(agreementPath(agreement)).then().statusCode(200).extract().asString();
        String etagBefore = etag(agreement);
        String scheduleBefore = schedule(agreement, "2026-12-01T00:00:00Z").extract().asString();
        String termsBefore = given().queryParam("at", "2026-12-01T00:00:00Z").get(agreementPath(agreement) + "/terms")
                .then().statusCode(200).extract().asString();
        String listBefore = given().queryParam("q", fixtures.marker).queryParam("status", "SUSPENDED")
                .get("/api/v1/agreements").then().statusCode(200).body("items", hasSize(1)).extract().asString();

        given().post("/api/v1/agreements/admin/read-model/rebuild").then().statusCode(200)
                .body("readModel", equalTo("agreement-read-model"))
                .body("agreements", notNullValue());

        assertThat(given().get(agreementPath(agreement)).then().statusCode(200).extract().asString())
                .isEqualTo(agreementBefore);
        assertThat(etag(agreement)).isEqualTo(etagBefore);
        assertThat(schedule(agreement, "2026-12-01T00:00:00Z").extract().asString()).isEqualTo(scheduleBefore);
        assertThat(given().queryParam("at", "2026-12-01T00:00:00Z").get(agreementPath(agreement) + "/terms")
                .then().statusCode(200).extract().asString()).isEqualTo(termsBefore);
        assertThat(given().queryParam("q", fixtures.marker).queryParam("status", "SUSPENDED")
                .get("/api/v1/agreements").then().statusCode(200).extract().asString()).isEqualTo(listBefore);
        schedule(agreement, "2026-12-01T00:00:00Z").body("items[0].state", equalTo("EXPIRED"));
    }
}
