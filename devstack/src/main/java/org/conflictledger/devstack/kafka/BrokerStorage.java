package org.conflictledger.devstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/** The broker's log directory: formatted once, then reused with the cluster id it was formatted with. */
final class BrokerStorage {

    private static final String META_PROPERTIES = "meta.properties";

    private BrokerStorage() {
    }

    /** Formats {@code logDir} unless it already is; returns the cluster id the directory belongs to. */
    static String format(Path logDir) {
        return format(logDir, null);
    }

    /** As {@link #format(Path)}, with the SCRAM credentials of {@code users} (none when null) in the metadata. */
    static String format(Path logDir, BrokerUsers users) {
        String clusterId = existingClusterId(logDir).orElseGet(() -> Uuid.randomUuid().toString());
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(BrokerProperties.NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .setScramArguments(users == null ? List.of() : users.scramArguments())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
        return clusterId;
    }

    static Optional<String> existingClusterId(Path logDir) {
        Path meta = logDir.resolve(META_PROPERTIES);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        return Optional.ofNullable(properties.getProperty("cluster.id")).filter(id -> !id.isBlank());
    }
}
