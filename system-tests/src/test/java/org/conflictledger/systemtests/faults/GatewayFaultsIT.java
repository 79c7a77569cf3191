package org.conflictledger.systemtests.faults;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.conflictledger.devstack.process.ServiceProcess;
import org.conflictledger.devstack.tokens.TestTokens;
import org.conflictledger.systemtests.faults.Suite.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged gateway in front of the packaged services, faulted from both sides: thousands of clients that leave
 * mid-request, 64 at a time, after which the gateway must answer normally and be ready; and a service that stops
 * answering ({@code kill -STOP}), whose route must be answered with a problem document within the gateway's timeout
 * while the other routes carry on, and which readiness must report until the service answers again
 * ({@code kill -CONT}). Each test prints its counts.
 */
class GatewayFaultsIT {
    private static final Path LOGS = Path.of(System.getProperty("ledger.systemTests.logDir", "target/system-tests"));
    private static final String READER = TestTokens.bearer("gateway-fault-test@example.org", "reader");
    private static final String EDITOR = TestTokens.bearer("gateway-fault-test@example.org", "editor");
    /** How long a service may stay silent before the gateway answers 504 (GATEWAY_REQUEST_TIMEOUT). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** What a client that is not leaving waits for an answer at most. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
    private static final int LEAVING_CLIENTS = Integer.getInteger("ledger.faults.leavingClients", 3000);
    private static final int CONCURRENCY = 64;
    private static final int ACTORS = 300;
    /** The slow-ish request: every actor, one page of up to 500 (about 300 here). */
    private static final String LIST = "/api/v1/actors?limit=500";

    @TempDir
    static Path data;

