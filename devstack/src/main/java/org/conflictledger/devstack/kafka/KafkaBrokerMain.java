package org.conflictledger.devstack.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs a Kafka broker on its own until SIGTERM or Ctrl-C. The caller caps the heap ({@code -Xmx512m}): uncapped, the
 * broker grows to gigabytes on a large machine.
 *
 * <p>Exit codes: 0 after a clean stop, 1 if the broker failed, 2 if the port is taken, 64 for bad arguments.
 */
public final class KafkaBrokerMain {

    static final int EXIT_FAILED = 1;
    static final int EXIT_PORT_IN_USE = 2;
    static final int EXIT_USAGE = 64;

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LauncherLogging.install();
        CountDownLatch stopped = new CountDownLatch(1);
        int exitCode = start(args, System.getenv(), System.out, System.err, stopped);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
        stopped.await();
    }

    /**
     * Starts the broker and a shutdown hook that stops it; returns 0 once it is ready, or the exit code of a failure.
     */
    static int start(String[] args, Map<String, String> env, PrintStream out, PrintStream err, CountDownLatch stopped) {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(LauncherOptions.USAGE);
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.println(LauncherOptions.USAGE);
            stopped.countDown();
            return 0;
        }
        if (!Ports.isFree(options.port())) {
            err.println(portInUseMessage(options.port()));
            return EXIT_PORT_IN_USE;
        }
        EmbeddedKafkaBroker broker;
        try {
            if (options.fresh()) {
                deleteDataDir(options.dataDir());
            }
            broker = EmbeddedKafkaBroker.start(options.dataDir(), options.port());
        } catch (PortInUseException e) {
            err.println(portInUseMessage(e.port()));
            return EXIT_PORT_IN_USE;
        } catch (RuntimeException e) {
            err.println("Kafka broker failed to start: " + e.getMessage());
            return EXIT_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            out.println("Kafka broker stopped");
            out.flush();
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        out.println("Kafka broker ready at " + broker.bootstrapServers() + " (data: " + broker.dataDir() + ")");
        out.flush();
        return 0;
    }

    static String portInUseMessage(int port) {
        return "port " + port + " is already in use; stop whatever listens there or pass --port";
    }

    /** Deletes the folder, but only if it is empty or holds a Kafka data folder: {@code --fresh} must not wipe a typo. */
    private static void deleteDataDir(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!isEmpty(dataDir) && !Files.exists(EmbeddedKafkaBroker.logDirOf(dataDir).resolve("meta.properties"))) {
            throw new IllegalStateException("refusing to delete " + dataDir.toAbsolutePath()
                    + ": it does not look like a Kafka data folder");
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dataDir.toAbsolutePath(), e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.toAbsolutePath(), e);
        }
    }
}
