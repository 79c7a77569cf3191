package org.conflictledger.dataset;

import java.nio.file.Path;
import java.util.Map;

/** The importer's command line. */
public record ImporterOptions(String api, String eventsApi, String agreementsApi, Path dir, String principal,
                              String token, int waitSeconds, boolean validateOnly, boolean help) {
    public static final String DEFAULT_API = "http://localhost:8081";
    public static final String DEFAULT_AGREEMENTS_API = "http://localhost:8083";
    public static final String DEFAULT_DIR = "dataset/seed";
    public static final String DEFAULT_PRINCIPAL = "seed-importer";
    /** Read when {@code --token} is absent, so the token need not appear in the process list. */
    public static final String TOKEN_VARIABLE = "LEDGER_API_TOKEN";

    public static final String USAGE = """
            Usage: java -jar dataset-importer.jar [options]

            Loads a dataset (actors and their relationships, then agreements and their terms, then
            conflict events) through the public HTTP API. Safe to run again: records already present
            are left alone.

              --api URL          Base URL of the API (default %s; later the gateway's)
              --agreements-api URL
                                 Base URL of the agreements API (default %s); needed, and must
                                 answer, when the dataset has agreements.json
              --events-api URL   Base URL of the events API (e.g. http://localhost:8082); without it
                                 events.json is checked but not imported
              --dir DIR          Dataset folder holding actors.json [, agreements.json and events.json]
                                 (default %s)
              --principal NAME   Who the changes are recorded for, sent as X-Ledger-Principal (default %s)
              --token TOKEN      Bearer token sent as Authorization (default: $%s, else none)
              --wait SECONDS     Wait up to SECONDS for the APIs to answer before importing (default 0),
                                 and for agreements-service to know the actors (at least 60 s)
              --validate         Only check the dataset; send nothing
              --help             This text

            Exit status: 0 done, 1 some records failed, 2 invalid dataset or usage, 3 API unreachable.
            """.formatted(DEFAULT_API, DEFAULT_AGREEMENTS_API, DEFAULT_DIR, DEFAULT_PRINCIPAL, TOKEN_VARIABLE);

    /** Parses {@code --name value} and {@code --name=value}; throws {@link IllegalArgumentException} on misuse. */
    public static ImporterOptions parse(String[] args, Map<String, String> environment) {
        String api = DEFAULT_API;
        String eventsApi = null;
        String agreementsApi = DEFAULT_AGREEMENTS_API;
        String dir = DEFAULT_DIR;
        String principal = DEFAULT_PRINCIPAL;
        String token = blankToNull(environment.get(TOKEN_VARIABLE));
        int wait = 0;
        boolean validateOnly = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--validate" -> validateOnly = true;
                case "--api", "--events-api", "--agreements-api", "--dir", "--principal", "--token", "--wait" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (value.isBlank()) {
                        throw new IllegalArgumentException(name + " needs a non-blank value");
                    }
                    switch (name) {
                        case "--api" -> api = value;
                        case "--events-api" -> eventsApi = value;
                        case "--agreements-api" -> agreementsApi = value;
                        case "--dir" -> dir = value;
                        case "--principal" -> principal = value;
                        case "--token" -> token = value;
                        default -> wait = seconds(value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (!api.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new IllegalArgumentException("--api must be an http(s) URL such as " + DEFAULT_API + ", was " + api);
        }
        if (eventsApi != null && !eventsApi.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new IllegalArgumentException("--events-api must be an http(s) URL such as http://localhost:8082, was "
                    + eventsApi);
        }
        if (!agreementsApi.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new IllegalArgumentException("--agreements-api must be an http(s) URL such as " + DEFAULT_AGREEMENTS_API
                    + ", was " + agreementsApi);
        }
        return new ImporterOptions(api, eventsApi, agreementsApi, Path.of(dir), principal, token, wait, validateOnly,
                help);
    }

    private static int seconds(String value) {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("--wait needs a number of seconds, was " + value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