    private static Suite suite;
    private static ServiceProcess gateway;
    private static final List<String> actorIds = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CLIENT_TIMEOUT).build();

    @BeforeAll
    static void startTheSuiteAndTheGateway() throws Exception {
        suite = Suite.start(data);
        gateway = ServiceProcess.builder(Path.of(System.getProperty("ledger.gateway.jar",
                        "../gateway/target/quarkus-app/quarkus-run.jar"))).name("gateway").portVariable("GATEWAY_PORT")
                .env(TestTokens.checksOnEnvironment())
                .env("KAFKA_BOOTSTRAP_SERVERS", suite.bootstrapServers())
                .env("ACTORS_URL", suite.uri(Service.ACTORS, "").toString())
                .env("EVENTS_URL", suite.uri(Service.EVENTS, "").toString())
                .env("AGREEMENTS_URL", suite.uri(Service.AGREEMENTS, "").toString())
                .env("GATEWAY_REQUEST_TIMEOUT", REQUEST_TIMEOUT.toSeconds() + "s")
                // every leaving client is its own address, as thousands of real clients would be; the rate limit
                // per address stays on
                .env("GATEWAY_TRUST_FORWARDED", "true")
                .log(LOGS.resolve("faults-gateway.log"))
                .start();
        // actors to read one by one, and enough of them that the list takes a while
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < ACTORS; n++) {
                int i = n;
                done.add(writers.submit(() -> actorIds.add(given(service(Service.ACTORS))
                        .body("{\"key\": \"GWF-" + i + "\", \"name\": \"Actor " + i + " of the gateway fault test\","
                                + " \"kind\": \"ARMED_GROUP\", \"aliases\": [\"gateway fault " + i + "\"]}")
                        .post("/api/v1/actors").then().statusCode(201).extract().<String>path("id"))));
            }
            for (Future<?> write : done) {
                write.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    @AfterAll
    static void stopEverything() {
        if (gateway != null) {
            gateway.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void thousandsOfClientsThatLeaveMidRequestLeaveTheGatewayAnsweringAndReady() throws Exception {
        long servedBefore = actorReadsServed();
        long started = System.nanoTime();
        LeavingClients.Tally tally = LeavingClients.run(gateway.port(), LEAVING_CLIENTS, CONCURRENCY, READER,
                i -> i % 2 == 0 ? "/api/v1/actors/" + actorIds.get(i % actorIds.size()) : LIST);
        Duration storm = Duration.ofNanos(System.nanoTime() - started);
        long served = actorReadsServed() - servedBefore;

        // straight after: normal clients, 8 at a time, each waiting at most CLIENT_TIMEOUT
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            paths.add(switch (i % 4) {
                case 0 -> "/api/v1/actors/" + actorIds.get(i);
                case 1 -> LIST;
                case 2 -> "/api/v1/events?limit=10";
                default -> "/api/v1/agreements?limit=10";
            });
        }
        List<Answer> afterwards = inParallel(8, paths.stream().<Callable<Answer>>map(path -> () -> get(path)).toList());
        long ok = afterwards.stream().filter(a -> a.status() == 200).count();
        long slowest = afterwards.stream().mapToLong(Answer::millis).max().orElse(0);
        int ready = given().baseUri(gateway.baseUri()).get("/q/health/ready").statusCode();
        System.out.printf("gateway, clients leaving mid-request at %d concurrency for %d ms: %s; reads actors-service"
                        + " served meanwhile %d; afterwards %d of %d normal requests answered 200 (answers %s, slowest %d"
                        + " ms); readiness %d%n", CONCURRENCY, storm.toMillis(), tally, served, ok, afterwards.size(),
                statuses(afterwards), slowest, ready);

        assertThat(tally.failed()).as("requests that could not even be sent").isZero();
        assertThat(tally.aborted()).as("clients that left before reading their answer").isEqualTo(LEAVING_CLIENTS);
        // The clients do not wait for their answers, so they ask far more of actors-service than it can serve: the
        // gateway sheds what its pool cannot take (20 connections, 100 waiting) with 503 problem documents, and a
        // request the overloaded service leaves silent for GATEWAY_REQUEST_TIMEOUT is a 504; a few in 3,000 are a 502
        // (the proxy resets a request whose writing to the service fails, e.g. on a pooled connection that closed
        // under it). Every client that waited for its answer got one: none is left hanging.
        assertThat(tally.noAnswerStarted()).as("clients that got no status line within 10 s").isZero();
        assertThat(tally.statuses().keySet()).as("statuses of the answers the leaving clients saw start")
                .contains(200).isSubsetOf(200, 502, 503, 504);
        assertThat(afterwards).as("normal requests afterwards, each answered within %s", CLIENT_TIMEOUT)
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.path()).isEqualTo(200));
        assertThat(ready).as("the gateway's readiness afterwards").isEqualTo(200);
    }

    @Test
    void aServiceThatStopsAnsweringIsAnsweredForAndReadinessIsRedUntilItAnswersAgain() throws Exception {
        String actor = "/api/v1/actors/" + actorIds.get(0);
        assertThat(get("/api/v1/events?limit=10").status()).isEqualTo(200);
        assertThat(readiness().statusCode()).isEqualTo(200);

        suite.pause(Service.EVENTS);
        long pausedAt = System.nanoTime();
        try {
            long[] redAfter = new long[1];
            String[] red = new String[1];
            await("readiness turns red").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> {
                        var answer = readiness();
                        red[0] = answer.asString();
                        assertThat(answer.statusCode()).isEqualTo(503);
                    });
            redAfter[0] = Duration.ofNanos(System.nanoTime() - pausedAt).toMillis();
            Duration patience = CLIENT_TIMEOUT.plus(REQUEST_TIMEOUT.multipliedBy(3));
            Answer one = get("/api/v1/events?limit=10", patience);
            // more at once than the route has connections (GATEWAY_POOL_MAX_SIZE, 20)
            List<Answer> burst = inParallel(40, java.util.stream.IntStream.range(0, 40)
                    .<Callable<Answer>>mapToObj(i -> () -> get("/api/v1/events?limit=" + (i + 1), patience)).toList());
            Answer otherRoute = get(actor);
            Answer agreements = get("/api/v1/agreements?limit=10");
            String eventsState = services(red[0]).getString("data.'events-service'");
            System.out.printf("gateway, events-service stopped (SIGSTOP): one request %d in %d ms (%s); %d at once:"
                            + " %s, slowest %d ms; actors route %d in %d ms, agreements route %d in %d ms; readiness"
                            + " 503 %d ms after the stop, services %s%n", one.status(), one.millis(), one.body(),
                    burst.size(), statuses(burst), burst.stream().mapToLong(Answer::millis).max().orElse(0),
                    otherRoute.status(), otherRoute.millis(), agreements.status(), agreements.millis(), redAfter[0],
                    services(red[0]).getString("data"));

            for (Answer answer : concat(List.of(one), burst)) {
                assertThat(answer.status()).as("the stopped service's route: %s", answer).isIn(503, 504);
                assertThat(answer.contentType()).as("%s", answer).startsWith("application/problem+json");
                JsonPath problem = JsonPath.from(answer.body());
                assertThat(problem.getString("service")).isEqualTo("events-service");
                assertThat(problem.getInt("status")).isEqualTo(answer.status());
            }
            assertThat(one.status()).as("a request the silent service holds").isEqualTo(504);
            assertThat(one.millis()).as("ms to the 504, with GATEWAY_REQUEST_TIMEOUT %s", REQUEST_TIMEOUT)
                    .isGreaterThanOrEqualTo(REQUEST_TIMEOUT.toMillis() - 100)
                    .isLessThan(REQUEST_TIMEOUT.toMillis() + 3000);
            // a request waits for a connection (connect timeout, 2 s) and then for the answer (the request timeout)
            assertThat(burst).allSatisfy(answer -> assertThat(answer.millis()).as("%s", answer)
                    .isLessThan(2 * REQUEST_TIMEOUT.toMillis() + 2000 + 3000));
            assertThat(otherRoute.status()).as("another service's route meanwhile").isEqualTo(200);
            assertThat(otherRoute.millis()).isLessThan(REQUEST_TIMEOUT.toMillis());
            assertThat(agreements.status()).as("another service's route meanwhile").isEqualTo(200);
            assertThat(eventsState).as("events-service in the gateway's readiness").isIn("TIMED_OUT", "BUSY");
            assertThat(services(red[0]).getString("data.'actors-service'")).isEqualTo("UP");
        } finally {
            suite.resume(Service.EVENTS);
        }
        long resumedAt = System.nanoTime();
        await("readiness turns green again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> readiness().statusCode() == 200);
        long greenAfter = Duration.ofNanos(System.nanoTime() - resumedAt).toMillis();
        Answer events = get("/api/v1/events?limit=10");
        Answer write = post("/api/v1/actors", "{\"key\": \"GWF-AFTER\", \"name\": \"After the stop\", \"kind\": \"STATE\"}");
        System.out.printf("gateway, events-service continued (SIGCONT): readiness 200 %d ms later; its route %d in %d"
                + " ms; a write through the gateway %d%n", greenAfter, events.status(), events.millis(), write.status());
        assertThat(events.status()).as("the route once its service answers again").isEqualTo(200);
        assertThat(write.status()).isEqualTo(201);
    }

    private record Answer(String path, int status, long millis, String contentType, String body) {
        @Override
        public String toString() {
            return path + " " + status + " in " + millis + " ms";
        }
    }

    /** A normal client's GET through the gateway; status -1 when it got no answer within {@link #CLIENT_TIMEOUT}. */
    private Answer get(String path) throws Exception {
        return get(path, CLIENT_TIMEOUT);
    }

    /** A GET through the gateway, waiting at most {@code timeout}; status -1 when no answer came in time. */
    private Answer get(String path, Duration timeout) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway.baseUri() + path)).header("Authorization", READER).GET()
                .timeout(timeout).build(), path);
    }

    private Answer post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway.baseUri() + path)).header("Authorization", EDITOR)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(CLIENT_TIMEOUT).build(), path);
    }

    private Answer send(HttpRequest request, String path) throws Exception {
        long start = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(path, answer.statusCode(), Duration.ofNanos(System.nanoTime() - start).toMillis(),
                    answer.headers().firstValue("Content-Type").orElse(""), answer.body());
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(path, -1, Duration.ofNanos(System.nanoTime() - start).toMillis(), "", e.toString());
        }
    }

    private static <T> List<T> inParallel(int threads, List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> result : pool.invokeAll(calls, 5, TimeUnit.MINUTES)) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Integer> statuses(List<Answer> answers) {
        Map<Integer, Integer> counts = new TreeMap<>();
        answers.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        return counts;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The GETs under /api/v1/actors that actors-service has served, as its /q/metrics counts them. */
    private static long actorReadsServed() {
        String metrics = given().baseUri(suite.uri(Service.ACTORS, "").toString()).get("/q/metrics").then()
                .statusCode(200).extract().asString();
        java.util.regex.Matcher line = java.util.regex.Pattern.compile(
                "(?m)^http_server_requests_seconds_count\\{([^}]*)} (\\S+)$").matcher(metrics);
        double served = 0;
        while (line.find()) {
            if (line.group(1).contains("method=\"GET\"") && line.group(1).contains("uri=\"/api/v1/actors")) {
                served += Double.parseDouble(line.group(2));
            }
        }
        return (long) served;
    }

    private static io.restassured.response.Response readiness() {
        return given().baseUri(gateway.baseUri()).get("/q/health/ready");
    }

    /** The gateway's {@code services} check in a readiness answer. */
    private static JsonPath services(String health) {
        return JsonPath.from(health).setRootPath("checks.find { it.name == 'services' }");
    }

    private static RequestSpecification service(Service service) {
        return new RequestSpecBuilder().setBaseUri(suite.uri(service, "").toString()).setContentType(ContentType.JSON)
                .addHeader("Authorization", EDITOR).build();
    }
}
