package org.conflictledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a run: one {@link Row} per line of the table, each beside its target from issue #13 (printed,
 * never asserted), and the same rows plus the details of every section as JSON.
 */
final class Report {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One figure. {@code rate} is per second (achieved), latencies in milliseconds; NaN where a column does not
     * apply. {@code met} is {@code null} when the row has no target.
     */
    record Row(String section, String what, String path, Integer clients, double offered, double rate, double p50,
               double p95, double p99, double max, long errors, double ratio, String target, Boolean met,
               String note) {
    }

    final List<Row> rows = new ArrayList<>();
    final ObjectNode details = JSON.createObjectNode();

    void add(Row row) {
        rows.add(row);
    }

    ObjectNode section(String name) {
        return details.with(name);
    }

    ArrayNode list(String name) {
        return details.withArray(name);
    }

    void print(PrintStream out) {
        String header = String.format(Locale.ROOT, "%-11s %-48s %-7s %4s %8s %9s %9s %9s %9s %9s %6s %6s  %-24s %s",
                "section", "what", "path", "cl", "offered", "rate/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors",
                "gw/dir", "target", "met");
        out.println(header);
        out.println("-".repeat(header.length()));
        String last = null;
        for (Row r : rows) {
            if (last != null && !last.equals(r.section())) {
                out.println();
            }
            last = r.section();
            out.println(String.format(Locale.ROOT, "%-11s %-48s %-7s %4s %8s %9s %9s %9s %9s %9s %6s %6s  %-24s %s",
                    r.section(), r.what(), r.path() == null ? "" : r.path(),
                    r.clients() == null ? "" : r.clients().toString(), number(r.offered(), 0), number(r.rate(), 1),
                    number(r.p50(), 1), number(r.p95(), 1), number(r.p99(), 1), number(r.max(), 1),
                    r.errors() < 0 ? "" : Long.toString(r.errors()), number(r.ratio(), 2),
                    r.target() == null ? "" : r.target(),
                    (r.met() == null ? "" : r.met() ? "yes" : "NO") + (r.note() == null ? "" : "  " + r.note())));
        }
    }

    void writeJson(Path file, ObjectNode run) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.setAll(run);
        ArrayNode table = root.putArray("table");
        for (Row r : rows) {
            ObjectNode o = table.addObject();
            o.put("section", r.section());
            o.put("what", r.what());
            if (r.path() != null) {
                o.put("path", r.path());
            }
            if (r.clients() != null) {
                o.put("clients", r.clients());
            }
            put(o, "offeredPerSecond", r.offered());
            put(o, "ratePerSecond", r.rate());
            put(o, "p50Ms", r.p50());
            put(o, "p95Ms", r.p95());
            put(o, "p99Ms", r.p99());
            put(o, "maxMs", r.max());
            if (r.errors() >= 0) {
                o.put("errors", r.errors());
            }
            put(o, "gatewayToDirect", r.ratio());
            if (r.target() != null) {
                o.put("target", r.target());
            }
            if (r.met() != null) {
                o.put("met", r.met());
            }
            if (r.note() != null) {
                o.put("note", r.note());
            }
        }
        root.set("details", details);
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), root);
    }

    static void put(ObjectNode o, String field, double value) {
        if (!Double.isNaN(value)) {
            o.put(field, Math.round(value * 100) / 100.0);
        }
    }

    static String number(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
