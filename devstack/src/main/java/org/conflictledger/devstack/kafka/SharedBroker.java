package org.conflictledger.devstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one broker of a test JVM: started on first use in a fresh temporary folder; a shutdown hook stops it and deletes
 * the folder. Reached through {@link KafkaBrokerTestResource}, which makes sure this class is the system class loader's.
 */
final class SharedBroker {

    private static EmbeddedKafkaBroker broker;

    private SharedBroker() {
    }

    static synchronized String bootstrapServers() {
        return broker().bootstrapServers();
    }

    static void createTopic(String name, int partitions) {
        broker().createTopic(name, partitions);
    }

    private static synchronized EmbeddedKafkaBroker broker() {
        if (broker == null) {
            Path dataDir = createTempDir();
            EmbeddedKafkaBroker started;
            try {
                started = EmbeddedKafkaBroker.start(dataDir, 0);
            } catch (RuntimeException e) {
                deleteRecursively(dataDir);
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteRecursively(dataDir);
            }, "devstack-kafka-shutdown"));
            broker = started;
        }
        return broker;
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("devstack-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the Kafka broker", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // Best effort at JVM exit: the folder is under the system temp folder.
        }
    }
}
