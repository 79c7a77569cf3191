package org.conflictledger.agreements.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.agreements.query.ConflictEventDirectory;
import org.conflictledger.agreements.support.AgreementFixtures;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictledger.agreements.support.ApiSteps.PRINCIPAL;
import static org.conflictledger.agreements.support.ApiSteps.aMomentPasses;
import static org.conflictledger.agreements.support.ApiSteps.agreementPath;
import static org.conflictledger.agreements.support.ApiSteps.assess;
import static org.conflictledger.agreements.support.ApiSteps.conflictEventKnown;
import static org.conflictledger.agreements.support.ApiSteps.correctTerm;
import static org.conflictledger.agreements.support.ApiSteps.corridor;
import static org.conflictledger.agreements.support.ApiSteps.etag;
import static org.conflictledger.agreements.support.ApiSteps.history;
import static org.conflictledger.agreements.support.ApiSteps.json;
import static org.conflictledger.agreements.support.ApiSteps.recordedAt;
import static org.conflictledger.agreements.support.ApiSteps.termPath;
import static org.conflictledger.agreements.support.ApiSteps.withdrawal;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/**
 * Terms of an agreement over HTTP: adding and reading them, their numbers and conditions, the term
 * list's filters, compliance assessed in valid time with its evidence, corrections, and asOf reads.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class TermApiTest {
    @Inject
    ActorDirectory directory;

    @Inject
    ConflictEventDirectory conflictEvents;

    private AgreementFixtures fixtures;

    @BeforeEach
    void signatoriesKnownFromTheActorTopic() throws Exception {
        fixtures = new AgreementFixtures().actorsKnown(directory);
    }

    private String terms(UUID agreement) {
        return agreementPath(agreement) + "/terms";
    }

    // --- adding and reading ------------------------------------------------------------------

    @Test
    void addingATermAnswersCreatedWithItsLocationAndTheAgreementVersionAsETag() {
        UUID agreement = fixtures.recordStatement();

        ExtractableResponse<Response> added = json(null).body(fixtures.ceasefire(1)).post(terms(agreement)).then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/agreements/" + agreement + "/terms/[0-9a-f-]{36}"))
                .header("ETag", "\"2\"")
                .body("agreementId", equalTo(agreement.toString()))
                .body("order", equalTo(1))
                .body("article", equalTo("Paragraph 1"))
                .body("category", equalTo("CEASEFIRE"))
                .body("obligated.key", contains(fixtures.aze, fixtures.arm))
                .body("obligated.id", contains(fixtures.azeId.toString(), fixtures.armId.toString()))
                .body("compliance.status", equalTo("PENDING"))
                .body("complianceHistory", empty())
                .body("overdue", equalTo(false))
                .body("version", equalTo(2))
                .extract();
        String id = added.path("id");
        assertThat(added.header("Location")).endsWith("/terms/" + id);

        json("\"2\"").body(fixtures.kalbajar(5)).post(terms(agreement)).then().statusCode(201)
                .header("ETag", "\"3\"")
                .body("deadline", equalTo("2020-11-15"))
                .body("deadlinePassesAt", equalTo("2020-11-15T21:00:00Z"));

        given().get(added.header("Location")).then().statusCode(200).body("id", equalTo(id)).header("ETag", "\"3\"");
        given().get(agreementPath(agreement)).then().header("ETag", "\"3\"").body("terms", equalTo(2));
        history(agreement).body("items[1].type", equalTo("ledger.agreement.term-added.v1"))
                .body("items[1].payload.termId", equalTo(id));
    }

    @Test
    void addingATermWithAStaleETagIsAPreconditionFailure() {
        UUID agreement = fixtures.recordStatement();
        fixtures.addTermOk(agreement, fixtures.ceasefire(1));

        json("\"1\"").body(fixtures.kalbajar(5)).post(terms(agreement)).then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", containsString("stale-version"));

        given().get(terms(agreement)).then().body("items.order", contains(1));
    }

    @Test
    void quantitiesAndTheirUnitsRoundTripExactly() throws InterruptedException {
        UUID agreement = fixtures.recordStatement();
        fixtures.addTermOk(agreement, withdrawal(fixtures, 3));
        UUID peacekeeping = fixtures.addTermOk(agreement, fixtures.peacekeeping(4, "3"));
        aMomentPasses();
        UUID corridor = fixtures.addTermOk(agreement, corridor(fixtures, 6));

        given().get(termPath(agreement, peacekeeping)).then().statusCode(200)
                .body("quantities.value", contains(1960, 90, 380))
                .body("quantities.unit", contains("personnel", "vehicles", "vehicles"))
                .body("quantities.of", contains("military personnel with small arms", "armoured personnel carriers",
                        "motor vehicles and special equipment"))
                .body("duration.period", equalTo("P5Y"))
                .body("duration.autoRenew", equalTo(true))
                .body("duration.renewalPeriod", equalTo("P5Y"))
                .body("duration.noticePeriod", equalTo("P6M"));
        // The numbers as written, not as floating point (1960, never 1960.0 or 1.96E+3).
        assertThat(given().get(termPath(agreement, peacekeeping)).then().extract().asString())
                .contains("{\"value\":1960,\"unit\":\"personnel\",\"of\":\"military personnel with small arms\"}")
                .contains("{\"value\":90,\"unit\":\"vehicles\",\"of\":\"armoured personnel carriers\"}")
                .contains("{\"value\":380,\"unit\":\"vehicles\",\"of\":\"motor vehicles and special equipment\"}");
        assertThat(given().get(termPath(agreement, corridor)).then().statusCode(200).extract().asString())
                .contains("{\"value\":5,\"unit\":\"km\",\"of\":\"width of the corridor\"}")
                .contains("{\"value\":2.5,\"unit\":\"km\",\"of\":\"either side of the centre line\"}");
        given().queryParam("category", "PEACEKEEPING").get(terms(agreement)).then()
                .body("items[0].quantities.value", contains(1960, 90, 380));
        given().queryParam("asOf", recordedAt(agreement, 2).toString()).get(terms(agreement)).then()
                .body("items.order", contains(3, 4))
                .body("items[1].quantities.value", contains(1960, 90, 380));
        history(agreement).body("items[2].payload.details.quantities[0].unit", equalTo("personnel"));
    }

    @Test
    void aNegativeOrUnitlessQuantityIsABadRequest() {
        UUID agreement = fixtures.recordStatement();
        String corridor = corridor(fixtures, 6);

        json(null).body(corridor.replace("\"value\": 5,", "\"value\": -5,")).post(terms(agreement)).then()
                .statusCode(400).body("errors[0].field", equalTo("quantities[0].value"));
        json(null).body(corridor.replace("\"unit\": \"km\", \"of\": \"width", "\"unit\": \"\", \"of\": \"width"))
                .post(terms(agreement)).then()
                .statusCode(400).body("errors[0].field", equalTo("quantities[0].unit"));

        given().get(agreementPath(agreement)).then().body("terms", equalTo(0));
    }

    @Test
    void aConditionNamedByOrderResolvesToTheOtherTermsIdAndOrder() {
        UUID agreement = fixtures.recordStatement();
        UUID withdrawal = fixtures.addTermOk(agreement, withdrawal(fixtures, 3));

        UUID peacekeeping = fixtures.addTermOk(agreement, fixtures.peacekeeping(4, "3"));
        given().get(termPath(agreement, peacekeeping)).then().statusCode(200)
                .body("conditions", hasSize(1))
                .body("conditions[0].kind", equalTo("IN_PARALLEL_WITH"))
                .body("conditions[0].term", equalTo(withdrawal.toString()))
                .body("conditions[0].termOrder", equalTo(3));

        // By id, too.
        json(null).body(fixtures.kalbajar(5).replace("\"deadline\"",
                "\"conditions\": [{\"kind\": \"AFTER\", \"term\": \"%s\"}], \"deadline\"".formatted(withdrawal)))
                .post(terms(agreement)).then().statusCode(201)
                .body("conditions[0].kind", equalTo("AFTER"))
                .body("conditions[0].term", equalTo(withdrawal.toString()))
                .body("conditions[0].termOrder", equalTo(3));

        json(null).body(fixtures.peacekeeping(7, "9")).post(terms(agreement)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("conditions[0].term"));
        given().get(agreementPath(agreement)).then().body("terms", equalTo(3));
    }

    @Test
    void aTermOrderCanBeTakenOnlyOnce() {
        UUID agreement = fixtures.recordStatement();
        fixtures.addTermOk(agreement, fixtures.agdam(6));

        json(null).body(fixtures.lachin(6)).post(terms(agreement)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("rule", equalTo("term-order-taken"));

        given().get(terms(agreement)).then().body("items", hasSize(1))
                .body("items[0].text", containsString("Agdam"));
        given().get(agreementPath(agreement)).then().header("ETag", "\"2\"");
    }

    @Test
    void aTermIsReadByItsIdAndAnUnknownOrMalformedIdIsNotFound() {
        UUID agreement = fixtures.recordStatement();
        UUID agdam = fixtures.addTermOk(agreement, fixtures.agdam(6));

        given().get(termPath(agreement, agdam)).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("id", equalTo(agdam.toString()))
                .body("text", equalTo("Agdam District shall be returned to the Republic of Azerbaijan"))
                .body("obligated.key", contains(fixtures.arm))
                .body("beneficiaries.key", contains(fixtures.aze))
                .body("deadline", equalTo("2020-11-20"));

        given().get(termPath(agreement, UUID.randomUUID())).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get(terms(agreement) + "/not-a-term").then().statusCode(404).contentType("application/problem+json");
        given().get(termPath(UUID.randomUUID(), agdam)).then().statusCode(404);
        assess(agreement, UUID.randomUUID(), "FULFILLED", "2020-11-20T06:00:00Z").statusCode(404);
    }

    // --- the term list -----------------------------------------------------------------------

    @Test
    void termsAreFilteredByCategoryObligatedActorAndComplianceStatus() {
        UUID agreement = fixtures.recordStatement();
        fixtures.addTermOk(agreement, fixtures.ceasefire(1));
        fixtures.addTermOk(agreement, withdrawal(fixtures, 3));
        fixtures.addTermOk(agreement, fixtures.peacekeeping(4, "3"));
        UUID kalbajar = fixtures.addTermOk(agreement, fixtures.kalbajar(5));
        UUID agdam = fixtures.addTermOk(agreement, fixtures.agdam(6));
        fixtures.addTermOk(agreement, fixtures.lachin(7));
        assess(agreement, kalbajar, "FULFILLED", "2020-11-25T00:00:00Z").statusCode(200);
        assess(agreement, agdam, "FULFILLED", "2020-11-20T06:00:00Z").statusCode(200);

        given().get(terms(agreement)).then().statusCode(200).body("items.order", contains(1, 3, 4, 5, 6, 7));
        given().queryParam("category", "TERRITORIAL_TRANSFER").get(terms(agreement)).then()
                .body("items.order", contains(5, 6, 7));
        given().queryParam("category", "peacekeeping").get(terms(agreement)).then()
                .body("items.order", contains(4));
        given().queryParam("obligated", fixtures.rus).get(terms(agreement)).then()
                .body("items.order", contains(4));
        given().queryParam("obligated", fixtures.aze).get(terms(agreement)).then()
                .body("items.order", contains(1));
        given().queryParam("obligated", fixtures.arm).get(terms(agreement)).then()
                .body("items.order", contains(1, 3, 5, 6, 7));
        given().queryParam("obligated", fixtures.armId.toString()).queryParam("category", "TERRITORIAL_TRANSFER")
                .get(terms(agreement)).then().body("items.order", contains(5, 6, 7));
        given().queryParam("status", "FULFILLED").queryParam("at", "2020-12-02T00:00:00Z").get(terms(agreement)).then()
                .body("items.order", contains(5, 6))
                .body("items.evaluatedAt", contains("2020-12-02T00:00:00Z", "2020-12-02T00:00:00Z"));
        given().queryParam("status", "FULFILLED").queryParam("at", "2020-11-21").get(terms(agreement)).then()
                .body("items.order", contains(6));
        given().queryParam("status", "PENDING").queryParam("at", "2020-11-21").get(terms(agreement)).then()
                .body("items.order", contains(1, 3, 4, 5, 7));

        given().queryParam("category", "TRUCE").get(terms(agreement)).then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
        given().queryParam("status", "KEPT").get(terms(agreement)).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().queryParam("obligated", "NOBODY" + fixtures.marker).get(terms(agreement)).then().statusCode(400)
                .body("errors[0].field", equalTo("obligated"));
    }

    @Test
    void overdueAtListsTheTermsWhoseDeadlineHadPassedUnfulfilledAndAtChoosesWhenTheyAreShown() {
        UUID agreement = fixtures.recordStatement();
        fixtures.addTermOk(agreement, fixtures.ceasefire(1));
        UUID kalbajar = fixtures.addTermOk(agreement, fixtures.kalbajar(5));
        UUID agdam = fixtures.addTermOk(agreement, fixtures.agdam(6));
        fixtures.addTermOk(agreement, fixtures.lachin(7));
        assess(agreement, kalbajar, "FULFILLED", "2020-11-25T00:00:00Z").statusCode(200);
        assess(agreement, agdam, "FULFILLED", "2020-11-20T06:00:00Z").statusCode(200);

        given().queryParam("overdueAt", "2020-11-21T00:00:00Z").get(terms(agreement)).then().statusCode(200)
                .body("items.order", contains(5))
                .body("items.overdue", contains(true))
                .body("items.compliance.status", contains("PENDING"));
        given().queryParam("overdueAt", "2020-12-02").get(terms(agreement)).then()
                .body("items.order", contains(7))
                .body("items.deadlinePassesAt", contains("2020-12-01T21:00:00Z"));
        // Overdue on 21 November, shown as they stood on 2 December.
        given().queryParam("overdueAt", "2020-11-21T00:00:00Z").queryParam("at", "2020-12-02T00:00:00Z")
                .get(terms(agreement)).then()
                .body("items.order", contains(5))
                .body("items.overdue", contains(false))
                .body("items.compliance.status", contains("FULFILLED"))
                .body("items.evaluatedAt", contains("2020-12-02T00:00:00Z"));
        // Without a filter, at evaluates every term.
        given().queryParam("at", "2020-11-21T00:00:00Z").get(terms(agreement)).then()
                .body("items.order", contains(1, 5, 6, 7))
                .body("items.overdue", contains(false, true, false, false));
        given().queryParam("overdueAt", "2020-11-40").get(terms(agreement)).then().statusCode(400)
                .body("errors[0].field", equalTo("overdueAt"));
    }

    @Test
    void aDayMeansItsStartInTheAgreementsTimeZone() {
        UUID agreement = fixtures.recordStatement();
        UUID lachin = fixtures.addTermOk(agreement, fixtures.lachin(7));
        // Returned at 01:00 Moscow time on 2 December: after midnight in Moscow, before midnight in UTC.
        assess(agreement, lachin, "FULFILLED", "2020-12-01T22:00:00Z").statusCode(200);

        given().queryParam("overdueAt", "2020-12-02").get(terms(agreement)).then().statusCode(200)
                .body("items.order", contains(7))
                .body("items.evaluatedAt", contains("2020-12-01T21:00:00Z"));
        given().queryParam("overdueAt", "2020-12-02T00:00:00Z").get(terms(agreement)).then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void termsArePagedInTheirOrder() {
        UUID agreement = fixtures.recordStatement();
        fixtures.addTermOk(agreement, fixtures.lachin(7));
        fixtures.addTermOk(agreement, fixtures.ceasefire(1));
        fixtures.addTermOk(agreement, fixtures.kalbajar(5));

        ExtractableResponse<Response> first = given().queryParam("limit", 2).get(terms(agreement)).then()
                .statusCode(200).body("items.order", contains(1, 5))
                .header("Link", containsString("rel=\"next\"")).extract();
        given().queryParam("limit", 2).queryParam("cursor", first.<String>path("next")).get(terms(agreement)).then()
                .body("items.order", contains(7)).body("next", nullValue());
    }

    @Test
    void termsListedAsOfAnEarlierInstantOmitLaterTerms() throws InterruptedException {
        UUID agreement = fixtures.recordStatement();
        fixtures.addTermOk(agreement, fixtures.ceasefire(1));
        aMomentPasses();
        fixtures.addTermOk(agreement, fixtures.kalbajar(5));
        Instant firstTermAdded = recordedAt(agreement, 1);

        given().queryParam("asOf", firstTermAdded.toString()).get(terms(agreement)).then().statusCode(200)
                .body("items.order", contains(1))
                .body("items[0].version", equalTo(2));
        given().get(terms(agreement)).then().body("items.order", contains(1, 5));
        given().queryParam("asOf", recordedAt(agreement, 0).minusSeconds(1).toString()).get(terms(agreement)).then()
                .statusCode(404);
    }

    @Test
    void termsAsOfBeforeAnAssessmentWasRecordedShowItsComplianceAsTheRecordThenHeldIt() throws InterruptedException {
        UUID agreement = fixtures.recordStatement();
        UUID agdam = fixtures.addTermOk(agreement, fixtures.agdam(6));
        aMomentPasses();
        assess(agreement, agdam, "FULFILLED", "2020-11-20T06:00:00Z").statusCode(200);
        Instant beforeAssessment = recordedAt(agreement, 1);

        given().queryParam("asOf", beforeAssessment.toString()).queryParam("at", "2020-12-02T00:00:00Z")
                .get(terms(agreement)).then().statusCode(200)
                .body("items[0].compliance.status", equalTo("PENDING"))
                .body("items[0].overdue", equalTo(true))
                .body("items[0].complianceHistory", empty());
        given().queryParam("at", "2020-12-02T00:00:00Z").get(terms(agreement)).then()
                .body("items[0].compliance.status", equalTo("FULFILLED"))
                .body("items[0].overdue", equalTo(false));
    }

    @Test
    void aRetriedTermWithTheSameIdempotencyKeyAnswersTheFirstTerm() {
        UUID agreement = fixtures.recordStatement();
        String key = "agdam-" + fixtures.marker;

        String first = json(null).header("Idempotency-Key", key).body(fixtures.agdam(6)).post(terms(agreement)).then()
                .statusCode(201).extract().path("id");
        String second = json(null).header("Idempotency-Key", key).body(fixtures.agdam(6)).post(terms(agreement)).then()
                .statusCode(201).header("Location", containsString("/terms/" + first)).extract().path("id");

        assertThat(second).isEqualTo(first);
        given().get(terms(agreement)).then().body("items.id", contains(first));
        given().get(agreementPath(agreement)).then().header("ETag", "\"2\"");
    }

    // --- compliance --------------------------------------------------------------------------

    @Test
    void agdamFulfilledAfterItsDeadlineWasOverdueUntilTheFulfilmentTookEffect() {
        UUID agreement = fixtures.recordStatement();
        UUID agdam = fixtures.addTermOk(agreement, fixtures.agdam(6));

        assess(agreement, agdam, "FULFILLED", "2020-11-25T00:00:00Z").statusCode(200)
                .header("ETag", "\"3\"")
                .body("compliance.status", equalTo("FULFILLED"))
                .body("compliance.effectiveAt", equalTo("2020-11-25T00:00:00Z"))
                .body("overdue", equalTo(false));

        // The deadline day (20 November, Moscow) ends at 21:00 UTC.
        given().queryParam("at", "2020-11-20T20:59:59Z").get(termPath(agreement, agdam)).then()
                .body("deadlinePassesAt", equalTo("2020-11-20T21:00:00Z"))
                .body("overdue", equalTo(false))
                .body("compliance.status", equalTo("PENDING"));
        given().queryParam("at", "2020-11-21T00:00:00Z").get(termPath(agreement, agdam)).then()
                .body("overdue", equalTo(true))
                .body("evaluatedAt", equalTo("2020-11-21T00:00:00Z"))
                .body("compliance.status", equalTo("PENDING"))
                .body("compliance.score", equalTo(0));
        given().queryParam("at", "2020-12-02T00:00:00Z").get(termPath(agreement, agdam)).then()
                .body("overdue", equalTo(false))
                .body("compliance.status", equalTo("FULFILLED"))
                .body("compliance.score", equalTo(3))
                .body("compliance.effectiveAt", equalTo("2020-11-25T00:00:00Z"));
        given().queryParam("overdueAt", "2020-11-21T00:00:00Z").get(terms(agreement)).then()
                .body("items.order", contains(6));
        given().queryParam("overdueAt", "2020-12-02T00:00:00Z").get(terms(agreement)).then()
                .body("items", empty());
    }

    @Test
    void eachStatusScoresItsDefaultPeaceAccordsMatrixScoreUnlessOneIsGiven() {
        UUID agreement = fixtures.recordStatement();
        UUID lachin = fixtures.addTermOk(agreement, fixtures.lachin(7));

        assess(agreement, lachin, "IN_PROGRESS", "2020-11-16T00:00:00Z").statusCode(200)
                .body("compliance.status", equalTo("IN_PROGRESS")).body("compliance.score", equalTo(1));
        assess(agreement, lachin, "PARTIALLY_FULFILLED", "2020-11-26T00:00:00Z").statusCode(200)
                .body("compliance.status", equalTo("PARTIALLY_FULFILLED")).body("compliance.score", equalTo(2));
        assess(agreement, lachin, "FULFILLED", "2020-12-01T00:00:00Z").statusCode(200)
                .body("compliance.status", equalTo("FULFILLED")).body("compliance.score", equalTo(3));
        assess(agreement, lachin, "{\"status\": \"FULFILLED\", \"score\": 2, \"effectiveAt\": \"2020-12-05T00:00:00Z\","
                + " \"reason\": \"the road was still being built\"}").statusCode(200)
                .body("compliance.status", equalTo("FULFILLED")).body("compliance.score", equalTo(2));

        assess(agreement, lachin, "{\"status\": \"FULFILLED\", \"score\": 4}").statusCode(400)
                .body("errors[0].field", equalTo("score"));
        assess(agreement, lachin, "{\"status\": \"KEPT\"}").statusCode(400)
                .body("errors[0].field", equalTo("status"));
        assess(agreement, lachin, "{\"score\": 3}").statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().get(termPath(agreement, lachin)).then().body("complianceHistory", hasSize(4));
    }

    @Test
    void theComplianceHistoryListsEveryAssessmentOldestFirst() {
        UUID agreement = fixtures.recordStatement();
        UUID kalbajar = fixtures.addTermOk(agreement, fixtures.kalbajar(5));
        json(null).header(PRINCIPAL, "monitor@example.org")
                .body("{\"status\": \"IN_PROGRESS\", \"effectiveAt\": \"2020-11-12T00:00:00Z\", \"reason\": \"withdrawal began\"}")
                .post(termPath(agreement, kalbajar) + "/compliance").then().statusCode(200);
        assess(agreement, kalbajar, "PARTIALLY_FULFILLED", "2020-11-18T00:00:00Z").statusCode(200);
        assess(agreement, kalbajar, "FULFILLED", "2020-11-25T00:00:00Z").statusCode(200);

        given().queryParam("at", "2020-11-20T00:00:00Z").get(termPath(agreement, kalbajar)).then()
                .body("compliance.status", equalTo("PARTIALLY_FULFILLED"))
                .body("compliance.assessment", equalTo(1))
                .body("overdue", equalTo(true))
                .body("complianceHistory.assessment", contains(0, 1, 2))
                .body("complianceHistory.status", contains("IN_PROGRESS", "PARTIALLY_FULFILLED", "FULFILLED"))
                .body("complianceHistory.score", contains(1, 2, 3))
                .body("complianceHistory.effectiveAt", contains("2020-11-12T00:00:00Z", "2020-11-18T00:00:00Z",
                        "2020-11-25T00:00:00Z"))
                .body("complianceHistory.automatic", contains(false, false, false));
        history(agreement)
                .body("items.type", contains("ledger.agreement.recorded.v1", "ledger.agreement.term-added.v1",
                        "ledger.agreement.term-compliance-assessed.v1", "ledger.agreement.term-compliance-assessed.v1",
                        "ledger.agreement.term-compliance-assessed.v1"))
                .body("items[2].principal", equalTo("monitor@example.org"))
                .body("items[2].reason", equalTo("withdrawal began"))
                .body("items[2].payload.termId", equalTo(kalbajar.toString()))
                .body("items[2].payload.status", equalTo("IN_PROGRESS"));
    }

    @Test
    void evidenceNamingAConflictEventThisServiceHasNeverSeenIsABadRequest() {
        UUID agreement = fixtures.recordStatement();
        UUID agdam = fixtures.addTermOk(agreement, fixtures.agdam(6));
        UUID unseen = UUID.randomUUID();

        assess(agreement, agdam, """
                {"status": "VIOLATED", "effectiveAt": "2020-11-21T00:00:00Z",
                 "evidence": [{"conflictEvent": "%s", "note": "shelling reported"}]}
                """.formatted(unseen)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("evidence[0].conflictEvent"))
                .body("errors[0].message", containsString(unseen.toString()));

        given().get(termPath(agreement, agdam)).then().header("ETag", "\"2\"").body("complianceHistory", empty());
    }

    @Test
    void evidenceNamingAConflictEventPublishedOnTheEventTopicIsAccepted() throws Exception {
        UUID agreement = fixtures.recordStatement();
        UUID agdam = fixtures.addTermOk(agreement, fixtures.agdam(6));
        UUID battle = conflictEventKnown(conflictEvents, "BATTLE", "2020-11-21");

        assess(agreement, agdam, """
                {"status": "VIOLATED", "effectiveAt": "2020-11-21T00:00:00Z", "reason": "fighting in Agdam",
                 "evidence": [{"conflictEvent": "%s", "note": "clash at the district border"}]}
                """.formatted(battle)).statusCode(200)
                .body("compliance.status", equalTo("VIOLATED"))
                .body("compliance.score", equalTo(0))
                .body("compliance.automatic", equalTo(false))
                .body("compliance.evidence[0].conflictEvent", equalTo(battle.toString()))
                .body("compliance.evidence[0].note", equalTo("clash at the district border"));

        // A battle cited as evidence is not a reported violation of the agreement.
        given().get(agreementPath(agreement)).then().body("violations", empty());
        history(agreement).body("items[2].payload.evidence[0].conflictEvent", equalTo(battle.toString()));
    }

    @Test
    void anAssessmentEffectiveInTheFutureIsABadRequest() {
        UUID agreement = fixtures.recordStatement();
        UUID agdam = fixtures.addTermOk(agreement, fixtures.agdam(6));

        assess(agreement, agdam, "FULFILLED", Instant.now().plus(Duration.ofDays(2)).toString()).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("effectiveAt"));

        given().get(termPath(agreement, agdam)).then().body("complianceHistory", empty());
    }

    @Test
    void anAssessmentWithoutAnInstantHoldsFromNow() {
        UUID agreement = fixtures.recordStatement();
        UUID agdam = fixtures.addTermOk(agreement, fixtures.agdam(6));
        Instant before = Instant.now();

        String effectiveAt = assess(agreement, agdam, "{\"status\": \"FULFILLED\"}").statusCode(200)
                .body("compliance.status", equalTo("FULFILLED")).extract().path("compliance.effectiveAt");

        assertThat(Instant.parse(effectiveAt)).isAfterOrEqualTo(before.minusSeconds(1));
        // Not yet fulfilled on 2 December 2020: the assessment only holds from when it was made.
        given().queryParam("at", "2020-12-02").get(termPath(agreement, agdam)).then()
                .body("overdue", equalTo(true)).body("compliance.status", equalTo("PENDING"));
    }

    // --- corrections -------------------------------------------------------------------------

    @Test
    void aTermCorrectionReplacesTheFieldsGivenAndIsInTheAgreementsHistory() {
        UUID agreement = fixtures.recordStatement();
        UUID kalbajar = fixtures.addTermOk(agreement, fixtures.kalbajar(5));

        correctTerm(agreement, kalbajar, "\"2\"", """
                {"deadline": "2020-11-25", "reason": "extended by ten days at Armenia's request",
                 "sources": [{"title": "Kremlin statement", "publisher": "Kremlin"}]}
                """)
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("id", equalTo(kalbajar.toString()))
                .body("deadline", equalTo("2020-11-25"))
                .body("deadlinePassesAt", equalTo("2020-11-25T21:00:00Z"))
                .body("order", equalTo(5))
                .body("article", equalTo("Paragraph 5"))
                .body("text", equalTo("Kalbajar District shall be returned to the Republic of Azerbaijan"))
                .body("category", equalTo("TERRITORIAL_TRANSFER"))
                .body("obligated.key", contains(fixtures.arm))
                .body("beneficiaries.key", contains(fixtures.aze));
        correctTerm(agreement, kalbajar, null, "{\"obligated\": [\"%s\", \"%s\"]}".formatted(fixtures.arm, fixtures.rus))
                .statusCode(200)
                .header("ETag", "\"4\"")
                .body("obligated.key", contains(fixtures.arm, fixtures.rus))
                .body("deadline", equalTo("2020-11-25"));

        given().queryParam("overdueAt", "2020-11-20T00:00:00Z").get(terms(agreement)).then().body("items", empty());
        history(agreement)
                .body("items.type", contains("ledger.agreement.recorded.v1", "ledger.agreement.term-added.v1",
                        "ledger.agreement.term-corrected.v1", "ledger.agreement.term-corrected.v1"))
                .body("items[2].payload.termId", equalTo(kalbajar.toString()))
                .body("items[2].payload.changedFields", contains("deadline"))
                .body("items[2].reason", equalTo("extended by ten days at Armenia's request"))
                .body("items[2].sources[0].title", equalTo("Kremlin statement"))
                .body("items[3].payload.changedFields", contains("obligated"));
    }

    @Test
    void aTermCorrectionIsCheckedLikeANewTerm() {
        UUID agreement = fixtures.recordStatement();
        fixtures.addTermOk(agreement, fixtures.agdam(6));
        UUID kalbajar = fixtures.addTermOk(agreement, fixtures.kalbajar(5));
        String version = etag(agreement);

        correctTerm(agreement, kalbajar, null, "{\"order\": 6}").statusCode(409)
                .body("rule", equalTo("term-order-taken"));
        correctTerm(agreement, kalbajar, null, "{\"deadlne\": \"2020-11-25\"}").statusCode(400)
                .body("errors[0].field", equalTo("deadlne"));
        correctTerm(agreement, kalbajar, null, "{\"conditions\": [{\"kind\": \"AFTER\", \"term\": \"9\"}]}")
                .statusCode(400).body("errors[0].field", equalTo("conditions[0].term"));
        correctTerm(agreement, kalbajar, "\"1\"", "{\"deadline\": \"2020-11-25\"}").statusCode(412)
                .body("type", containsString("stale-version"));
        correctTerm(agreement, UUID.randomUUID(), null, "{\"deadline\": \"2020-11-25\"}").statusCode(404);

        assertThat(etag(agreement)).isEqualTo(version);
        given().get(termPath(agreement, kalbajar)).then().body("order", equalTo(5)).body("deadline", equalTo("2020-11-15"));
    }

    @Test
    void aTermCanBeMovedToAFreeOrder() {
        UUID agreement = fixtures.recordStatement();
        UUID kalbajar = fixtures.addTermOk(agreement, fixtures.kalbajar(5));
        fixtures.addTermOk(agreement, fixtures.agdam(6));

        correctTerm(agreement, kalbajar, null, "{\"order\": 8, \"reason\": \"renumbered\"}").statusCode(200)
                .body("order", equalTo(8));

        given().get(terms(agreement)).then().body("items.order", contains(6, 8));
        fixtures.addTermOk(agreement, fixtures.lachin(5));
        given().get(terms(agreement)).then().body("items.order", contains(5, 6, 8));
    }
}
