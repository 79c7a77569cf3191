package org.conflictledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The bench's command line. Every option has a default that gives a quick run (a few minutes) on a fresh clone. */
final class Options {
    static final Set<String> SECTIONS = Set.of("writes", "reads", "exports", "propagation", "replay", "history");

    /** The project's root (where the packaged jars are); defaults to the folder above {@code bench/target}. */
    Path root;
    /** The gateway of a suite already running; {@code null}: the bench starts its own suite. */
    String baseUrl;
    String actorsUrl;
    String eventsUrl;
    /** Bearer tokens (without "Bearer ") for a running suite; for its own suite the bench mints them. */
    String token;
    String adminToken;
    /** Kafka bootstrap servers of a running suite (the propagation's plain consumer); none: that part is skipped. */
    String kafka;
    /** Process ids of a running suite's processes, by name, for their resident memory. */
    final Map<String, Long> pids = new LinkedHashMap<>();

    List<Integer> clients = List.of(1, 8, 32, 64);
    Duration step = Duration.ofSeconds(5);
    Duration warmup = Duration.ofSeconds(1);
    /** Not-counted traffic of every kind before the first measured step. */
    Duration warm = Duration.ofSeconds(10);
    /** Offered rates (requests per second, all clients together) of the open-loop steps. */
    double writeRate = 1100;
    double halfWriteRate = 500;
    double recordRate = 5500;
    double listRate = 2200;
    double csvRate = 200;
    int csvLimit = 500;
    /** Events in the generated store (loaded through the CSV import before the reads). */
    int store = 5_000;
    int importBatch = 1_000;
    int importParallel = 4;
    long seed = 13;
    List<Integer> history = List.of(10, 1_000);
    Set<String> sections = new LinkedHashSet<>(List.of("writes", "reads", "exports", "propagation", "replay", "history"));
    Path out;
    /** Own suite: keep the data folder (printed) instead of deleting it. */
    boolean keep;
    /** Own suite: record a JFR profile of every process into this folder. */
    Path jfr;
    String serviceHeap = "256m";

