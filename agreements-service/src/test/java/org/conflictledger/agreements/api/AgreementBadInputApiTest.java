package org.conflictledger.agreements.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.agreements.query.ConflictEventDirectory;
import org.conflictledger.agreements.support.AgreementFixtures;
import org.conflictledger.agreements.support.TopicEvents;
import org.conflictledger.contracts.ConflictEventTypes;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.blankOrNullString;
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
 * Every bad input to the agreement API gets a 4xx problem document ({@code application/problem+json})
 * that names what is wrong, never a 5xx, and leaves the record as it was: a refused record creates
 * no agreement, and a refused change to an agreement or one of its terms leaves the agreement's
 * version (ETag), history and hash chain as they were.
 *
 * <p>One agreement (the 9 November 2020 statement with terms 1, 3 and 5) is recorded once for the
 * class; every test tries to break it, and {@link #theSharedAgreementIsAsItWas()} checks after each
 * test that nothing was written to it. Bodies are written as JSON with single quotes and
 * {@code %TOKENS%} that name this run's actors, agreement and terms (see {@link #resolve}).
 */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class AgreementBadInputApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String AGREEMENTS = "/api/v1/agreements";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Known once for the class: the signatories, a retracted actor, an outsider and a reported conflict event. */
    private static AgreementFixtures fixtures;
    private static String retracted;
    private static String outsider;
    private static UUID conflictEvent;
    /** The agreement every test tries to break, and its terms: 1 (ceasefire), 3 (peacekeeping, renews), 5 (Kalbajar). */
    private static UUID agreement;
    private static UUID ceasefireTerm;
    private static UUID peacekeepingTerm;
    private static UUID kalbajarTerm;
    private static final int TERMS = 3;

    @Inject
    ActorDirectory directory;

    @Inject
    ConflictEventDirectory conflictEvents;

    /** Put in the title and place of every agreement a test writes, to find what it created. */
    private String marker;
    /** The shared agreement's ETag when the test began. */
    private String etagBefore;

    @BeforeEach
    void oneAgreementEveryTestTriesToBreak() throws Exception {
        marker = "bad" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        if (agreement == null) {
            AgreementFixtures f = new AgreementFixtures().actorsKnown(directory);
            String gone = "GONE" + f.marker;
            String other = "TUR" + f.marker;
            UUID event = UUID.randomUUID();
            try (TopicEvents topics = new TopicEvents()) {
                UUID goneId = topics.actorRegistered(gone, "Retracted " + f.marker);
                topics.actorRegistered(other, "Turkey " + f.marker);
                topics.actorRetracted(goneId, 1);
                // a battle that violates no agreement: known here, citable as evidence
                topics.conflictEvent(ConflictEventTypes.REPORTED, event, 0, "BATTLE", null, null, "2020-11-12");
            }
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    directory.byReference(gone).map(a -> "RETRACTED".equals(a.status())).orElse(false)
                            && directory.byReference(other).isPresent()
                            && conflictEvents.byId(event).isPresent());
            UUID recorded = f.recordStatement();
            ceasefireTerm = f.addTermOk(recorded, f.ceasefire(1));
            peacekeepingTerm = f.addTermOk(recorded, f.peacekeeping(3, "1"));
            kalbajarTerm = f.addTermOk(recorded, f.kalbajar(5));
            retracted = gone;
            outsider = other;
            conflictEvent = event;
            fixtures = f;
            agreement = recorded;
        }
        etagBefore = given().get(AGREEMENTS + "/" + agreement).then().statusCode(200).extract().header("ETag");
    }

    /** No test may have written to the shared agreement: same ETag, history, chain and terms. */
    @AfterEach
    void theSharedAgreementIsAsItWas() {
        if (agreement == null || etagBefore == null) {
            return;
        }
        int version = Integer.parseInt(etagBefore.replace("\"", ""));
        given().get(AGREEMENTS + "/" + agreement).then().statusCode(200)
                .header("ETag", etagBefore)
                .body("version", equalTo(version))
                .body("terms", equalTo(TERMS));
        given().queryParam("limit", 500).get(AGREEMENTS + "/" + agreement + "/history").then().statusCode(200)
                .body("items", hasSize(version));
        given().get(AGREEMENTS + "/" + agreement + "/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("events", equalTo(version));
        given().get(AGREEMENTS + "/" + agreement + "/terms").then().statusCode(200)
                .body("items", hasSize(TERMS));
    }

    // ================================================================ every write: syntax and media type

    /** Every write of the API, on the shared agreement and its terms. */
    static Stream<String> writes() {
        return Stream.of("", "/%A%/corrections", "/%A%/status", "/%A%/terms", "/%A%/terms/%T1%/corrections",
                "/%A%/terms/%T1%/compliance", "/%A%/terms/%T3%/renewal-objections");
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("writes")
    void malformedJsonIsABadRequestNamingTheBody(String write) {
        String path = path(write);
        validation(postJson(path, "{\"reason\": \"" + marker + "\", "), "body");
        validation(postJson(path, "{reason: " + marker + "}"), "body");
        validation(postJson(path, "[1, 2, 3]"), "body");
        validation(postJson(path, "\"just a string\""), "body");
        validation(given().contentType(ContentType.JSON).post(path).then(), "body");
        assertNothingCreated();
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("writes")
    void jsonWithTrailingContentIsABadRequestNamingTheBody(String write) {
        String path = path(write);
        validation(postJson(path, "{\"reason\": \"" + marker + "\"} trailing"), "body");
        validation(postJson(path, "{\"reason\": \"test\"} {\"reason\": \"again\"}"), "body");
        assertNothingCreated();
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("writes")
    void aBodyOfAnotherMediaTypeIsUnsupported(String write) {
        String path = path(write);
        problem(given().contentType(ContentType.TEXT).body("title=" + marker).post(path).then(), 415);
        problem(given().contentType(ContentType.XML).body("<title>" + marker + "</title>").post(path).then(), 415);
        problem(given().contentType(ContentType.URLENC).formParam("title", marker).post(path).then(), 415);
        assertNothingCreated();
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("writes")
    void aMalformedIfMatchIsABadRequestNamingTheHeader(String write) {
        if (write.isEmpty()) {
            return; // a new agreement has no version to match
        }
        String path = path(write);
        for (String ifMatch : List.of("abc", "\"abc\"", "\"0\"", "\"-1\"", "1,2")) {
            validation(given().contentType(ContentType.JSON).header("If-Match", ifMatch)
                    .body(resolve(validBody(write))).post(path).then(), "If-Match");
        }
    }

    @ParameterizedTest(name = "POST {0}")
    @MethodSource("writes")
    void aStaleIfMatchIsAPreconditionFailureAndChangesNothing(String write) {
        if (write.isEmpty()) {
            return;
        }
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(resolve(validBody(write))).post(path(write)).then(), 412)
                .body("type", containsString("stale-version"));
    }

    @Test
    void methodsAndMediaTypesTheApiDoesNotOfferAreProblemDocuments() {
        String path = AGREEMENTS + "/" + agreement;
        problem(given().delete(path).then(), 405);
        problem(given().contentType(ContentType.JSON).body("{}").put(path + "/status").then(), 405);
        problem(given().accept(ContentType.XML).get(path).then(), 406);
    }

    // ================================================================ recording an agreement

    @Test
    void theAgreementAndTermTheseCasesBreakAreValidAsTheyStand() {
        // the base bodies pass: each case below fails for the reason it names
        postJson(AGREEMENTS, resolve(agreementBody())).statusCode(201);
        given().queryParam("q", marker).get(AGREEMENTS).then().statusCode(200).body("items", hasSize(1));
        UUID other = fixtures.recordStatement();
        fixtures.addTermOk(other, fixtures.ceasefire(1));
        postJson(AGREEMENTS + "/" + other + "/terms", resolve(termBody())).statusCode(201);
    }

    @Test
    void missingRequiredFieldsOfAnAgreementAreEachNamed() {
        problem(postJson(AGREEMENTS, "{\"reason\": \"" + marker + "\"}"), 400)
                .body("errors.field", hasItems("title", "kind", "theater"));
        for (String field : List.of("title", "kind", "theater")) {
            ObjectNode body = json(resolve(agreementBody()));
            body.remove(field);
            validation(postJson(AGREEMENTS, body.toString()), field);
            body.putNull(field);
            validation(postJson(AGREEMENTS, body.toString()), field);
        }
        assertNothingCreated();
    }

    static Stream<Arguments> badAgreements() {
        return Stream.of(
                bad("colour", "unknown top-level field", "{'colour': 'red'}"),
                bad("signatory", "misspelt field", "{'signatory': ['%AZE%']}"),
                bad("sources[0].publisherr", "unknown nested field",
                        "{'sources': [{'title': 'Report', 'publisherr': 'UN'}]}"),
                bad("title", "blank title", "{'title': '   '}"),
                bad("title", "title of 301 characters", "{'title': '" + "T".repeat(301) + "'}"),
                bad("title", "title not a string", "{'title': {'en': 'Statement'}}"),
                bad("title", "title a number", "{'title': 2020}"),
                bad("signedPlace", "place a boolean", "{'signedPlace': true}"),
                bad("kind", "kind a boolean", "{'kind': true}"),
                bad("kind", "kind a number", "{'kind': 1}"),
                bad("signedOn", "date a number", "{'signedOn': 18575}"),
                bad("inForceAt", "instant a number", "{'inForceAt': 1604955600}"),
                bad("signatories[1]", "signatory a number", "{'signatories': ['%AZE%', 42]}"),
                bad("reason", "reason a number", "{'reason': 7}"),
                bad("signedPlace", "place of 201 characters", "{'signedPlace': '" + "P".repeat(201) + "'}"),
                bad("kind", "unknown kind", "{'kind': 'TREATY'}"),
                bad("theater", "unknown theater", "{'theater': 'ATLANTIS'}"),
                bad("status", "unknown status", "{'status': 'NOPE'}"),
                bad("signedOn", "impossible date", "{'signedOn': '2020-11-31'}"),
                bad("signedOn", "not a date", "{'signedOn': 'yesterday'}"),
                bad("inForceAt", "not an instant", "{'inForceAt': 'yesterday'}"),
                bad("inForceAt", "a day for an instant", "{'inForceAt': '2020-11-09'}"),
                bad("inForceZone", "unknown zone", "{'inForceZone': 'Mars/Olympus'}"),
                bad("inForceZone", "unknown city", "{'inForceZone': 'Europe/Atlantis'}"),
                bad("inForceZone", "zone of 65 characters", "{'inForceZone': '" + "Z".repeat(65) + "'}"),
                bad("signatories", "signatories not a list", "{'signatories': '%AZE%'}"),
                bad("signatories[1]", "unknown signatory key", "{'signatories': ['%AZE%', '%NOSUCH%', '%RUS%']}"),
                bad("signatories[1]", "retracted signatory", "{'signatories': ['%AZE%', '%GONE%']}"),
                bad("signatories[1]", "blank signatory", "{'signatories': ['%AZE%', '  ']}"),
                bad("signatories[1]", "null signatory", "{'signatories': ['%AZE%', null]}"),
                bad("signatories[1]", "signatory of 65 characters", "{'signatories': ['%AZE%', '" + "K".repeat(65) + "']}"),
                bad("signatories[1]", "same signatory twice", "{'signatories': ['%AZE%', '%AZE%']}"),
                bad("signatories[0]", "unknown signatory id", "{'signatories': ['%UUID%']}"),
                bad("signatories", "51 signatories", "{'signatories': " + list(51, "'S%d'") + "}"),
                bad("witnesses[0]", "unknown witness", "{'witnesses': ['%NOSUCH%']}"),
                bad("witnesses[0]", "retracted witness", "{'witnesses': ['%GONE%']}"),
                bad("supersedes[0]", "supersedes an unknown agreement", "{'supersedes': ['%UUID%']}"),
                bad("supersedes[1]", "supersedes a known and an unknown agreement",
                        "{'supersedes': ['%AGREEMENT%', '%UUID%']}"),
                bad("supersedes[0]", "supersedes a non-UUID", "{'supersedes': ['the old one']}"),
                bad("supersedes[0]", "supersedes null", "{'supersedes': [null]}"),
                bad("complements[0]", "complements an unknown agreement", "{'complements': ['%UUID%']}"),
                bad("paxAgreementId", "PA-X id with a blank", "{'paxAgreementId': 'PAX 2316'}"),
                bad("paxAgreementId", "PA-X id of 65 characters", "{'paxAgreementId': '" + "9".repeat(65) + "'}"),
                bad("reason", "reason of 2001 characters", "{'reason': '" + "r".repeat(2001) + "'}"),
                bad("sources", "51 sources", "{'sources': " + list(51, "{'title': 'Report %d'}") + "}"),
                bad("sources[0]", "null source", "{'sources': [null]}"),
                bad("sources[0].title", "source without a title", "{'sources': [{'publisher': 'UN'}]}"),
                bad("sources[0].title", "source with a blank title", "{'sources': [{'title': ' '}]}"),
                bad("sources[1].url", "source with a bad url",
                        "{'sources': [{'title': 'Fine'}, {'title': 'Report', 'url': 'ftp://example.org'}]}"),
                bad("sources[0].date", "source with an impossible date",
                        "{'sources': [{'title': 'Report', 'date': '2020-02-30'}]}"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("badAgreements")
    void aBadAgreementIsRefusedNamingTheField(String field, String why, String patch) {
        validation(postJson(AGREEMENTS, merge(agreementBody(), patch)), field);
        assertNothingCreated();
    }

    static Stream<Arguments> agreementsBreakingARule() {
        return Stream.of(
                bad("in-force-without-instant", "in force without inForceAt", "{'status': 'IN_FORCE', 'inForceAt': null}"),
                bad("signatories-missing", "signed without signatories", "{'signatories': []}"),
                bad("reference-duplicate", "the same superseded agreement twice",
                        "{'supersedes': ['%AGREEMENT%', '%AGREEMENT%']}"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("agreementsBreakingARule")
    void anAgreementBreakingABusinessRuleIsAConflictNamingTheRule(String rule, String why, String patch) {
        rule(postJson(AGREEMENTS, merge(agreementBody(), patch)), rule);
        assertNothingCreated();
    }

    @Test
    void aBadIdempotencyKeyIsRefusedNamingTheHeader() {
        validation(given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(201))
                .body(resolve(agreementBody())).post(AGREEMENTS).then(), "Idempotency-Key");
        validation(given().contentType(ContentType.JSON).header("Idempotency-Key", "key with blanks")
                .body(resolve(agreementBody())).post(AGREEMENTS).then(), "Idempotency-Key");
        validation(given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(201))
                .body(resolve(termBody())).post(AGREEMENTS + "/" + agreement + "/terms").then(), "Idempotency-Key");
        assertNothingCreated();
    }

    @Test
    void aRefusedRecordDoesNotUseUpItsIdempotencyKey() {
        String key = "refused-" + marker;
        validation(given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(merge(agreementBody(), "{'signatories': ['%NOSUCH%']}")).post(AGREEMENTS).then(), "signatories[0]");
        rule(given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(merge(agreementBody(), "{'signatories': []}")).post(AGREEMENTS).then(), "signatories-missing");
        assertNothingCreated();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(resolve(agreementBody()))
                .post(AGREEMENTS).then().statusCode(201);
        given().queryParam("q", marker).get(AGREEMENTS).then().body("items", hasSize(1));
    }

    // ================================================================ correcting an agreement

    static Stream<Arguments> badAgreementCorrections() {
        return Stream.of(
                bad("colour", "unknown top-level field", "{'colour': 'red', 'reason': 'test'}"),
                bad("sources[0].publisherr", "unknown nested field",
                        "{'sources': [{'title': 'Report', 'publisherr': 'UN'}]}"),
                bad("status", "status through a correction", "{'status': 'SUSPENDED', 'reason': 'test'}"),
                bad("title", "title removed", "{'title': null}"),
                bad("title", "blank title", "{'title': '  '}"),
                bad("title", "title of 301 characters", "{'title': '" + "T".repeat(301) + "'}"),
                bad("kind", "kind removed", "{'kind': null}"),
                bad("kind", "unknown kind", "{'kind': 'TREATY'}"),
                bad("theater", "theater removed", "{'theater': null}"),
                bad("signedOn", "not a date", "{'signedOn': 'yesterday'}"),
                bad("inForceAt", "not an instant", "{'inForceAt': 'yesterday'}"),
                bad("inForceZone", "unknown zone", "{'inForceZone': 'Mars/Olympus'}"),
                bad("signatories[1]", "unknown signatory", "{'signatories': ['%AZE%', '%NOSUCH%']}"),
                bad("signatories[3]", "retracted signatory added", "{'signatories': ['%AZE%', '%ARM%', '%RUS%', '%GONE%']}"),
                bad("signatories[1]", "null signatory", "{'signatories': ['%AZE%', null]}"),
                bad("witnesses[0]", "retracted witness", "{'witnesses': ['%GONE%']}"),
                bad("supersedes[0]", "supersedes an unknown agreement", "{'supersedes': ['%UUID%']}"),
                bad("supersedes[0]", "supersedes a non-UUID", "{'supersedes': ['the old one']}"),
                bad("paxAgreementId", "PA-X id with a blank", "{'paxAgreementId': 'PAX 2316'}"),
                bad("reason", "reason of 2001 characters", "{'reason': '" + "r".repeat(2001) + "'}"),
                bad("sources[0].url", "source with a bad url", "{'sources': [{'title': 'Report', 'url': 'not a url'}]}"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("badAgreementCorrections")
    void aBadCorrectionIsRefusedNamingTheFieldAndChangesNothing(String field, String why, String body) {
        validation(postJson(AGREEMENTS + "/" + agreement + "/corrections", resolve(q(body))), field);
    }

    static Stream<Arguments> correctionsBreakingARule() {
        return Stream.of(
                bad("references-itself", "supersedes itself", "{'supersedes': ['%AGREEMENT%']}"),
                bad("in-force-without-instant", "in force without inForceAt", "{'inForceAt': null}"),
                bad("signatories-missing", "signatories removed", "{'signatories': []}"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("correctionsBreakingARule")
    void aCorrectionBreakingABusinessRuleIsAConflictAndChangesNothing(String rule, String why, String body) {
        rule(postJson(AGREEMENTS + "/" + agreement + "/corrections", resolve(q(body))), rule);
    }

    // ================================================================ changing an agreement's status

    static Stream<Arguments> badStatusChanges() {
        return Stream.of(
                bad("status", "no status", "{'reason': 'test'}"),
                bad("status", "null status", "{'status': null}"),
                bad("status", "unknown status", "{'status': 'NOPE'}"),
                bad("effectiveAt", "not an instant", "{'status': 'SUSPENDED', 'effectiveAt': 'yesterday'}"),
                bad("colour", "unknown field", "{'status': 'SUSPENDED', 'colour': 'red'}"),
                bad("reason", "reason of 2001 characters", "{'status': 'SUSPENDED', 'reason': '" + "r".repeat(2001) + "'}"),
                bad("sources[0].title", "source with a blank title", "{'status': 'SUSPENDED', 'sources': [{'title': ' '}]}"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("badStatusChanges")
    void aBadStatusChangeIsRefusedNamingTheFieldAndChangesNothing(String field, String why, String body) {
        validation(postJson(AGREEMENTS + "/" + agreement + "/status", resolve(q(body))), field);
    }

    @Test
    void aStatusChangeTheAgreementCannotMakeIsAConflict() {
        rule(postJson(AGREEMENTS + "/" + agreement + "/status", "{\"status\": \"DRAFT\"}"), "status-transition-invalid");
        given().get(AGREEMENTS + "/" + agreement).then().body("status", equalTo("IN_FORCE"));
    }

    // ================================================================ adding a term

    @Test
    void missingRequiredFieldsOfATermAreEachNamed() {
        String terms = AGREEMENTS + "/" + agreement + "/terms";
        problem(postJson(terms, "{\"reason\": \"test\"}"), 400).body("errors.field", hasItems("order", "text", "category"));
        for (String field : List.of("order", "text", "category")) {
            ObjectNode body = json(resolve(termBody()));
            body.remove(field);
            validation(postJson(terms, body.toString()), field);
            body.putNull(field);
            validation(postJson(terms, body.toString()), field);
        }
    }

    static Stream<Arguments> badTerms() {
        return Stream.of(
                bad("colour", "unknown top-level field", "{'colour': 'red'}"),
                bad("duration.weeks", "unknown field in duration", "{'duration': {'period': 'P5Y', 'weeks': 3}}"),
                bad("quantities[0].amount", "unknown field in a quantity",
                        "{'quantities': [{'value': 1, 'unit': 'km', 'amount': 3}]}"),
                bad("conditions[0].because", "unknown field in a condition",
                        "{'conditions': [{'kind': 'AFTER', 'term': '1', 'because': 'x'}]}"),
                bad("sources[0].publisherr", "unknown field in a source",
                        "{'sources': [{'title': 'Report', 'publisherr': 'UN'}]}"),
                bad("order", "order 0", "{'order': 0}"),
                bad("order", "negative order", "{'order': -1}"),
                bad("order", "order 10001", "{'order': 10001}"),
                bad("order", "order beyond an int", "{'order': 99999999999}"),
                bad("order", "order not a number", "{'order': 'first'}"),
                bad("order", "order a string of digits", "{'order': '20'}"),
                bad("text", "text a number", "{'text': 12}"),
                bad("article", "article a number", "{'article': 20}"),
                bad("category", "category a boolean", "{'category': false}"),
                bad("duration.autoRenew", "autoRenew the string 'true'",
                        "{'duration': {'period': 'P5Y', 'autoRenew': 'true'}}"),
                bad("duration.autoRenew", "autoRenew a number", "{'duration': {'period': 'P5Y', 'autoRenew': 1}}"),
                bad("quantities[0].value", "quantity a string of digits",
                        "{'quantities': [{'value': '1960', 'unit': 'personnel'}]}"),
                bad("conditions[0].term", "condition naming a term by a number, not a string",
                        "{'conditions': [{'kind': 'AFTER', 'term': 1}]}"),
                bad("text", "blank text", "{'text': '  '}"),
                bad("text", "text of 5001 characters", "{'text': '" + "t".repeat(5001) + "'}"),
                bad("article", "article of 101 characters", "{'article': '" + "a".repeat(101) + "'}"),
                bad("category", "unknown category", "{'category': 'NOPE'}"),
                bad("obligated", "obligated not a list", "{'obligated': '%RUS%'}"),
                bad("obligated[0]", "unknown obligated actor", "{'obligated': ['%NOSUCH%']}"),
                bad("obligated[0]", "retracted obligated actor", "{'obligated': ['%GONE%']}"),
                bad("obligated[1]", "unknown second obligated actor", "{'obligated': ['%RUS%', '%NOSUCH%']}"),
                bad("obligated[1]", "blank obligated actor", "{'obligated': ['%RUS%', ' ']}"),
                bad("obligated[1]", "same obligated actor twice", "{'obligated': ['%RUS%', '%RUS%']}"),
                bad("obligated", "51 obligated actors", "{'obligated': " + list(51, "'O%d'") + "}"),
                bad("beneficiaries[0]", "unknown beneficiary", "{'beneficiaries': ['%NOSUCH%']}"),
                bad("beneficiaries[0]", "retracted beneficiary", "{'beneficiaries': ['%GONE%']}"),
                bad("deadline", "impossible deadline", "{'deadline': '2020-11-31'}"),
                bad("deadline", "deadline not a date", "{'deadline': 'by the 20th'}"),
                bad("duration", "duration not an object", "{'duration': 'P5Y'}"),
                bad("duration.period", "period in words", "{'duration': {'period': 'five years', 'autoRenew': true}}"),
                bad("duration.period", "no period", "{'duration': {'autoRenew': true}}"),
                bad("duration.period", "null period", "{'duration': {'period': null}}"),
                bad("duration.period", "zero period", "{'duration': {'period': 'P0D', 'autoRenew': false}}"),
                bad("duration.period", "negative period", "{'duration': {'period': 'P-5Y', 'autoRenew': false}}"),
                bad("duration.renewalPeriod", "renewal period in words",
                        "{'duration': {'period': 'P5Y', 'autoRenew': true, 'renewalPeriod': 'often'}}"),
                bad("duration.noticePeriod", "notice period in words",
                        "{'duration': {'period': 'P5Y', 'autoRenew': true, 'noticePeriod': 'six months'}}"),
                bad("duration.autoRenew", "autoRenew not a boolean", "{'duration': {'period': 'P5Y', 'autoRenew': 'maybe'}}"),
                bad("quantities[0].value", "negative quantity", "{'quantities': [{'value': -1, 'unit': 'personnel'}]}"),
                bad("quantities[0].value", "negative fraction", "{'quantities': [{'value': -0.5, 'unit': 'km'}]}"),
                bad("quantities[0].value", "quantity not a number", "{'quantities': [{'value': 'many', 'unit': 'km'}]}"),
                bad("quantities[0].value", "quantity without a value", "{'quantities': [{'unit': 'km'}]}"),
                bad("quantities[0].unit", "quantity without a unit", "{'quantities': [{'value': 1}]}"),
                bad("quantities[0].unit", "unit of 65 characters", "{'quantities': [{'value': 1, 'unit': '" + "u".repeat(65) + "'}]}"),
                bad("quantities[0].of", "what of 201 characters",
                        "{'quantities': [{'value': 1, 'unit': 'km', 'of': '" + "o".repeat(201) + "'}]}"),
                bad("quantities[1]", "null quantity", "{'quantities': [{'value': 1, 'unit': 'km'}, null]}"),
                bad("conditions[0].term", "condition on a missing order", "{'conditions': [{'kind': 'AFTER', 'term': '99'}]}"),
                bad("conditions[0].term", "condition on an unknown term id", "{'conditions': [{'kind': 'AFTER', 'term': '%UUID%'}]}"),
                bad("conditions[0].term", "condition on a term in words", "{'conditions': [{'kind': 'AFTER', 'term': 'the first'}]}"),
                bad("conditions[1].term", "second condition on a missing term",
                        "{'conditions': [{'kind': 'AFTER', 'term': '1'}, {'kind': 'BEFORE', 'term': '98'}]}"),
                bad("conditions[0].term", "condition without a term", "{'conditions': [{'kind': 'AFTER'}]}"),
                bad("conditions[0].kind", "condition without a kind", "{'conditions': [{'term': '1'}]}"),
                bad("conditions[0].kind", "unknown condition kind", "{'conditions': [{'kind': 'WHENEVER', 'term': '1'}]}"),
                bad("reason", "reason of 2001 characters", "{'reason': '" + "r".repeat(2001) + "'}"),
                bad("sources[0].title", "source without a title", "{'sources': [{'publisher': 'UN'}]}"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("badTerms")
    void aBadTermIsRefusedNamingTheFieldAndAddsNothing(String field, String why, String patch) {
        validation(postJson(AGREEMENTS + "/" + agreement + "/terms", merge(termBody(), patch)), field);
    }

    static Stream<Arguments> termsBreakingARule() {
        return Stream.of(
                bad("term-order-taken", "order of an existing term", "{'order': 1}"),
                bad("duration-invalid", "notice longer than the period",
                        "{'duration': {'period': 'P1Y', 'autoRenew': true, 'noticePeriod': 'P2Y'}}"),
                bad("condition-invalid", "the same condition twice, by order and by id",
                        "{'conditions': [{'kind': 'AFTER', 'term': '1'}, {'kind': 'AFTER', 'term': '%T1%'}]}"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("termsBreakingARule")
    void aTermBreakingABusinessRuleIsAConflictAndAddsNothing(String rule, String why, String patch) {
        rule(postJson(AGREEMENTS + "/" + agreement + "/terms", merge(termBody(), patch)), rule);
    }

    // ================================================================ correcting a term

    static Stream<Arguments> badTermCorrections() {
        return Stream.of(
                bad("colour", "unknown top-level field", "{'colour': 'red'}"),
                bad("duration.weeks", "unknown field in duration", "{'duration': {'period': 'P5Y', 'weeks': 3}}"),
                bad("quantities[0].amount", "unknown field in a quantity",
                        "{'quantities': [{'value': 1, 'unit': 'km', 'amount': 3}]}"),
                bad("conditions[0].because", "unknown field in a condition",
                        "{'conditions': [{'kind': 'AFTER', 'term': '1', 'because': 'x'}]}"),
                bad("order", "order removed", "{'order': null}"),
                bad("order", "order 0", "{'order': 0}"),
                bad("order", "order not a number", "{'order': 'third'}"),
                bad("text", "text removed", "{'text': null}"),
                bad("text", "text of 5001 characters", "{'text': '" + "t".repeat(5001) + "'}"),
                bad("category", "unknown category", "{'category': 'NOPE'}"),
                bad("obligated[0]", "unknown obligated actor", "{'obligated': ['%NOSUCH%']}"),
                bad("obligated[1]", "retracted obligated actor added", "{'obligated': ['%RUS%', '%GONE%']}"),
                bad("beneficiaries[0]", "retracted beneficiary", "{'beneficiaries': ['%GONE%']}"),
                bad("deadline", "impossible deadline", "{'deadline': '2020-11-31'}"),
                bad("duration.period", "period in words", "{'duration': {'period': 'five years', 'autoRenew': true}}"),
                bad("duration.period", "no period", "{'duration': {'autoRenew': true}}"),
                bad("duration.period", "zero period", "{'duration': {'period': 'P0D', 'autoRenew': false}}"),
                bad("quantities[0].value", "negative quantity", "{'quantities': [{'value': -1, 'unit': 'personnel'}]}"),
                bad("conditions[0].term", "condition on a missing term", "{'conditions': [{'kind': 'AFTER', 'term': '99'}]}"),
                bad("reason", "reason of 2001 characters", "{'reason': '" + "r".repeat(2001) + "'}"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("badTermCorrections")
    void aBadTermCorrectionIsRefusedNamingTheFieldAndChangesNothing(String field, String why, String body) {
        validation(postJson(AGREEMENTS + "/" + agreement + "/terms/" + peacekeepingTerm + "/corrections", resolve(q(body))),
                field);
        given().get(AGREEMENTS + "/" + agreement + "/terms/" + peacekeepingTerm).then().statusCode(200)
                .body("order", equalTo(3)).body("category", equalTo("PEACEKEEPING"))
                .body("duration.period", equalTo("P5Y")).body("quantities", hasSize(3));
    }

    static Stream<Arguments> termCorrectionsBreakingARule() {
        return Stream.of(
                bad("term-order-taken", "order of another term", "{'order': 5}"),
                bad("condition-invalid", "a condition on itself", "{'conditions': [{'kind': 'AFTER', 'term': '3'}]}"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("termCorrectionsBreakingARule")
    void aTermCorrectionBreakingABusinessRuleIsAConflictAndChangesNothing(String rule, String why, String body) {
        rule(postJson(AGREEMENTS + "/" + agreement + "/terms/" + peacekeepingTerm + "/corrections", resolve(q(body))), rule);
    }

    // ================================================================ assessing compliance

    static Stream<Arguments> badAssessments() {
        return Stream.of(
                bad("status", "no status", "{'reason': 'test'}"),
                bad("status", "null status", "{'status': null}"),
                bad("status", "unknown status", "{'status': 'NOPE'}"),
                bad("score", "score 4", "{'status': 'FULFILLED', 'score': 4}"),
                bad("score", "score -1", "{'status': 'VIOLATED', 'score': -1}"),
                bad("score", "score in words", "{'status': 'FULFILLED', 'score': 'high'}"),
                bad("effectiveAt", "in the future", "{'status': 'FULFILLED', 'effectiveAt': '%FUTURE%'}"),
                bad("effectiveAt", "not an instant", "{'status': 'FULFILLED', 'effectiveAt': 'yesterday'}"),
                bad("evidence[0].conflictEvent", "unknown conflict event",
                        "{'status': 'VIOLATED', 'evidence': [{'conflictEvent': '%UUID%'}]}"),
                bad("evidence[1].conflictEvent", "a known and an unknown conflict event",
                        "{'status': 'VIOLATED', 'evidence': [{'conflictEvent': '%EVENT%'}, {'conflictEvent': '%UUID%'}]}"),
                bad("evidence[0].conflictEvent", "conflict event not a UUID",
                        "{'status': 'VIOLATED', 'evidence': [{'conflictEvent': 'the shelling'}]}"),
                bad("evidence[0].conflictEvent", "evidence without a conflict event",
                        "{'status': 'VIOLATED', 'evidence': [{'note': 'see report'}]}"),
                bad("evidence[0].note", "note of 1001 characters",
                        "{'status': 'VIOLATED', 'evidence': [{'conflictEvent': '%EVENT%', 'note': '" + "n".repeat(1001) + "'}]}"),
                bad("evidence[0].eventId", "unknown field in evidence",
                        "{'status': 'VIOLATED', 'evidence': [{'eventId': '%EVENT%'}]}"),
                bad("evidence", "51 pieces of evidence",
                        "{'status': 'VIOLATED', 'evidence': " + list(51, "{'conflictEvent': '00000000-0000-0000-0000-%012d'}") + "}"),
                bad("colour", "unknown field", "{'status': 'FULFILLED', 'colour': 'red'}"),
                bad("reason", "reason of 2001 characters", "{'status': 'FULFILLED', 'reason': '" + "r".repeat(2001) + "'}"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("badAssessments")
    void aBadAssessmentIsRefusedNamingTheFieldAndChangesNothing(String field, String why, String body) {
        validation(postJson(AGREEMENTS + "/" + agreement + "/terms/" + ceasefireTerm + "/compliance", resolve(q(body))), field);
    }

    @Test
    void citingTheSameConflictEventTwiceIsAConflict() {
        rule(postJson(AGREEMENTS + "/" + agreement + "/terms/" + ceasefireTerm + "/compliance",
                resolve(q("{'status': 'VIOLATED', 'evidence': [{'conflictEvent': '%EVENT%'}, {'conflictEvent': '%EVENT%'}]}"))),
                "evidence-invalid");
    }

    // ================================================================ objecting to a renewal

    static Stream<Arguments> badObjections() {
        return Stream.of(
                bad("party", "no party", "{'reason': 'test'}"),
                bad("party", "blank party", "{'party': '  '}"),
                bad("party", "unknown party", "{'party': '%NOSUCH%'}"),
                bad("party", "unknown party id", "{'party': '%UUID%'}"),
                bad("party", "retracted party", "{'party': '%GONE%'}"),
                bad("party", "party of 65 characters", "{'party': '" + "P".repeat(65) + "'}"),
                bad("objectedAt", "in the future", "{'party': '%AZE%', 'objectedAt': '%FUTURE%'}"),
                bad("objectedAt", "not an instant", "{'party': '%AZE%', 'objectedAt': 'last spring'}"),
                bad("colour", "unknown field", "{'party': '%AZE%', 'colour': 'red'}"),
                bad("reason", "reason of 2001 characters", "{'party': '%AZE%', 'reason': '" + "r".repeat(2001) + "'}"));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("badObjections")
    void aBadObjectionIsRefusedNamingTheFieldAndChangesNothing(String field, String why, String body) {
        validation(postJson(AGREEMENTS + "/" + agreement + "/terms/" + peacekeepingTerm + "/renewal-objections",
                resolve(q(body))), field);
    }

    @Test
    void anObjectionByANonSignatoryOrToATermThatDoesNotRenewIsAConflict() {
        rule(postJson(AGREEMENTS + "/" + agreement + "/terms/" + peacekeepingTerm + "/renewal-objections",
                resolve(q("{'party': '%OUTSIDER%'}"))), "objector-not-a-signatory");
        rule(postJson(AGREEMENTS + "/" + agreement + "/terms/" + kalbajarTerm + "/renewal-objections",
                resolve(q("{'party': '%AZE%'}"))), "term-not-renewable");
    }

    // ================================================================ query parameters

    static Stream<Arguments> badQueryParameters() {
        String unknown = UUID.randomUUID().toString();
        return Stream.of(
                query("", "theater", "ATLANTIS"),
                query("", "status", "NOPE"),
                query("", "kind", "TREATY"),
                query("", "inForceAt", "yesterday"),
                query("", "inForceAt", "2020-11-10T25:00:00Z"),
                query("", "signatory", "%NOSUCH%"),
                query("", "q", "x".repeat(201)),
                query("/exports/pam/terms", "q", "x".repeat(201)),
                query("/exports/pam/agreements", "bbox", "1,2,3,4"),
                query("", "limit", "0"),
                query("", "limit", "501"),
                query("", "limit", "-1"),
                query("", "limit", "ten"),
                query("", "cursor", "garbage"),
                query("", "cursor", "!!!"),
                query("", "cursor", base64("2020-13-45|" + unknown)),
                query("", "cursor", base64("2020-11-09|not-a-uuid")),
                query("/%A%", "asOf", "yesterday"),
                query("/%A%", "asOf", "2020-11-10"),
                query("/%A%/terms", "overdueAt", "xx"),
                query("/%A%/terms", "overdueAt", "yesterday"),
                query("/%A%/terms", "overdueAt", "2020-13-45"),
                query("/%A%/terms", "at", "xx"),
                query("/%A%/terms", "category", "NOPE"),
                query("/%A%/terms", "status", "NOPE"),
                query("/%A%/terms", "obligated", "%NOSUCH%"),
                query("/%A%/terms", "asOf", "yesterday"),
                query("/%A%/terms", "limit", "0"),
                query("/%A%/terms", "limit", "501"),
                query("/%A%/terms", "cursor", "garbage"),
                query("/%A%/terms", "cursor", "!!!"),
                query("/%A%/terms/%T1%", "at", "xx"),
                query("/%A%/terms/%T1%", "at", "2020-02-30"),
                query("/%A%/schedule", "at", "xx"),
                query("/%A%/schedule", "at", "2020-13-45"),
                query("/%A%/history", "limit", "0"),
                query("/%A%/history", "limit", "501"),
                query("/%A%/history", "cursor", "garbage"),
                query("/%A%/history", "cursor", "!!!"));
    }

    @ParameterizedTest(name = "GET {0}?{1}={2}")
    @MethodSource("badQueryParameters")
    void aQueryParameterThatDoesNotParseIsABadRequestNamingIt(String resource, String parameter, String value) {
        validation(given().queryParam(parameter, resolve(value)).get(path(resource)).then(), parameter);
    }

    @Test
    void theSameQueryParametersWithGoodValuesAreAccepted() {
        given().queryParam("status", "IN_FORCE").queryParam("limit", 1).get(AGREEMENTS).then().statusCode(200);
        given().queryParam("limit", 500).queryParam("inForceAt", "2020-12-01T00:00:00Z").get(AGREEMENTS).then().statusCode(200);
        given().queryParam("overdueAt", "2020-12-02").queryParam("status", "PENDING")
                .get(AGREEMENTS + "/" + agreement + "/terms").then().statusCode(200).body("items.order", hasItem(5));
        given().queryParam("at", "2026-12-01").get(AGREEMENTS + "/" + agreement + "/schedule").then().statusCode(200);
    }

    static Stream<Arguments> unknownQueryParameters() {
        return Stream.of(
                query("", "theatre", "NAGORNO_KARABAKH"),
                query("", "asof", "2020-01-01T00:00:00Z"),
                query("/%A%", "at", "2020-01-01T00:00:00Z"),
                query("/%A%/terms", "overdue", "2020-12-02"),
                query("/%A%/terms/%T1%", "asOf", "2020-01-01T00:00:00Z"),
                query("/%A%/schedule", "from", "2020-12-02"),
                query("/%A%/history", "size", "5"),
                query("/%A%/verify", "deep", "true"),
                query("/changes", "record", "agreement"));
    }

    @ParameterizedTest(name = "GET {0}?{1}={2}")
    @MethodSource("unknownQueryParameters")
    void anUnknownQueryParameterIsABadRequestNamingItAndTheAcceptedOnes(String resource, String parameter,
                                                                         String value) {
        validation(given().queryParam(parameter, resolve(value)).get(path(resource)).then(), parameter)
                .body("errors.message", hasItem(containsString("unknown query parameter")))
                .body("detail", containsString("accept"));
    }

    @Test
    void theAcceptedParametersAreListedWithTheUnknownOne() {
        validation(given().queryParam("theatre", "LIBYA").get(AGREEMENTS).then(), "theatre")
                .body("detail", allOf(containsString("theater"), containsString("inForceAt"),
                        containsString("signatory"), containsString("limit")));
        validation(given().queryParam("overdue", "2020-12-02").get(AGREEMENTS + "/" + agreement + "/terms").then(),
                "overdue")
                .body("detail", allOf(containsString("overdueAt"), containsString("obligated"), containsString("asOf")));
    }

    @Test
    void anUnknownQueryParameterOnAWriteIsRefusedBeforeAnythingIsWritten() {
        validation(given().contentType(ContentType.JSON).queryParam("dryRun", "true").body(resolve(agreementBody()))
                .post(AGREEMENTS).then(), "dryRun");
        assertNothingCreated();
        validation(given().contentType(ContentType.JSON).queryParam("force", "true")
                .body(resolve(validBody("/%A%/corrections"))).post(path("/%A%/corrections")).then(), "force");
        validation(given().contentType(ContentType.JSON).queryParam("order", "20")
                .body(resolve(termBody())).post(path("/%A%/terms")).then(), "order");
    }

    // ================================================================ unknown records in the path

    @ParameterizedTest(name = "agreement {0}")
    @ValueSource(strings = {"%UUID%", "not-a-uuid", "12345"})
    void anUnknownAgreementIdInThePathIsNotFound(String idToken) {
        String path = AGREEMENTS + "/" + resolve(idToken);
        notFound(given().get(path).then());
        notFound(given().queryParam("asOf", "2020-11-10T00:00:00Z").get(path).then());
        notFound(given().get(path + "/history").then());
        notFound(given().get(path + "/verify").then());
        notFound(given().get(path + "/schedule").then());
        notFound(given().get(path + "/terms").then());
        notFound(given().get(path + "/terms/" + ceasefireTerm).then());
        notFound(postJson(path + "/corrections", "{\"title\": \"" + marker + "\", \"reason\": \"none\"}"));
        notFound(postJson(path + "/status", "{\"status\": \"SUSPENDED\"}"));
        notFound(postJson(path + "/terms", resolve(termBody())));
        notFound(postJson(path + "/terms/" + ceasefireTerm + "/corrections", "{\"text\": \"changed\"}"));
        notFound(postJson(path + "/terms/" + ceasefireTerm + "/compliance", "{\"status\": \"FULFILLED\"}"));
        notFound(postJson(path + "/terms/" + peacekeepingTerm + "/renewal-objections",
                resolve(q("{'party': '%AZE%'}"))));
        assertNothingCreated();
    }

    @ParameterizedTest(name = "term {0}")
    @ValueSource(strings = {"%UUID%", "not-a-uuid", "1"})
    void anUnknownTermOfAKnownAgreementIsNotFound(String termToken) {
        String path = AGREEMENTS + "/" + agreement + "/terms/" + resolve(termToken);
        notFound(given().get(path).then());
        notFound(postJson(path + "/corrections", "{\"text\": \"changed\"}"));
        notFound(postJson(path + "/compliance", "{\"status\": \"FULFILLED\"}"));
        notFound(postJson(path + "/renewal-objections", resolve(q("{'party': '%AZE%'}"))));
    }

    @Test
    void anAgreementAsOfAnInstantBeforeItWasRecordedIsNotFound() {
        notFound(given().queryParam("asOf", "2000-01-01T00:00:00Z").get(AGREEMENTS + "/" + agreement).then());
        notFound(given().queryParam("asOf", "2000-01-01T00:00:00Z").get(AGREEMENTS + "/" + agreement + "/terms").then());
    }

    // ================================================================ values the record cannot hold (bugs)

    @Test
    void aPeriodTooLongToCountIsABadRequestNamingIt() {
        String terms = AGREEMENTS + "/" + agreement + "/terms";
        validation(postJson(terms, merge(termBody(), "{'duration': {'period': 'P999999999Y', 'autoRenew': false}}")),
                "duration.period");
        validation(postJson(terms, merge(termBody(),
                "{'duration': {'period': 'P5Y', 'autoRenew': true, 'renewalPeriod': 'P999999999Y'}}")),
                "duration.renewalPeriod");
        validation(postJson(terms, merge(termBody(),
                "{'duration': {'period': 'P5Y', 'autoRenew': true, 'noticePeriod': 'P999999999Y'}}")),
                "duration.noticePeriod");
        validation(postJson(terms + "/" + peacekeepingTerm + "/corrections",
                resolve(q("{'duration': {'period': 'P999999999Y', 'autoRenew': true}}"))), "duration.period");
    }

    @Test
    void aDeadlineTheCalendarCannotPassIsABadRequestNamingIt() {
        UUID other = fixtures.recordStatement();
        fixtures.addTermOk(other, fixtures.ceasefire(1));
        validation(postJson(AGREEMENTS + "/" + other + "/terms",
                merge(termBody(), "{'deadline': '+999999999-12-31'}")), "deadline");
        given().get(AGREEMENTS + "/" + other).then().statusCode(200).header("ETag", "\"2\"");
        given().get(AGREEMENTS + "/" + other + "/terms").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void anInForceInstantBeyondTheLocalCalendarIsABadRequestNamingIt() {
        validation(postJson(AGREEMENTS, merge(agreementBody(), "{'inForceAt': '+999999999-12-31T23:00:00Z'}")),
                "inForceAt");
        assertNothingCreated();
        given().get(AGREEMENTS).then().statusCode(200);
    }

    @Test
    void aFractionalOrderIsABadRequestNamingIt() {
        validation(postJson(AGREEMENTS + "/" + agreement + "/terms", merge(termBody(), "{'order': 1.5}")), "order");
    }

    // ================================================================ bodies

    /** A valid agreement, findable by this test's marker (in its title and its place). */
    private String agreementBody() {
        return q("""
                {'title': 'Bad input %MARKER%', 'kind': 'CEASEFIRE', 'theater': 'NAGORNO_KARABAKH',
                 'signedOn': '2020-11-09', 'signedPlace': 'Moscow %MARKER%',
                 'inForceAt': '2020-11-09T21:00:00Z', 'inForceZone': 'Europe/Moscow',
                 'signatories': ['%AZE%', '%ARM%', '%RUS%'], 'witnesses': [], 'supersedes': [], 'complements': [],
                 'paxAgreementId': 'PAX-%MARKER%', 'reason': 'test',
                 'sources': [{'title': 'Seed document', 'publisher': 'Conflict Ledger', 'url': 'https://example.org/s',
                              'date': '2020-11-10'}]}
                """);
    }

    /** A valid new term of the shared agreement (order 20, a condition on term 1), with every optional part. */
    private static String termBody() {
        return q("""
                {'order': 20, 'article': 'Paragraph 20', 'text': 'A term that is never added',
                 'category': 'PEACEKEEPING', 'obligated': ['%RUS%'], 'beneficiaries': ['%AZE%'],
                 'deadline': '2020-11-20',
                 'duration': {'period': 'P5Y', 'autoRenew': true, 'renewalPeriod': 'P5Y', 'noticePeriod': 'P6M'},
                 'quantities': [{'value': 1960, 'unit': 'personnel', 'of': 'military personnel with small arms'}],
                 'conditions': [{'kind': 'IN_PARALLEL_WITH', 'term': '1'}],
                 'reason': 'test', 'sources': [{'title': 'Seed document'}]}
                """);
    }

    /** A body each write would accept on the shared agreement (used to reach the If-Match checks). */
    private static String validBody(String write) {
        return q(switch (write) {
            case "/%A%/corrections" -> "{'signedPlace': 'Elsewhere', 'reason': 'test'}";
            case "/%A%/status" -> "{'status': 'SUSPENDED'}";
            case "/%A%/terms" -> termBody();
            case "/%A%/terms/%T1%/corrections" -> "{'text': 'Changed'}";
            case "/%A%/terms/%T1%/compliance" -> "{'status': 'IN_PROGRESS'}";
            case "/%A%/terms/%T3%/renewal-objections" -> "{'party': '%AZE%'}";
            default -> throw new IllegalArgumentException(write);
        });
    }

    // ================================================================ helpers

    private static Arguments bad(String field, String why, String json) {
        return Arguments.of(field, why, json);
    }

    private static Arguments query(String resource, String parameter, String value) {
        return Arguments.of(resource, parameter, value);
    }

    /** JSON written with single quotes. */
    private static String q(String json) {
        return json.replace('\'', '"');
    }

    /** A JSON array of {@code n} items made from a pattern with %d. */
    private static String list(int n, String pattern) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(String.format(pattern, i));
        }
        return "[" + String.join(", ", items) + "]";
    }

    private static String base64(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The text with this run's actors, agreement, terms, a fresh UUID and an instant tomorrow filled in. */
    private String resolve(String text) {
        return text.replace("%AZE%", fixtures.aze)
                .replace("%ARM%", fixtures.arm)
                .replace("%RUS%", fixtures.rus)
                .replace("%GONE%", retracted)
                .replace("%OUTSIDER%", outsider)
                .replace("%NOSUCH%", "NOSUCH" + marker.toUpperCase())
                .replace("%AGREEMENT%", agreement.toString())
                .replace("%A%", agreement.toString())
                .replace("%T1%", ceasefireTerm.toString())
                .replace("%T3%", peacekeepingTerm.toString())
                .replace("%T5%", kalbajarTerm.toString())
                .replace("%EVENT%", conflictEvent.toString())
                .replace("%UUID%", UUID.randomUUID().toString())
                .replace("%FUTURE%", Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
                .replace("%MARKER%", marker);
    }

    private String path(String resource) {
        return AGREEMENTS + resolve(resource);
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON object: " + text, e);
        }
    }

    /** The base body with the patch's top-level fields put in (a JSON null puts null). */
    private String merge(String base, String patch) {
        ObjectNode body = json(resolve(base));
        body.setAll(json(resolve(q(patch))));
        return body.toString();
    }

    private static ValidatableResponse postJson(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    /** A problem document with this status, and nothing of the server's internals. */
    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.log().ifValidationFails()
                .statusCode(status)
                .contentType(PROBLEM)
                .body("status", equalTo(status))
                .body("type", startsWith("urn:conflict-ledger:problem:"))
                .body("title", notNullValue())
                .body("instance", startsWith(AGREEMENTS))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("\tat ")));
    }

    /** A 400 problem document naming {@code field} among its errors. */
    private static ValidatableResponse validation(ValidatableResponse response, String field) {
        return problem(response, 400)
                .body("type", equalTo("urn:conflict-ledger:problem:validation"))
                .body("errors", not(empty()))
                .body("errors.field", hasItem(field))
                .body("errors.message", everyItem(not(blankOrNullString())))
                .body("detail", containsString(field));
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

    /** No agreement carries this test's marker: every refused record left nothing behind. */
    private void assertNothingCreated() {
        given().queryParam("q", marker).get(AGREEMENTS).then().statusCode(200).body("items", empty());
    }
}
