package org.conflictledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import org.conflictledger.devstack.process.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of issue #13: {@code ./ledger bench}. Starts the suite (or uses one already running), loads a
 * generated store, then measures writes, reads, propagation, replay, one record's history and the processes'
 * start-up and memory, and prints each figure beside its target. See {@code bench/README.md}.
 */
public final class Bench {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String EVENTS_TOPIC = "ledger.events.v1";
    private static final long STARTED = System.nanoTime();

    private final Options o;
    private final Path root;
    private final Report report = new Report();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final EventGenerator generator;
    private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final AtomicLong correlation = new AtomicLong();
    private final Map<String, Double> peakRss = new ConcurrentHashMap<>();
    private final List<String> eventIds = new CopyOnWriteArrayList<>();
    private Suite suite;
    private long storedEvents;
    private long writesAcknowledged;

    private Bench(Options o, Path root) {
        this.o = o;
        this.root = root;
        this.generator = new EventGenerator(o.seed);
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.Usage usage) {
            if (usage.getMessage() != null) {
                System.err.println("bench: " + usage.getMessage());
            }
            System.out.println(Options.usage());
            System.exit(usage.getMessage() == null ? 0 : 64);
            return;
        }
        Path root = options.root != null ? options.root : defaultRoot();
        if (options.out == null) {
            options.out = root.resolve("bench/target/bench-results.json");
        }
        Bench bench = new Bench(options, root);
        int exit = 0;
        try {
            bench.run(args);
        } catch (Exception e) {
            System.err.println("bench: " + e);
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    static void say(String line) {
        System.out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
        System.out.flush();
    }

    private void run(String[] args) throws Exception {
        ObjectNode run = Report.JSON.createObjectNode();
        run.put("startedAt", Instant.now().toString());
        run.put("command", "./ledger bench " + String.join(" ", args));
        run.set("machine", machine());
        run.set("options", Report.JSON.valueToTree(optionsMap()));
        suite = o.ownSuite() ? Suite.start(o, root) : Suite.external(o);
        // Stopped from outside (SIGTERM, Ctrl-C): stop the suite and keep what was measured so far.
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        Thread onSignal = new Thread(() -> {
            if (finished.compareAndSet(false, true)) {
                say("Stopped from outside: stopping the suite and writing what was measured so far");
                suite.close();
                run.put("interrupted", true);
                report.print(System.out);
                try {
                    report.writeJson(o.out, run);
                } catch (IOException e) {
                    System.err.println("bench: " + e);
                }
            }
        }, "bench-stopped");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            startupRows();
            Thread.sleep(5_000); // let the processes settle (JIT, first GCs) before "at rest"
            memoryRows("at rest");
            setUpActors();
            loadStore();
            if (o.runs("writes")) {
                warmUp(true);
                writes();
            }
            if (o.runs("reads")) {
                warmUp(false);
                reads();
            }
            if (o.runs("exports")) {
                exports();
            }
            memoryRows("after load");
            peakRows();
            if (o.runs("replay")) {
                replay();
            }
            if (o.runs("history")) {
                history();
            }
        } finally {
            if (!finished.compareAndSet(false, true)) {
                return; // the shutdown hook has it
            }
            run.put("seconds", Math.round((System.nanoTime() - STARTED) / 1e8) / 10.0);
            say("Stopping the suite");
            suite.close();
            System.out.println();
            report.print(System.out);
            report.writeJson(o.out, run);
            System.out.println();
            say("Results written to " + o.out + " (run took " + Math.round((System.nanoTime() - STARTED) / 1e9) + " s)");
        }
    }

    // ---- start-up and memory

    private void startupRows() {
        ObjectNode section = report.section("startup");
        suite.startup.forEach((name, seconds) -> {
            section.put(name, Math.round(seconds * 100) / 100.0);
            boolean service = !name.equals("kafka");
            report.add(new Report.Row("startup", "to ready: " + name, null, null, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1, Double.NaN,
                    service ? "< 5 s" : null, service ? seconds < 5 : null,
                    String.format(Locale.ROOT, "%.1f s", seconds)));
        });
    }

    private void memoryRows(String when) {
        ObjectNode section = report.section("memory").with(when.replace(' ', '-'));
        for (Map.Entry<String, Long> p : suite.pids.entrySet()) {
            double rss = Procs.rssMiB(p.getValue());
            if (rss < 0) {
                continue;
            }
            section.put(p.getKey() + "RssMiB", Math.round(rss * 10) / 10.0);
            boolean atRest = when.equals("at rest") && !p.getKey().equals("kafka");
            report.add(new Report.Row("memory", "RSS " + when + ": " + p.getKey(), null, null, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1, Double.NaN,
                    atRest ? "< 300 MB" : null, atRest ? rss * 1.048576 < 300 : null,
                    String.format(Locale.ROOT, "%.0f MiB", rss)));
        }
    }

