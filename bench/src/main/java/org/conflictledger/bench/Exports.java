package org.conflictledger.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The exports section: whole-store downloads of the events, one at a time, straight and through the gateway, each as
 * of one instant taken after the store was loaded (so both paths must give the same bytes). An export is prepared
 * whole before its first byte (its hash goes in the headers), so the time to the first byte is what the gateway's
 * request timeout applies to. While an export runs, the resident memory of events-service and of the gateway is
 * sampled every 100 ms: a streamed export keeps both flat whatever its row count, which the one-theater export (a
 * few thousand rows) beside the whole store shows.
 */
final class Exports {
    /** The gateway's default {@code GATEWAY_REQUEST_TIMEOUT}: a service silent for longer is answered 504. */
    private static final double GATEWAY_SILENCE_SECONDS = 30;

    private record Export(String name, String path, String query) {
    }

    /** One download: status, seconds to the headers (the preparation) and to the last byte, size, rows, hashes. */
    private record Download(int status, double firstByteSeconds, double totalSeconds, long bytes, long lines,
                            String announcedHash, String bodyHash, Map<String, Double> rssGrowthMiB,
                            Map<String, Double> rssPeakMiB, String problem) {
        boolean ok() {
            return status == 200;
        }
    }

    private final HttpClient http;
    private final Suite suite;
    private final Report report;
    private final String smallTheater;

    Exports(HttpClient http, Suite suite, Report report, String smallTheater) {
        this.http = http;
        this.suite = suite;
        this.report = report;
        this.smallTheater = smallTheater;
    }

