package org.conflictledger.transparency.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./ledger verify}: checks the ledger from outside, through its public API only (no database access), against
 * checkpoints the user saved earlier. Exit status 0 when every check holds, 1 when one fails, 2 for a usage error or
 * an API that cannot be asked.
 */
public final class LedgerVerify {
    private static final Set<String> LOGS = Set.of("actors", "events", "agreements");
    private static final String USAGE = """
            Usage: ./ledger verify <command> --log actors|events|agreements [options]

              checkpoint --out FILE            Fetch the log's newest signed checkpoint, check its signature and save it
                                               with the log's public key. When FILE already holds a checkpoint, first
                                               check that the log still extends it (and keep the key pinned there).
              consistency --checkpoint FILE [--to FILE2]
                                               Check that the log now (or the checkpoint in FILE2) extends the saved one:
                                               nothing it covered was changed, removed or reordered.
              record --id ID --checkpoint FILE Check one record: its hash chain recomputed from the stored events, each
                                               event proved to be in the saved checkpoint (later events in the newest,
                                               which must extend it), and its public history against the log.
              log --checkpoint FILE            Recompute every entry the saved checkpoint covers from the stored events
                                               and their root hash, and every record's chain (reads the whole log).

            Options:
              --url URL      the gateway or a service (default http://localhost:8080, or LEDGER_URL)
              --token TOKEN  a reader token when reads are not open (default: LEDGER_TOKEN)
            """;

    private LedgerVerify() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                err.println("ledger verify: " + name + " needs a value\n\n" + USAGE);
                return 2;
            }
            options.put(name.substring(2), args.get(++i));
        }
        String log = options.get("log");
        if (log == null || !LOGS.contains(log)) {
            err.println("ledger verify: --log must be one of actors, events, agreements\n\n" + USAGE);
            return 2;
        }
        String url = options.getOrDefault("url", System.getenv().getOrDefault("LEDGER_URL", "http://localhost:8080"));
        String token = options.getOrDefault("token", System.getenv("LEDGER_TOKEN"));
        String collection = "/api/v1/" + log;
        Report report = new Report(out);
        LogAudit audit = new LogAudit(new LedgerApi(url, token), collection, report);
        try {
            switch (args.get(0)) {
                case "checkpoint" -> audit.saveCheckpoint(Path.of(required(options, "out")));
                case "consistency" -> audit.checkConsistency(saved(options, "checkpoint"),
                        options.containsKey("to") ? saved(options, "to") : null);
                case "record" -> audit.checkRecord(saved(options, "checkpoint"), collection, required(options, "id"));
                case "log" -> audit.checkWholeLog(saved(options, "checkpoint"));
                default -> throw new IllegalArgumentException("unknown command " + args.get(0));
            }
        } catch (IllegalArgumentException | LedgerApi.ApiFailure e) {
            err.println("ledger verify: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("ledger verify: an answer of the service could not be read: " + e);
            return 2;
        }
        out.println(report.failures() == 0 ? "verified" : report.failures() + " check(s) failed");
        return report.failures() == 0 ? 0 : 1;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static SavedCheckpoint saved(Map<String, String> options, String name) {
        return SavedCheckpoint.read(Path.of(required(options, name)));
    }
}
