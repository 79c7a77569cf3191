package org.conflictledger.events.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.conflictledger.actorreplica.ActorDirectory;
import org.conflictledger.devstack.kafka.KafkaBrokerTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A CSV import sent again with the same Idempotency-Key answers what the first request did, and imports nothing again. */
@QuarkusTest
@WithTestResource(KafkaBrokerTestResource.class)
class ImportIdempotencyTest {
    @Inject
    ActorDirectory directory;
    @Inject
    AgroalDataSource dataSource;

    private String marker;
    private String csv;

    @BeforeEach
    void aFileOfTwoEventsNotRecordedYet() throws Exception {
        marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        String aze = ("AZE" + marker).toUpperCase();
        String arm = ("ARM" + marker).toUpperCase();
        try (ActorEvents actors = new ActorEvents()) {
            actors.registered(aze, "Azerbaijan " + marker, 0);
            actors.registered(arm, "Armenia " + marker, 0);
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                directory.byReference(aze).isPresent() && directory.byReference(arm).isPresent());
        csv = "event_date,disorder_type,event_type,sub_event_type,actor1,actor2,country,location,latitude,longitude,"
                + "geo_precision,notes,fatalities\r\n"
                + "2020-09-27,Political violence,Battles,Armed clash," + aze + "," + arm + ",Azerbaijan,Fuzuli,39.6,47.1,1,"
                + "Fighting " + marker + ",12\r\n"
                + "2020-10-09,Political violence,Battles,Armed clash," + aze + "," + arm + ",Azerbaijan,Hadrut,39.52,47.03,1,"
                + "Fighting " + marker + ",7\r\n";
    }

    private Response importing(String key, String body, String... prefer) {
        var request = given().contentType("text/csv").queryParam("theater", "NAGORNO_KARABAKH").body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (prefer.length > 0) {
            request.header("Prefer", prefer[0]);
        }
        return request.post("/api/v1/events/import");
    }