    private void samplePeakRss() {
        suite.pids.forEach((name, pid) -> {
            double rss = Procs.rssMiB(pid);
            if (rss > 0) {
                peakRss.merge(name, rss, Math::max);
            }
        });
    }

    private void peakRows() {
        ObjectNode section = report.section("memory").with("peak-sampled");
        peakRss.forEach((name, rss) -> {
            section.put(name + "RssMiB", Math.round(rss * 10) / 10.0);
            report.add(new Report.Row("memory", "RSS peak: " + name, null, null, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1, Double.NaN, null, null,
                    String.format(Locale.ROOT, "%.0f MiB", rss)));
        });
    }

    // ---- set-up: actors and the generated store

    private String actorsApi() {
        return suite.actors != null ? suite.actors : suite.gateway;
    }

    private String eventsApi() {
        return suite.events != null ? suite.events : suite.gateway;
    }

    private void setUpActors() throws Exception {
        List<EventGenerator.Actor> actors = generator.actors();
        say("Registering the " + actors.size() + " actors the generated events name (" + actorsApi() + ")");
        int created = 0;
        for (EventGenerator.Actor a : actors) {
            String body = "{\"key\":\"" + a.key() + "\",\"name\":" + EventGenerator.quote(a.name()) + ",\"kind\":\""
                    + a.kind() + "\"" + (a.country() == null ? "" : ",\"country\":\"" + a.country() + "\"")
                    + ",\"reason\":\"bench set-up\",\"sources\":[{\"title\":\"Conflict Ledger bench\"}]}";
            HttpResponse<String> r = send("POST", actorsApi() + "/api/v1/actors", suite.editor, body, "application/json");
            if (r.statusCode() == 201) {
                created++;
            } else if (r.statusCode() != 409) {
                throw new IllegalStateException("registering " + a.key() + ": " + r.statusCode() + " " + r.body());
            }
        }
        String last = actors.get(actors.size() - 1).key();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (send("GET", eventsApi() + "/api/v1/events?limit=1&actor=" + last, suite.editor, null, null).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("events-service does not know actor " + last + " after 120 s");
            }
            Thread.sleep(250);
        }
        say("  " + created + " registered, " + (actors.size() - created) + " there already; events-service knows them");
    }

    private void loadStore() throws Exception {
        ObjectNode section = report.section("store");
        section.put("events", o.store);
        section.put("seed", o.seed);
        if (o.store == 0) {
            return;
        }
        String lastId = generator.event(o.store - 1).acledEventId();
        JsonNode present = json(send("GET", eventsApi() + "/api/v1/events?limit=1&acledEventId=" + lastId, suite.editor,
                null, null));
        if (present.path("items").size() > 0) {
            say("The store already holds the " + o.store + " generated events of seed " + o.seed);
            section.put("loadedBefore", true);
            storedEvents = o.store;
            collectEventIds();
            return;
        }
        say("Loading " + String.format(Locale.ROOT, "%,d", o.store) + " generated ACLED-shaped events through "
                + eventsApi() + "/api/v1/events/import, " + o.importBatch + " rows a request, " + o.importParallel
                + " requests at a time");
        long t0 = System.nanoTime();
        AtomicLong acceptedRows = new AtomicLong();
        AtomicLong presentCount = new AtomicLong();
        AtomicLong rejectedRows = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong nextBatch = new AtomicLong();
        ExecutorService importers = Executors.newFixedThreadPool(o.importParallel);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < o.importParallel; w++) {
                workers.add(importers.submit(() -> {
                    for (long from = nextBatch.getAndAdd(o.importBatch); from < o.store; from = nextBatch.getAndAdd(o.importBatch)) {
                        long to = Math.min(o.store, from + o.importBatch);
                        StringBuilder csv = new StringBuilder(EventGenerator.csvHeader());
                        for (long i = from; i < to; i++) {
                            csv.append(EventGenerator.csvRow(generator.event(i)));
                        }
                        JsonNode rep = importCsv(csv.toString()).path("report");
                        acceptedRows.addAndGet(rep.path("accepted").asLong());
                        presentCount.addAndGet(rep.path("present").asLong());
                        if (rep.path("rejected").size() > 0 && rejectedRows.getAndAdd(rep.path("rejected").size()) == 0) {
                            say("  rejected rows, e.g. " + rep.path("rejected").get(0));
                        }
                        for (JsonNode id : rep.path("created")) {
                            if (eventIds.size() < 5_000) {
                                eventIds.add(id.asText());
                            }
                        }
                        long total = done.addAndGet(to - from);
                        double elapsed = (System.nanoTime() - t0) / 1e9;
                        say(String.format(Locale.ROOT, "  %,d of %,d rows in %.0f s (%.0f rows/s)", total, o.store,
                                elapsed, total / elapsed));
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            importers.shutdownNow();
        }
        long accepted = acceptedRows.get();
        long presentRows = presentCount.get();
        long rejected = rejectedRows.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        storedEvents = accepted + presentRows;
        section.put("loadSeconds", Math.round(seconds * 10) / 10.0);
        section.put("accepted", accepted);
        section.put("present", presentRows);
        section.put("rejected", rejected);
        section.put("rowsPerRequest", o.importBatch);
        section.put("requestsAtATime", o.importParallel);
        report.add(new Report.Row("store", "CSV import of the generated store", "direct", null, Double.NaN,
                accepted / seconds, Double.NaN, Double.NaN, Double.NaN, Double.NaN, rejected, Double.NaN, null, null,
                String.format(Locale.ROOT, "%,d events in %.0f s", accepted, seconds)));
        if (eventIds.isEmpty()) {
            collectEventIds();
        }
        awaitTopic();
    }

    /** Sends one CSV file to the import; a background job (a file of more than 1,000 rows) is polled to its end. */
    private JsonNode importCsv(String csv) throws Exception {
        // Up to 1,000 rows the import answers when done, in the request's thread, so requests run side by side;
        // a larger file becomes a background job, and events-service runs its jobs one at a time.
        HttpRequest request = HttpRequest.newBuilder(URI.create(eventsApi() + "/api/v1/events/import?reason=bench%20store"))
                .timeout(Duration.ofMinutes(30)).header("Authorization", "Bearer " + suite.editor)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
            return Report.JSON.createObjectNode().set("report", Report.JSON.readTree(r.body()));
        }
        if (r.statusCode() != 202) {
            throw new IllegalStateException("import: " + r.statusCode() + " " + r.body());
        }
        String location = r.headers().firstValue("Location").orElseThrow();
        String base = eventsApi();
        while (true) {
            Thread.sleep(500);
            JsonNode job = json(send("GET", URI.create(base + "/").resolve(location).toString(), suite.editor, null, null));
            String state = job.path("state").asText();
            if (state.equals("DONE")) {
                return job;
            }
            if (!state.equals("RUNNING")) {
                throw new IllegalStateException("import job " + state + ": " + job);
            }
        }
    }

    /** Some event ids of the store, for the corrections. */
    private void collectEventIds() throws Exception {
        for (String theater : generator.theaterNames()) {
            JsonNode page = json(send("GET", eventsApi() + "/api/v1/events?limit=500&theater=" + theater, suite.editor,
                    null, null));
            page.path("items").forEach(item -> eventIds.add(item.path("id").asText()));
        }
    }

    /** Waits until the topic holds the stored events, so that the outbox's backlog does not weigh on the steps. */
    private void awaitTopic() throws Exception {
        if (suite.kafka == null) {
            return;
        }
        long t0 = System.nanoTime();
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", suite.kafka))) {
            long last = -1;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (System.nanoTime() < deadline) {
                var partitions = admin.describeTopics(List.of(EVENTS_TOPIC)).allTopicNames().get().get(EVENTS_TOPIC)
                        .partitions().stream().collect(java.util.stream.Collectors.toMap(
                                p -> new org.apache.kafka.common.TopicPartition(EVENTS_TOPIC, p.partition()),
                                p -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
                long end = admin.listOffsets(partitions).all().get().values().stream()
                        .mapToLong(org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
                // Offsets count transaction markers too, so the end passes the number of events once all are there.
                if (end >= storedEvents) {
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    report.section("store").put("outboxCatchUpSeconds", Math.round(seconds * 10) / 10.0);
                    say(String.format(Locale.ROOT, "  %s holds them (waited %.1f s for the outbox)", EVENTS_TOPIC, seconds));
                    return;
                }
                if (end != last) {
                    last = end;
                }
                Thread.sleep(1000);
            }
            say("  the topic did not catch up with the store within 30 minutes");
        }
    }

    // ---- warm-up

    /**
     * Every kind of request of the section about to be measured, on both paths, at 8 clients: a service that has
     * just started runs interpreted code, and the first pass would measure its JIT compiler. The writes are warmed
     * up just before the writes and the reads just before the reads, so that a slow read (a list that times out on
     * a large store keeps its query running in events-service after the client gave up) weighs on reads only.
     * These steps are in the JSON (section warm-up), not in the table.
     */
    private void warmUp(boolean writes) throws Exception {
        if (o.warm.isZero()) {
            return;
        }
        say("Warm-up: " + o.warm.toSeconds() + " s of each kind of " + (writes ? "write" : "read")
                + " at 8 clients, not counted");
        Duration saved = o.step;
        Duration savedWarmup = o.warmup;
        o.step = o.warm;
        o.warmup = Duration.ZERO;
        try {
            if (writes) {
                if (eventIds.isEmpty()) {
                    createSome();
                }
                for (String[] path : paths(suite.events)) {
                    writeStep("create", path, 8, 200, null, "warm-up");
                    writeStep("correct", path, 8, 200, null, "warm-up");
                }
            } else {
                readSteps("warm-up", List.of(8), o.recordRate / 2, o.listRate / 2, o.csvRate / 2);
            }
        } finally {
            o.step = saved;
            o.warmup = savedWarmup;
        }
    }

    private void createSome() throws Exception {
        say("  no stored event to correct yet: creating 50 first");
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r = send("POST", eventsApi() + "/api/v1/events", suite.editor,
                    EventGenerator.json(generator.event(10_000_000L + i), "bench"), "application/json");
            Matcher m = ID.matcher(r.body());
            if (m.find()) {
                eventIds.add(m.group(1));
            }
        }
    }

    // ---- writes and propagation

    private void writes() throws Exception {
        Propagation propagation = null;
        if (o.runs("propagation")) {
            say("Propagation: an SSE client of " + suite.gateway + "/api/v1/stream"
                    + (suite.kafka != null ? " and a read_committed consumer of " + EVENTS_TOPIC : " (no --kafka: no consumer)"));
            HttpClient streamClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            propagation = Propagation.start(streamClient, suite.gateway, suite.editor, suite.kafka, EVENTS_TOPIC);
        }
        if (eventIds.isEmpty()) {
            createSome();
        }
        say("Writes: creates and corrections of events, straight to events-service and through the gateway");
        List<String[]> paths = paths(suite.events);
        // Three passes: offered above the target (does it keep up with 1,000/s?), at half the target (the p99
        // target's rate), and at half of what each step could do in the first two passes (the latency of a suite
        // that is busy but keeps up: below capacity an open loop measures service time plus queueing, above it
        // only how far behind the schedule the step ended).
        Map<String, Double> capacity = new LinkedHashMap<>();
        for (String group : List.of("full", "half", "sustainable")) {
            for (String op : List.of("create", "correct")) {
                for (int clients : o.clients) {
                    Map<String, OpenLoop.Step> byPath = new LinkedHashMap<>();
                    double shown = group.equals("full") ? o.writeRate : group.equals("half") ? o.halfWriteRate : Double.NaN;
                    for (String[] path : paths) {
                        String key = op + "/" + path[0] + "/" + clients;
                        double rate = group.equals("full") ? o.writeRate : group.equals("half") ? o.halfWriteRate
                                : Math.max(1, Math.round(capacity.getOrDefault(key, 2.0) / 2));
                        OpenLoop.Step step = writeStep(op, path, clients, rate, propagation, group);
                        if (!group.equals("sustainable")) {
                            capacity.merge(key, step.throughput(), Math::max);
                        }
                        byPath.put(path[0], step);
                    }
                    String what = op + (op.equals("create") ? " POST /events" : " POST /events/{id}/corrections");
                    switch (group) {
                        case "full" -> stepRows("writes", what, byPath, shown, "≥ 1,000/s", s -> s.throughput() >= 1000);
                        case "half" -> stepRows("writes", what, byPath, shown, "p99 < 50 ms", s -> s.percentileMs(99) < 50);
                        default -> stepRows("writes", what + " @½cap", byPath, Double.NaN, null, null);
                    }
                }
            }
        }
        if (propagation != null) {
            say("  waiting for the last writes on the stream and the topic");
            propagation.awaitAll(Duration.ofSeconds(30));
            propagation.close();
            ObjectNode section = report.section("propagation");
            for (String group : List.of("sustainable", "half", "full")) {
                double rate = group.equals("full") ? o.writeRate : group.equals("half") ? o.halfWriteRate : Double.NaN;
                for (boolean onStream : new boolean[]{true, false}) {
                    if (!onStream && !propagation.kafkaWatched()) {
                        continue;
                    }
                    Propagation.Result r = propagation.result(group, onStream);
                    String what = (onStream ? "2xx -> SSE client (gateway)" : "2xx -> Kafka consumer")
                            + (group.equals("sustainable") ? " @½cap" : "");
                    ObjectNode n = section.with(group + "-" + (onStream ? "sse" : "kafka"));
                    Report.put(n, "offeredPerSecond", rate);
                    n.put("writes", r.writes());
                    n.put("missing", r.missing());
                    n.put("seenBeforeThe2xx", r.beforeAck());
                    Report.put(n, "p50Ms", r.ms(50));
                    Report.put(n, "p99Ms", r.ms(99));
                    Report.put(n, "maxMs", r.maxMs());
                    report.add(new Report.Row("propagation", what, "both", null, rate, Double.NaN, r.ms(50),
                            r.ms(95), r.ms(99), r.maxMs(), r.missing(), Double.NaN, "p99 < 250 ms",
                            r.delays().getTotalCount() == 0 ? null : r.ms(99) < 250,
                            String.format(Locale.ROOT, "%,d writes, %,d seen before the 2xx", r.writes(), r.beforeAck())));
                }
            }
            if (propagation.sseProblem() != null) {
                section.put("sseProblem", propagation.sseProblem());
            }
        }
    }

    private OpenLoop.Step writeStep(String op, String[] path, int clients, double rate, Propagation propagation,
                                    String group) throws Exception {
        String base = path[1];
        SplittableRandom random = new SplittableRandom(o.seed + clients * 31L + op.hashCode());
        List<String> ids = new ArrayList<>(eventIds);
        OpenLoop.Calls calls = n -> {
            String corr = "bench-" + runId + "-" + correlation.incrementAndGet();
            HttpRequest.Builder b;
            if (op.equals("create")) {
                EventGenerator.Event e;
                synchronized (random) {
                    e = generator.event(20_000_000L + random.nextInt(1_000_000));
                }
                b = HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                        .POST(HttpRequest.BodyPublishers.ofString(EventGenerator.json(e, "bench create")));
            } else {
                String id;
                synchronized (random) {
                    id = ids.get(random.nextInt(ids.size()));
                }
                b = HttpRequest.newBuilder(URI.create(base + "/api/v1/events/" + id + "/corrections"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"notes\":\"Corrected by the bench (" + corr
                                + ").\",\"reason\":\"bench correction\"}"));
            }
            HttpRequest request = b.timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + suite.editor).header("X-Correlation-Id", corr).build();
            return new OpenLoop.Call(request, corr, op.equals("create"));
        };
        OpenLoop.Answers answers = (call, status, body, at) -> {
            if (status / 100 != 2) {
                return;
            }
            if (propagation != null) {
                propagation.acknowledged(call.correlationId(), at, group);
            }
            synchronized (this) {
                writesAcknowledged++;
            }
            if (body != null && eventIds.size() < 20_000) {
                Matcher m = ID.matcher(body);
                if (m.find()) {
                    eventIds.add(m.group(1));
                }
            }
        };
        return step(group.equals("warm-up") ? "warm-up" : "writes", op + " " + path[0], clients, rate, calls, answers);
    }

    // ---- reads

    private void reads() throws Exception {
        say("Reads: one actor, a filtered page of events, a CSV export page, straight and through the gateway");
        readSteps("reads", o.clients, o.recordRate, o.listRate, o.csvRate);
    }

    private void readSteps(String section, List<Integer> clientCounts, double recordRate, double listRate,
                           double csvRate) throws Exception {
        List<String> keys = generator.actors().stream().map(EventGenerator.Actor::key).toList();
        String[] readsOf = {"record", "list", "csv"};
        for (String what : readsOf) {
            List<String[]> paths = paths(what.equals("record") ? suite.actors : suite.events);
            double rate = switch (what) {
                case "record" -> recordRate;
                case "list" -> listRate;
                default -> csvRate;
            };
            for (int clients : clientCounts) {
                Map<String, OpenLoop.Step> byPath = new LinkedHashMap<>();
                for (String[] path : paths) {
                    SplittableRandom random = new SplittableRandom(o.seed + clients);
                    String base = path[1];
                    OpenLoop.Calls calls = n -> {
                        String uri;
                        String accept = "application/json";
                        synchronized (random) {
                            switch (what) {
                                case "record" -> uri = base + "/api/v1/actors/" + keys.get(EventGenerator.zipf(random, keys.size()));
                                case "list" -> uri = base + "/api/v1/events?theater=" + generator.theater(random) + "&limit=20";
                                default -> {
                                    uri = base + "/api/v1/events?theater=" + generator.theater(random) + "&limit=" + o.csvLimit;
                                    accept = "text/csv";
                                }
                            }
                        }
                        return new OpenLoop.Call(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                                .header("Accept", accept).header("Authorization", "Bearer " + suite.editor).GET().build(),
                                null, false);
                    };
                    byPath.put(path[0], step(section, what + " " + path[0], clients, rate, calls, OpenLoop.IGNORE));
                }
                if (!section.equals("reads")) {
                    continue;
                }
                switch (what) {
                    case "record" -> stepRows("reads", "GET /actors/{key}", byPath, rate, "≥ 5,000/s",
                            s -> s.throughput() >= 5000);
                    case "list" -> stepRows("reads", "GET /events?theater=…&limit=20", byPath, rate,
                            "≥ 2,000/s, p99 < 50 ms", s -> s.throughput() >= 2000 && s.percentileMs(99) < 50);
                    default -> stepRows("reads", "GET /events?theater=…&limit=" + o.csvLimit + " CSV", byPath, rate,
                            null, null);
                }
            }
        }
    }

    // ---- exports

    private void exports() throws Exception {
        Exports exports = new Exports(http, suite, report, generator.rarestTheater());
        exports.run();
        samplePeakRss();
        if (suite.own() && suite.admin != null) {
            exports.cutRelease(suite.admin, runId);
        } else {
            say("Release cut skipped: a release can never be removed, so the bench cuts one only in its own suite");
        }
    }

    // ---- replay

    private void replay() throws Exception {
        String admin = suite.admin;
        if (admin == null) {
            say("Replay skipped: no --admin-token");
            return;
        }
        say("Replay: rebuilding events-service's read model (" + eventsApi() + ")");
        long t0 = System.nanoTime();
        String rebuild = eventsApi() + "/api/v1/events/admin/read-model/rebuild";
        HttpResponse<String> r = send("POST", rebuild, admin, "", "application/json");
        // A rebuild that outlasts the service's wait answers 503 rebuild-not-finished; asked again while it replays, it
        // waits for the same replay (asked after it finished, it would start another: a few seconds' window at most
        // here, as the bench asks at once). The time counted is the whole rebuild's.
        for (int asked = 1; r.statusCode() == 503 && r.body().contains("rebuild-not-finished") && asked < 20; asked++) {
            say("  still replaying after " + Math.round((System.nanoTime() - t0) / 1e9) + " s; asking again");
            r = send("POST", rebuild, admin, "", "application/json");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 200) {
            say("  the rebuild answered " + r.statusCode() + ": " + r.body());
            report.section("replay").put("error", r.statusCode() + " " + r.body());
            return;
        }
        long records = Report.JSON.readTree(r.body()).path("events").asLong();
        // Domain events replayed: each record's report, plus every correction the bench acknowledged.
        long domainEvents = records + Math.max(0, writesAcknowledged - (records - storedEvents));
        ObjectNode section = report.section("replay");
        section.put("seconds", Math.round(seconds * 100) / 100.0);
        section.put("records", records);
        section.put("domainEventsEstimated", domainEvents);
        section.put("eventsPerSecond", Math.round(domainEvents / seconds));
        report.add(new Report.Row("replay", "events-service read-model rebuild", "direct", null, Double.NaN,
                domainEvents / seconds, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1, Double.NaN,
                "≥ 20,000 events/s", domainEvents / seconds >= 20_000,
                String.format(Locale.ROOT, "%,d events (%,d records) in %.1f s", domainEvents, records, seconds)));
        say(String.format(Locale.ROOT, "  %,d records, about %,d events, in %.1f s", records, domainEvents, seconds));
    }

    // ---- one record's history

    private void history() throws Exception {
        if (o.history.isEmpty()) {
            return;
        }
        if (!suite.own()) {
            say("History skipped: it starts actors-services of its own (needs the bench's own suite)");
            return;
        }
        say("History: one actor's load time as its history grows, on two more actors-services (snapshots every 50 events / never)");
        ObjectNode section = report.section("history");
        for (boolean snapshots : new boolean[]{true, false}) {
            String name = snapshots ? "actors-history-snapshots" : "actors-history-no-snapshots";
            Map<String, String> env = new LinkedHashMap<>();
            env.put("LEDGER_AXON_SNAPSHOT_THRESHOLD", snapshots ? "50" : Integer.toString(Integer.MAX_VALUE));
            env.put("LEDGER_OUTBOX_ENABLED", "false"); // its events are not the suite's: publish nothing
            ServiceProcess service = suite.extraActorsService(root, name, env);
            suite.pids.put(name, service.pid());
            try {
                String base = service.baseUri();
                String key = "HIST-" + (snapshots ? "S" : "N");
                HttpResponse<String> reg = send("POST", base + "/api/v1/actors", suite.editor,
                        "{\"key\":\"" + key + "\",\"name\":\"History 0\",\"kind\":\"ARMED_GROUP\",\"reason\":\"bench history\"}",
                        "application/json");
                if (reg.statusCode() != 201) {
                    throw new IllegalStateException("registering " + key + ": " + reg.statusCode() + " " + reg.body());
                }
                // Warm the new process up on another actor first, so the first length does not measure its JIT.
                String warmKey = key + "-WARM";
                send("POST", base + "/api/v1/actors", suite.editor, "{\"key\":\"" + warmKey
                        + "\",\"name\":\"Warm 0\",\"kind\":\"ARMED_GROUP\",\"reason\":\"bench history\"}", "application/json");
                AtomicLong warmEvents = new AtomicLong(1);
                grow(base, warmKey, warmEvents, 300);
                for (int i = 0; i < 100; i++) {
                    send("GET", base + "/api/v1/actors/" + warmKey, suite.editor, null, null);
                }
                AtomicLong events = new AtomicLong(1);
                Double first = null;
                for (int length : o.history) {
                    long t0 = System.nanoTime();
                    grow(base, key, events, length);
                    double growSeconds = (System.nanoTime() - t0) / 1e9;
                    Histogram rename = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
                    Histogram read = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
                    Histogram asOf = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
                    String now = URLEncoder.encode(Instant.now().plusSeconds(3600).toString(), StandardCharsets.UTF_8);
                    long atStart = events.get();
                    for (int i = 0; i < 20; i++) {
                        rename.recordValue(timed(() -> rename(base, key, events)));
                        read.recordValue(timed(() -> expect200(send("GET", base + "/api/v1/actors/" + key, suite.editor, null, null))));
                        if (i < 5) {
                            asOf.recordValue(timed(() -> expect200(send("GET", base + "/api/v1/actors/" + key + "?asOf=" + now,
                                    suite.editor, null, null))));
                        }
                    }
                    double p50 = rename.getValueAtPercentile(50) / 1000.0;
                    if (first == null) {
                        first = p50;
                    }
                    ObjectNode n = section.with(snapshots ? "snapshots" : "noSnapshots").with(Integer.toString(length));
                    n.put("eventsAtStart", atStart);
                    n.put("eventsAtEnd", events.get());
                    n.put("growSeconds", Math.round(growSeconds * 10) / 10.0);
                    Report.put(n, "renameP50Ms", p50);
                    Report.put(n, "renameP99Ms", rename.getValueAtPercentile(99) / 1000.0);
                    Report.put(n, "readP50Ms", read.getValueAtPercentile(50) / 1000.0);
                    Report.put(n, "asOfReadP50Ms", asOf.getValueAtPercentile(50) / 1000.0);
                    report.add(new Report.Row("history", String.format(Locale.ROOT, "rename, %,d events, %s", atStart,
                            snapshots ? "snapshots" : "no snapshots"),
                            "direct", 1, Double.NaN, Double.NaN, p50, rename.getValueAtPercentile(95) / 1000.0,
                            rename.getValueAtPercentile(99) / 1000.0, rename.getMaxValue() / 1000.0, -1, p50 / first,
                            "flat with history", p50 / first < 1.5,
                            String.format(Locale.ROOT, "GET p50 %.1f ms, GET ?asOf p50 %.1f ms; gw/dir column: p50 / first p50",
                                    read.getValueAtPercentile(50) / 1000.0, asOf.getValueAtPercentile(50) / 1000.0)));
                    say(String.format(Locale.ROOT, "  %s, %,d events: 20 renames p50 %.1f ms, GET p50 %.1f ms, GET ?asOf p50 %.1f ms (grown in %.0f s)",
                            snapshots ? "snapshots" : "no snapshots", atStart, p50, read.getValueAtPercentile(50) / 1000.0,
                            asOf.getValueAtPercentile(50) / 1000.0, growSeconds));
                }
            } finally {
                suite.stop(service);
                suite.pids.remove(name);
            }
        }
    }

    /** Renames until the actor's history has {@code length} events, four writers at a time. */
    private void grow(String base, String key, AtomicLong events, int length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(pool.submit(() -> {
                    while (events.get() < length) {
                        rename(base, key, events);
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void rename(String base, String key, AtomicLong events) throws Exception {
        long n = events.get();
        HttpResponse<String> r = send("POST", base + "/api/v1/actors/" + key + "/rename", suite.editor,
                "{\"name\":\"History " + n + "-" + Thread.currentThread().getId() + "\",\"reason\":\"bench history\"}",
                "application/json");
        if (r.statusCode() == 200) {
            events.incrementAndGet();
        } else if (r.statusCode() != 409 && r.statusCode() != 412) {
            throw new IllegalStateException("rename: " + r.statusCode() + " " + r.body());
        }
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static long timed(Timed action) throws Exception {
        long t0 = System.nanoTime();
        action.run();
        return (System.nanoTime() - t0) / 1000;
    }

    private static void expect200(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    // ---- steps and rows

    /** {"direct", url} when the service is reachable straight, then {"gateway", url}. */
    private List<String[]> paths(String direct) {
        List<String[]> paths = new ArrayList<>();
        if (direct != null) {
            paths.add(new String[]{"direct", direct});
        }
        paths.add(new String[]{"gateway", suite.gateway});
        return paths;
    }

    private OpenLoop.Step step(String section, String name, int clients, double rate, OpenLoop.Calls calls,
                               OpenLoop.Answers answers) throws Exception {
        Map<String, Double> cpuBefore = new LinkedHashMap<>();
        suite.pids.forEach((n, pid) -> cpuBefore.put(n, Procs.cpuSeconds(pid)));
        OpenLoop.Step s = OpenLoop.run(name, http, clients, rate, o.step, o.warmup, calls, answers);
        samplePeakRss();
        ArrayNode steps = report.list("steps");
        ObjectNode n = steps.addObject();
        n.put("section", section);
        n.put("step", name);
        n.put("clients", clients);
        n.put("offeredPerSecond", rate);
        n.put("seconds", s.seconds());
        n.put("warmupSeconds", s.warmupSeconds());
        n.put("sent", s.sent());
        n.put("unsentWhenTheWindowEnded", s.unsent());
        n.put("ok", s.ok());
        Report.put(n, "ratePerSecond", s.throughput());
        for (double p : new double[]{50, 90, 95, 99, 99.9}) {
            Report.put(n, "p" + (p == 99.9 ? "999" : Integer.toString((int) p)) + "Ms", s.percentileMs(p));
        }
        Report.put(n, "maxMs", s.maxMs());
        n.set("errors", Report.JSON.valueToTree(s.errors()));
        Report.put(n, "loadToolCpuSeconds", s.loadToolCpuSeconds());
        ObjectNode cpu = n.putObject("cpuSecondsByProcess");
        suite.pids.forEach((p, pid) -> {
            double after = Procs.cpuSeconds(pid);
            Double before = cpuBefore.get(p);
            if (after >= 0 && before != null && before >= 0) {
                Report.put(cpu, p, after - before);
            }
        });
        say(String.format(Locale.ROOT, "  %-26s %2d clients  offered %6.0f/s  got %7.1f/s  p50 %8.1f  p99 %8.1f  max %8.1f ms  errors %d%s",
                name, clients, rate, s.throughput(), s.percentileMs(50), s.percentileMs(99), s.maxMs(), s.errorCount(),
                s.errors().isEmpty() ? "" : " " + s.errors()));
        return s;
    }

    private void stepRows(String section, String what, Map<String, OpenLoop.Step> byPath, double rate, String target,
                          java.util.function.Predicate<OpenLoop.Step> met) {
        OpenLoop.Step direct = byPath.get("direct");
        for (Map.Entry<String, OpenLoop.Step> e : byPath.entrySet()) {
            OpenLoop.Step s = e.getValue();
            boolean gateway = e.getKey().equals("gateway");
            // At half of each path's own capacity the two paths are offered different rates: no ratio there.
            double ratio = gateway && direct != null && direct.throughput() > 0 && !what.endsWith("@½cap")
                    ? s.throughput() / direct.throughput() : Double.NaN;
            String t = gateway && target != null ? target + (Double.isNaN(ratio) ? "" : "; ≥ 0.75×") : null;
            Boolean ok = gateway && met != null ? met.test(s) && (Double.isNaN(ratio) || ratio >= 0.75) : null;
            report.add(new Report.Row(section, what, e.getKey(), s.clients(), s.offeredRate(), s.throughput(), s.percentileMs(50),
                    s.percentileMs(95), s.percentileMs(99), s.maxMs(), s.errorCount(), ratio, t, ok, null));
        }
    }

    // ---- plumbing

    private HttpResponse<String> send(String method, String url, String token, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.uri() + ": " + r.statusCode() + " " + r.body());
        }
        return Report.JSON.readTree(r.body());
    }

    private ObjectNode machine() {
        ObjectNode m = Report.JSON.createObjectNode();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    m.put("memTotalGiB", Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0 * 10) / 10.0);
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    m.put("cpu", line.substring(line.indexOf(':') + 1).strip());
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    private Map<String, Object> optionsMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suite", o.ownSuite() ? "own" : o.baseUrl);
        m.put("clients", o.clients);
        m.put("stepSeconds", o.step.toMillis() / 1000.0);
        m.put("warmupSeconds", o.warmup.toMillis() / 1000.0);
        m.put("writeRate", o.writeRate);
        m.put("halfWriteRate", o.halfWriteRate);
        m.put("recordRate", o.recordRate);
        m.put("listRate", o.listRate);
        m.put("csvRate", o.csvRate);
        m.put("csvLimit", o.csvLimit);
        m.put("store", o.store);
        m.put("history", o.history);
        m.put("sections", new ArrayList<>(o.sections));
        m.put("serviceHeap", o.serviceHeap);
        m.put("jfr", o.jfr == null ? null : o.jfr.toString());
        return m;
    }

    private static Path defaultRoot() {
        try {
            Path jar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <root>/bench/target/bench.jar or <root>/bench/target/classes
            Path candidate = jar.getParent().getParent().getParent();
            if (Files.isDirectory(candidate.resolve("events-service"))) {
                return candidate;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // below
        }
        return Path.of("").toAbsolutePath();
    }
}
