package org.conflictledger.agreements.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.agreements.query.ConflictEventDirectory;
import org.conflictledger.contracts.ConflictEventTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP steps the agreement API tests share: writes with or without If-Match, reads of the
 * ETag, history and schedule, and facts other services publish (an actor that signed nothing, a
 * conflict event that is no violation), awaited until this service knows them.
 */
public final class ApiSteps {
    public static final String PRINCIPAL = "X-Ledger-Principal";
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    private ApiSteps() {
    }

    public static String agreementPath(UUID agreement) {
        return "/api/v1/agreements/" + agreement;
    }

    public static String termPath(UUID agreement, UUID term) {
        return agreementPath(agreement) + "/terms/" + term;
    }

    /** A JSON request, with If-Match when {@code etag} is not null. */
    public static RequestSpecification json(String etag) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return etag == null ? request : request.header("If-Match", etag);
    }

    /** The quoted ETag of the agreement now, e.g. {@code "3"}. */
    public static String etag(UUID agreement) {
        return given().get(agreementPath(agreement)).then().statusCode(200).extract().header("ETag");
    }

    public static ValidatableResponse correct(UUID agreement, String etag, String body) {
        return json(etag).body(body).post(agreementPath(agreement) + "/corrections").then();
    }

    public static ValidatableResponse changeStatus(UUID agreement, String status, String effectiveAt) {
        String body = effectiveAt == null ? "{\"status\": \"%s\"}".formatted(status)
                : "{\"status\": \"%s\", \"effectiveAt\": \"%s\"}".formatted(status, effectiveAt);
        return json(null).body(body).post(agreementPath(agreement) + "/status").then();
    }

    public static ValidatableResponse correctTerm(UUID agreement, UUID term, String etag, String body) {
        return json(etag).body(body).post(termPath(agreement, term) + "/corrections").then();
    }

    public static ValidatableResponse assess(UUID agreement, UUID term, String body) {
        return json(null).body(body).post(termPath(agreement, term) + "/compliance").then();
    }

    /** Assesses the term with a status from an instant on. */
    public static ValidatableResponse assess(UUID agreement, UUID term, String status, String effectiveAt) {
        return assess(agreement, term, "{\"status\": \"%s\", \"effectiveAt\": \"%s\", \"reason\": \"test assessment\"}"
                .formatted(status, effectiveAt));
    }

    public static ValidatableResponse object(UUID agreement, UUID term, String party, String objectedAt) {
        return json(null).body("{\"party\": \"%s\", \"objectedAt\": \"%s\", \"reason\": \"notice given\"}"
                .formatted(party, objectedAt)).post(termPath(agreement, term) + "/renewal-objections").then();
    }

    public static ValidatableResponse schedule(UUID agreement, String at) {
        return given().queryParam("at", at).get(agreementPath(agreement) + "/schedule").then().statusCode(200);
    }

    public static ValidatableResponse history(UUID agreement) {
        return given().get(agreementPath(agreement) + "/history").then().statusCode(200);
    }

    /** When the agreement's {@code index}-th change was recorded. */
    public static Instant recordedAt(UUID agreement, int index) {
        return Instant.parse(history(agreement).extract().path("items[" + index + "].recordedAt"));
    }

    /** The URL of a {@code Link: <…>; rel="next"} header. */
    public static String nextLink(String linkHeader) {
        if (linkHeader == null) {
            throw new AssertionError("no Link header");
        }
        Matcher matcher = NEXT_LINK.matcher(linkHeader);
        if (!matcher.find()) {
            throw new AssertionError("no rel=\"next\" in Link: " + linkHeader);
        }
        return matcher.group(1);
    }

    /** Sleeps long enough that two writes get distinct recording instants. */
    public static void aMomentPasses() throws InterruptedException {
        Thread.sleep(50);
    }

    /** Registers one more actor on the actor topic (a party to nothing yet) and waits until the replica knows it. */
    public static UUID actorKnown(ActorDirectory directory, String key, String name) throws Exception {
        UUID id;
        try (TopicEvents topics = new TopicEvents()) {
            id = topics.actorRegistered(key, name);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.byReference(key).isPresent());
        return id;
    }

    /** Publishes a conflict event reported in events-service and waits until this service has read it. */
    public static UUID conflictEventKnown(ConflictEventDirectory conflictEvents, String eventType, String date)
            throws Exception {
        UUID id = UUID.randomUUID();
        try (TopicEvents topics = new TopicEvents()) {
            topics.conflictEvent(ConflictEventTypes.REPORTED, id, 0, eventType, null, null, date);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> conflictEvents.byId(id).isPresent());
        return id;
    }

    /** The withdrawal of Armenia's armed forces, a term other terms happen in parallel with. */
    public static String withdrawal(AgreementFixtures fixtures, int order) {
        return """
                {"order": %d, "article": "Paragraph %d", "text": "The armed forces of the Republic of Armenia withdraw in parallel with the deployment of the peacekeeping contingent.",
                 "category": "WITHDRAWAL", "obligated": ["%s"]}
                """.formatted(order, order, fixtures.arm);
    }

    /** The Lachin corridor, 5 km wide (2.5 km either side of its centre line), under the contingent's control. */
    public static String corridor(AgreementFixtures fixtures, int order) {
        return """
                {"order": %d, "article": "Paragraph %d", "text": "The Lachin corridor, 5 km wide, remains under the control of the peacekeeping contingent.",
                 "category": "CORRIDOR", "obligated": ["%s"], "beneficiaries": ["%s"],
                 "quantities": [{"value": 5, "unit": "km", "of": "width of the corridor"},
                                {"value": 2.5, "unit": "km", "of": "either side of the centre line"}]}
                """.formatted(order, order, fixtures.rus, fixtures.arm);
    }
}
