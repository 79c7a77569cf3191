package org.conflictledger.agreements.support;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.conflictledger.actorreplica.ActorDirectory;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The 9 November 2020 statement as test data: its signatories registered on the actor topic with
 * keys unique to one test, the agreement recorded and terms added through the API.
 */
public final class AgreementFixtures {
    public final String marker = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    public final String aze = "AZE" + marker;
    public final String arm = "ARM" + marker;
    public final String rus = "RUS" + marker;
    public UUID azeId;
    public UUID armId;
    public UUID rusId;

    /** Registers Azerbaijan, Armenia and Russia and waits until the replica knows them. */
    public AgreementFixtures actorsKnown(ActorDirectory directory) throws Exception {
        return actorsKnown(directory, new TopicEvents());
    }

    /** As {@link #actorsKnown(ActorDirectory)}, published by {@code publisher} (which this closes). */
    public AgreementFixtures actorsKnown(ActorDirectory directory, TopicEvents publisher) throws Exception {
        try (TopicEvents topics = publisher) {
            azeId = topics.actorRegistered(aze, "Azerbaijan " + marker);
            armId = topics.actorRegistered(arm, "Armenia " + marker);
            rusId = topics.actorRegistered(rus, "Russia " + marker);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.byReference(aze).isPresent()
                && directory.byReference(arm).isPresent() && directory.byReference(rus).isPresent());
        return this;
    }

    public String statement() {
        return """
                {"title": "Statement of 9 November 2020 %s", "kind": "CEASEFIRE", "theater": "NAGORNO_KARABAKH",
                 "signedOn": "2020-11-09", "signedPlace": "Moscow",
                 "inForceAt": "2020-11-09T21:00:00Z", "inForceZone": "Europe/Moscow",
                 "signatories": ["%s", "%s", "%s"], "reason": "seed",
                 "sources": [{"title": "Seed document", "publisher": "Conflict Ledger"}]}
                """.formatted(marker, aze, arm, rus);
    }

    public ExtractableResponse<Response> record(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/agreements").then().extract();
    }

    public UUID recordStatement() {
        ExtractableResponse<Response> created = record(statement());
        if (created.statusCode() != 201) {
            throw new AssertionError("recording failed: " + created.asString());
        }
        return UUID.fromString(created.path("id"));
    }

    public ExtractableResponse<Response> addTerm(UUID agreement, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/agreements/" + agreement + "/terms")
                .then().extract();
    }

    public UUID addTermOk(UUID agreement, String body) {
        ExtractableResponse<Response> added = addTerm(agreement, body);
        if (added.statusCode() != 201) {
            throw new AssertionError("adding a term failed: " + added.asString());
        }
        return UUID.fromString(added.path("id"));
    }

    /** Kalbajar District returned by Armenia by 15 November 2020. */
    public String kalbajar(int order) {
        return territorial(order, "Kalbajar District shall be returned to the Republic of Azerbaijan", "2020-11-15");
    }

    /** Agdam District returned by 20 November 2020. */
    public String agdam(int order) {
        return territorial(order, "Agdam District shall be returned to the Republic of Azerbaijan", "2020-11-20");
    }

    /** Lachin District returned by 1 December 2020. */
    public String lachin(int order) {
        return territorial(order, "Lachin District shall be returned to the Republic of Azerbaijan", "2020-12-01");
    }

    private String territorial(int order, String text, String deadline) {
        return """
                {"order": %d, "article": "Paragraph %d", "text": "%s", "category": "TERRITORIAL_TRANSFER",
                 "obligated": ["%s"], "beneficiaries": ["%s"], "deadline": "%s"}
                """.formatted(order, order, text, arm, aze, deadline);
    }

    public String ceasefire(int order) {
        return """
                {"order": %d, "article": "Paragraph 1", "text": "A complete ceasefire and termination of all hostilities from 00:00 Moscow time on 10 November 2020; the parties stop at the positions they hold.",
                 "category": "CEASEFIRE", "obligated": ["%s", "%s"]}
                """.formatted(order, aze, arm);
    }

    /** The peacekeeping contingent: 1,960 personnel, 90 APCs, 380 vehicles, for 5 years renewed for 5 unless objected 6 months ahead. */
    public String peacekeeping(int order, String parallelWith) {
        return """
                {"order": %d, "article": "Paragraph 3", "text": "The peacekeeping contingent of the Russian Federation is deployed along the line of contact and the Lachin corridor.",
                 "category": "PEACEKEEPING", "obligated": ["%s"],
                 "duration": {"period": "P5Y", "autoRenew": true, "renewalPeriod": "P5Y", "noticePeriod": "P6M"},
                 "quantities": [{"value": 1960, "unit": "personnel", "of": "military personnel with small arms"},
                                {"value": 90, "unit": "vehicles", "of": "armoured personnel carriers"},
                                {"value": 380, "unit": "vehicles", "of": "motor vehicles and special equipment"}],
                 "conditions": [{"kind": "IN_PARALLEL_WITH", "term": "%s"}]}
                """.formatted(order, rus, parallelWith);
    }
}
