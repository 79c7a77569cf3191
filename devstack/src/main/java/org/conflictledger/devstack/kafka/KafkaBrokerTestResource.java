package org.conflictledger.devstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Quarkus test resource that points {@code kafka.bootstrap.servers} at an in-process Kafka broker.
 *
 * <p>One broker serves the whole test JVM: it starts with the first test class that asks for it, in a fresh temporary
 * folder, and a shutdown hook stops it and deletes the folder when the JVM exits. {@link #stop()} leaves it running
 * for the test classes that come later.
 */
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP_SERVERS_KEY = "kafka.bootstrap.servers";

    private static EmbeddedKafkaBroker shared;

    /** The broker shared by every test class in this JVM, started on first use. */
    public static synchronized EmbeddedKafkaBroker sharedBroker() {
        if (shared == null) {
            Path dataDir = createTempDir();
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.close();
                deleteRecursively(dataDir);
            }, "devstack-kafka-shutdown"));
            shared = broker;
        }
        return shared;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(BOOTSTRAP_SERVERS_KEY, sharedBroker().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives each test class; the JVM shutdown hook stops it.
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
            // Best effort at JVM exit: the folder lives under the system temp folder.
        }
    }
}