    private int recorded() {
        return given().queryParam("q", marker).queryParam("limit", "100").get("/api/v1/events").then().statusCode(200)
                .extract().path("items.size()");
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstReportAndRecordsNothing() {
        String key = "import-" + marker;
        ExtractableResponse<Response> first = importing(key, csv).then().statusCode(200)
                .body("accepted", equalTo(2)).body("created", hasSize(2)).extract();

        // the client never saw that answer and sends the same request again: it gets the first report, not "present 2"
        importing(key, csv).then().statusCode(200)
                .body("accepted", equalTo(2)).body("present", equalTo(0))
                .body("created", equalTo(first.path("created")));

        assertThat(recorded()).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherFileOrReasonIsAConflictThatImportsNothing() {
        String key = "import-" + marker;
        importing(key, csv).then().statusCode(200).body("accepted", equalTo(2));

        String oneRowMore = csv + csv.lines().skip(1).findFirst().orElseThrow().replace("Fuzuli", "Shusha") + "\r\n";
        importing(key, oneRowMore).then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("idempotency-key-reused"));
        given().contentType("text/csv").queryParam("theater", "NAGORNO_KARABAKH").queryParam("reason", "another reason")
                .header("Idempotency-Key", key).body(csv).post("/api/v1/events/import").then().statusCode(409);

        assertThat(recorded()).isEqualTo(2);
    }

    @Test
    void anotherCallersSameKeyIsItsOwnImportNeverTheFirstCallersReport() {
        String key = "import-" + marker;
        given().contentType("text/csv").queryParam("theater", "NAGORNO_KARABAKH").header("Idempotency-Key", key)
                .header("X-Ledger-Principal", "first@example.org").body(csv).post("/api/v1/events/import")
                .then().statusCode(200).body("accepted", equalTo(2));

        // the same key and file from someone else: not the first caller's report, an import of its own
        given().contentType("text/csv").queryParam("theater", "NAGORNO_KARABAKH").header("Idempotency-Key", key)
                .header("X-Ledger-Principal", "second@example.org").body(csv).post("/api/v1/events/import")
                .then().statusCode(200).body("accepted", equalTo(0)).body("present", equalTo(2));

        assertThat(recorded()).isEqualTo(2);
    }

    @Test
    void aKeyOlderThanItsTimeToLiveIsANewImport() throws Exception {
        String key = "import-" + marker;
        importing(key, csv).then().statusCode(200).body("accepted", equalTo(2));
        try (var connection = dataSource.getConnection();
             var age = connection.prepareStatement("UPDATE import_job SET created_at = ? WHERE idempotency_key = ?")) {
            age.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofHours(25))));
            age.setString(2, key);
            assertThat(age.executeUpdate()).isOne();
        }

        // within the 24 hours another file under the key would be a 409; after them it is a new request
        String oneRowMore = csv + csv.lines().skip(1).findFirst().orElseThrow().replace("Fuzuli", "Shusha") + "\r\n";
        importing(key, oneRowMore).then().statusCode(200).body("accepted", equalTo(1)).body("present", equalTo(2));

        assertThat(recorded()).isEqualTo(3);
    }

    @Test
    void aKeyThatIsNotVisibleAsciiIsABadRequestNamingTheHeader() {
        importing("two words", csv).then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(recorded()).isZero();
    }

    @Test
    void aRetriedBackgroundImportAnswersTheSameJob() {
        String key = "job-" + marker;
        String job = importing(key, csv, "respond-async").then().statusCode(202).extract().path("id");

        importing(key, csv, "respond-async").then().statusCode(202).body("id", equalTo(job))
                .header("Location", endsWith("/api/v1/events/imports/" + job));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/events/imports/" + job).then()
                .body("state", equalTo("DONE")).body("report.accepted", equalTo(2)));
        importing(key, csv, "respond-async").then().statusCode(202).body("id", equalTo(job)).body("state", equalTo("DONE"));
        assertThat(recorded()).isEqualTo(2);
    }

    @Test
    void retriesRacingTheFirstRequestImportOnceAndAnswerItsReportOrItsJob() throws Exception {
        String key = "race-" + marker;
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(clients.submit(() -> importing(key, csv)));
            }
            List<String> jobs = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.statusCode()).as(response.asString()).isIn(200, 202);
                if (response.statusCode() == 200) {
                    assertThat(response.<Integer>path("accepted")).isEqualTo(2);
                } else {
                    jobs.add(response.path("id"));
                }
            }
            assertThat(jobs.stream().distinct()).hasSizeLessThanOrEqualTo(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(recorded()).isEqualTo(2);
    }

    @Test
    void twoRowsOfOneFileWithTheSameAcledIdRecordOneEvent() {
        String[] lines = csv.split("\r\n");
        String withAcledIds = lines[0] + ",event_id_cnty\r\n" + lines[1] + ",AZE" + marker + "\r\n"
                + lines[2] + ",AZE" + marker + "\r\n";

        importing(null, withAcledIds).then().statusCode(200).body("accepted", equalTo(1)).body("present", equalTo(1));
        assertThat(recorded()).isEqualTo(1);
    }

    @Test
    void aRetryTakesOverAFailedImportAndFinishesIt() throws Exception {
        String key = "failed-" + marker;
        importing(key, csv).then().statusCode(200).body("accepted", equalTo(2));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement failed = connection.prepareStatement(
                     "UPDATE import_job SET state = 'FAILED', report = NULL, error = 'broker down' WHERE idempotency_key = ?")) {
            failed.setString(1, key);
            assertThat(failed.executeUpdate()).isEqualTo(1);
        }

        // run again under the same key: the rows the failed run recorded are present, nothing is recorded twice
        importing(key, csv).then().statusCode(200).body("accepted", equalTo(0)).body("present", equalTo(2));
        assertThat(recorded()).isEqualTo(2);
    }
}
