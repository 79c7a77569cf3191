package org.conflictledger.devstack.kafka;

import java.nio.file.Path;
import java.util.Map;

/** The standalone launcher's options: command-line flags win over environment variables, which win over defaults. */
record LauncherOptions(int port, Path dataDir, boolean fresh, boolean help) {

    static final int DEFAULT_PORT = 9092;
    static final String DEFAULT_DATA_DIR = "./data/kafka";
    static final String PORT_ENV = "LEDGER_KAFKA_PORT";
    static final String DATA_ENV = "LEDGER_KAFKA_DATA";

    static final String USAGE = """
            usage: java -Xmx512m -jar devstack.jar [--port N] [--data DIR] [--fresh]
              --port N    client port (default 9092, env LEDGER_KAFKA_PORT)
              --data DIR  data folder (default ./data/kafka, env LEDGER_KAFKA_DATA)
              --fresh     delete the data folder first""";

    /** @throws IllegalArgumentException with a message for the user if the arguments make no sense */
    static LauncherOptions parse(String[] args, Map<String, String> env) {
        int port = parsePort(env.getOrDefault(PORT_ENV, String.valueOf(DEFAULT_PORT)), PORT_ENV);
        String dataDir = env.getOrDefault(DATA_ENV, DEFAULT_DATA_DIR);
        boolean fresh = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(valueAfter(args, i++), "--port");
                case "--data" -> dataDir = valueAfter(args, i++);
                case "--fresh" -> fresh = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new LauncherOptions(port, Path.of(dataDir), fresh, help);
    }

    private static String valueAfter(String[] args, int i) {
        if (i + 1 >= args.length || args[i + 1].isBlank()) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static int parsePort(String value, String source) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(source + " must be a port number from 1 to 65535, not '" + value + "'");
    }
}