    void run() throws Exception {
        String asOf = URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8);
        Bench.say("Exports: whole-store downloads of the events as of " + Instant.now() + ", one at a time");
        List<Export> exports = List.of(
                new Export("UCDP GED CSV, whole store", "/api/v1/events/exports/ucdp-ged", "asOf=" + asOf),
                new Export("canonical JSON Lines, whole store", "/api/v1/events/exports/canonical", "asOf=" + asOf),
                new Export("UCDP GED CSV, theater " + smallTheater, "/api/v1/events/exports/ucdp-ged",
                        "theater=" + smallTheater + "&asOf=" + asOf));
        List<String[]> paths = new ArrayList<>();
        if (suite.events != null) {
            paths.add(new String[]{"direct", suite.events});
        }
        paths.add(new String[]{"gateway", suite.gateway});
        ObjectNode section = report.section("exports");
        for (Export export : exports) {
            String directHash = null;
            for (String[] path : paths) {
                Download d = download(path[1] + export.path() + "?" + export.query());
                ObjectNode n = section.with(export.name()).with(path[0]);
                n.put("status", d.status());
                Report.put(n, "firstByteSeconds", d.firstByteSeconds());
                Report.put(n, "totalSeconds", d.totalSeconds());
                n.put("bytes", d.bytes());
                n.put("lines", d.lines());
                if (d.announcedHash() != null) {
                    n.put("contentHash", d.announcedHash());
                }
                n.set("rssGrowthMiB", Report.JSON.valueToTree(d.rssGrowthMiB()));
                n.set("rssPeakMiB", Report.JSON.valueToTree(d.rssPeakMiB()));
                if (d.problem() != null) {
                    n.put("problem", d.problem());
                }
                boolean hashChecks = d.ok() && d.bodyHash().equals(d.announcedHash());
                boolean sameAsDirect = directHash == null || directHash.equals(d.announcedHash());
                if (path[0].equals("direct") && d.ok()) {
                    directHash = d.announcedHash();
                }
                boolean gateway = path[0].equals("gateway");
                String note = d.ok()
                        ? String.format(Locale.ROOT, "%,d lines, %.1f MB, first byte %.1f s; RSS growth %s; hash %s%s",
                        d.lines(), d.bytes() / 1e6, d.firstByteSeconds(), growth(d.rssGrowthMiB()),
                        hashChecks ? "matches the body" : "DIFFERS from the body",
                        gateway && paths.size() > 1 ? (sameAsDirect ? ", same as direct" : ", DIFFERS from direct") : "")
                        : "answered " + d.status() + " after " + String.format(Locale.ROOT, "%.1f s", d.totalSeconds())
                        + (d.problem() == null ? "" : ": " + d.problem());
                double rowsPerSecond = d.ok() ? d.lines() / d.totalSeconds() : Double.NaN;
                report.add(new Report.Row("exports", export.name(), path[0], 1, Double.NaN, rowsPerSecond,
                        d.totalSeconds() * 1000, Double.NaN, Double.NaN, Double.NaN, d.ok() ? 0 : 1, Double.NaN,
                        gateway ? "first byte < 30 s" : null,
                        gateway ? d.ok() && d.firstByteSeconds() < GATEWAY_SILENCE_SECONDS : null, note));
                Bench.say(String.format(Locale.ROOT, "  %-40s %-7s %s", export.name(), path[0], note));
            }
        }
    }

    private static String growth(Map<String, Double> growth) {
        StringBuilder s = new StringBuilder();
        growth.forEach((name, mib) -> s.append(s.isEmpty() ? "" : ", ").append(name)
                .append(String.format(Locale.ROOT, " %+.0f MiB", mib)));
        return s.toString();
    }

    private Download download(String url) throws Exception {
        Map<String, Long> watched = new LinkedHashMap<>();
        for (String name : List.of("events-service", "gateway")) {
            Long pid = suite.pids.get(name);
            if (pid != null) {
                watched.put(name, pid);
            }
        }
        Map<String, Double> before = new LinkedHashMap<>();
        Map<String, Double> peak = new java.util.concurrent.ConcurrentHashMap<>();
        watched.forEach((name, pid) -> before.put(name, Procs.rssMiB(pid)));
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> watched.forEach((name, pid) -> {
            double rss = Procs.rssMiB(pid);
            if (rss > 0) {
                peak.merge(name, rss, Math::max);
            }
        }), 0, 100, TimeUnit.MILLISECONDS);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(15))
                    .header("Authorization", "Bearer " + suite.editor).GET().build();
            long t0 = System.nanoTime();
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            double firstByte = (System.nanoTime() - t0) / 1e9;
            MessageDigest sha256 = sha256();
            long bytes = 0;
            long lines = 0;
            StringBuilder problem = new StringBuilder();
            try (InputStream body = r.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = body.read(buffer)) > 0; ) {
                    sha256.update(buffer, 0, n);
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    if (r.statusCode() != 200 && problem.length() < 400) {
                        problem.append(new String(buffer, 0, Math.min(n, 400), StandardCharsets.UTF_8));
                    }
                }
            }
            double total = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> growth = new LinkedHashMap<>();
            Map<String, Double> peaks = new LinkedHashMap<>();
            watched.keySet().forEach(name -> {
                double p = Math.max(peak.getOrDefault(name, -1.0), Procs.rssMiB(watched.get(name)));
                peaks.put(name, Math.round(p * 10) / 10.0);
                growth.put(name, Math.round((p - before.get(name)) * 10) / 10.0);
            });
            String announced = r.headers().firstValue("Ledger-Content-Hash").orElse(null);
            return new Download(r.statusCode(), firstByte, total, bytes, lines, announced,
                    "sha256:" + HexFormat.of().formatHex(sha256.digest()), growth, peaks,
                    problem.isEmpty() ? null : problem.toString().strip());
        } finally {
            sampler.shutdownNow();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Cuts a release (own suite only: a release can never be removed), timing the three collections' hashes. */
    void cutRelease(String admin, String runId) throws IOException, InterruptedException {
        String name = "bench-" + runId;
        String body = "{\"name\":\"" + name + "\",\"freezesAt\":\"" + Instant.now().minusSeconds(1)
                + "\",\"note\":\"Conflict Ledger bench: the time to cut a release of the generated store\"}";
        Bench.say("Release: cutting " + name + " through the gateway (the canonical export's hash of each collection)");
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(suite.gateway + "/api/v1/releases"))
                .timeout(Duration.ofMinutes(15)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        ObjectNode n = report.section("exports").with("release cut");
        n.put("status", r.statusCode());
        Report.put(n, "seconds", seconds);
        long events = -1;
        if (r.statusCode() / 100 == 2) {
            events = Report.JSON.readTree(r.body()).path("collections").path("events").path("records").asLong(-1);
            n.put("eventRecords", events);
        } else {
            n.put("problem", r.body());
        }
        String note = r.statusCode() / 100 == 2
                ? String.format(Locale.ROOT, "%,d events hashed with the actors and agreements", events)
                : "answered " + r.statusCode() + ": " + r.body();
        report.add(new Report.Row("exports", "POST /releases (cut: hash every collection)", "gateway", 1, Double.NaN,
                Double.NaN, seconds * 1000, Double.NaN, Double.NaN, Double.NaN, r.statusCode() / 100 == 2 ? 0 : 1,
                Double.NaN, null, null, note));
        Bench.say(String.format(Locale.ROOT, "  %s in %.1f s", note, seconds));
    }
}