    static Options parse(String[] args) {
        Options o = new Options();
        List<String> a = new ArrayList<>(List.of(args));
        for (int i = 0; i < a.size(); i++) {
            String option = a.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                throw new Usage(null);
            }
            if (option.equals("--keep")) {
                o.keep = true;
                continue;
            }
            if (i + 1 >= a.size()) {
                throw new Usage(option + " needs a value");
            }
            String v = a.get(++i);
            switch (option) {
                case "--root" -> o.root = Path.of(v);
                case "--base-url" -> o.baseUrl = trimSlash(v);
                case "--actors-url" -> o.actorsUrl = trimSlash(v);
                case "--events-url" -> o.eventsUrl = trimSlash(v);
                case "--token" -> o.token = v;
                case "--admin-token" -> o.adminToken = v;
                case "--kafka" -> o.kafka = v;
                case "--pid" -> {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new Usage("--pid takes NAME=PID");
                    }
                    o.pids.put(v.substring(0, eq), Long.parseLong(v.substring(eq + 1)));
                }
                case "--clients" -> o.clients = ints(option, v);
                case "--step" -> o.step = duration(option, v);
                case "--warmup" -> o.warmup = duration(option, v);
                case "--warm" -> o.warm = duration(option, v);
                case "--write-rate" -> o.writeRate = positive(option, v);
                case "--half-write-rate" -> o.halfWriteRate = positive(option, v);
                case "--record-rate" -> o.recordRate = positive(option, v);
                case "--list-rate" -> o.listRate = positive(option, v);
                case "--csv-rate" -> o.csvRate = positive(option, v);
                case "--csv-limit" -> o.csvLimit = (int) positive(option, v);
                case "--store" -> o.store = Integer.parseInt(v.replace("_", "").replace(",", ""));
                case "--import-batch" -> o.importBatch = (int) positive(option, v);
                case "--import-parallel" -> o.importParallel = (int) positive(option, v);
                case "--seed" -> o.seed = Long.parseLong(v);
                case "--history" -> o.history = v.equals("none") ? List.of() : ints(option, v);
                case "--only" -> o.sections = sections(v);
                case "--skip" -> o.sections.removeAll(sections(v));
                case "--out" -> o.out = Path.of(v);
                case "--jfr" -> o.jfr = Path.of(v);
                case "--service-heap" -> o.serviceHeap = v;
                default -> throw new Usage("unknown option " + option);
            }
        }
        if (o.baseUrl == null && (o.token != null || o.actorsUrl != null || o.eventsUrl != null)) {
            throw new Usage("--token, --actors-url and --events-url go with --base-url (a suite already running)");
        }
        if (o.baseUrl != null && o.token == null) {
            throw new Usage("--base-url needs --token (an editor's bearer token, e.g. from ./ledger token)");
        }
        if (o.warmup.compareTo(o.step) >= 0) {
            throw new Usage("--warmup must be shorter than --step");
        }
        return o;
    }

    boolean ownSuite() {
        return baseUrl == null;
    }

    boolean runs(String section) {
        return sections.contains(section);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Set<String> sections(String v) {
        Set<String> s = new LinkedHashSet<>();
        for (String part : v.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (!SECTIONS.contains(name)) {
                throw new Usage("unknown section " + name + " (" + String.join(", ", SECTIONS) + ")");
            }
            s.add(name);
        }
        return s;
    }

    private static List<Integer> ints(String option, String v) {
        List<Integer> list = new ArrayList<>();
        for (String part : v.split(",")) {
            try {
                int n = Integer.parseInt(part.strip().replace("_", "").toLowerCase(Locale.ROOT).replace("k", "000"));
                if (n <= 0) {
                    throw new NumberFormatException();
                }
                list.add(n);
            } catch (NumberFormatException e) {
                throw new Usage(option + " takes positive whole numbers separated by commas, e.g. 1,8,32,64");
            }
        }
        return List.copyOf(list);
    }

    private static double positive(String option, String v) {
        try {
            double d = Double.parseDouble(v.replace("_", ""));
            if (d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Usage(option + " takes a positive number");
    }

    static Duration duration(String option, String v) {
        try {
            String text = v.strip().toLowerCase(Locale.ROOT);
            Duration d = text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                    : Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
            if (!d.isNegative()) {
                return d;
            }
        } catch (RuntimeException e) {
            // below
        }
        throw new Usage(option + " takes a duration such as 5s, 500ms or 1m");
    }

    static String usage() {
        return """
                Usage: ./ledger bench [options]     (or: java -jar bench/target/bench.jar [options])

                Starts the suite (Kafka broker, actors-, events-, agreements-service, gateway; H2 in a temporary folder;
                token checks on, the gateway's rate limit off) and measures it, or measures one already running.
                Prints a table with each figure beside its target (issue #13) and writes the same figures as JSON.

                Suite already running (e.g. ./ledger up; its rate limit of 50/s per client applies):
                  --base-url URL        the gateway, e.g. http://localhost:8080
                  --token TOKEN         an editor's token (./ledger token editor); --admin-token for the replay
                  --actors-url URL      actors-service straight (the direct steps; without it they are skipped)
                  --events-url URL      events-service straight
                  --kafka HOST:PORT     the broker, for the plain Kafka consumer of the propagation
                  --pid NAME=PID        a process whose resident memory to report (repeatable)
                What and how long:
                  --only LIST | --skip LIST   sections: writes, reads, exports, propagation, replay,
                                        history
                  --clients 1,8,32,64   concurrent clients (connections) of each step
                  --step 5s             length of one step; --warmup 1s of it is not counted
                  --warm 10s            before the first step, each kind of request for this long, not counted
                  --write-rate 1100     offered creates/corrections per second (all clients), and
                  --half-write-rate 500 the rate of the latency steps (target: p99 < 50 ms there)
                  --record-rate 5500 --list-rate 2200 --csv-rate 200 --csv-limit 500
                  --store 5000          events in the generated store (100000 is the issue's size; loading takes a while)
                  --import-batch 1000   rows per CSV import request (at most 10000; above 1000 the import is a
                                        background job, and events-service runs those one at a time)
                  --import-parallel 4   import requests at a time
                  --history 10,1000     one record's history lengths to time (none to skip; 10000 takes minutes)
                  --seed 13             the generator's seed
                Output and profiling:
                  --out FILE            JSON results (default bench/target/bench-results.json)
                  --jfr DIR             record a JFR profile of each process of the bench's own suite into DIR
                  --service-heap 256m   -Xmx of each service and the gateway (as ./ledger up)
                  --keep                keep the own suite's data folder""";
    }

    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }
}
