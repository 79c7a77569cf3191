package org.conflictledger.devstack.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the launcher as its own process, as a script would. */
class KafkaBrokerMainTest {

    @TempDir
    Path workDir;

    @Test
    void exitsWithCode2WhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            int port = taken.getLocalPort();
            Process launcher = launch("--port", String.valueOf(port), "--data", workDir.resolve("data").toString());

            assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher did not exit");
            assertEquals(2, launcher.exitValue());
            assertEquals("port " + port + " is already in use; stop whatever listens there or pass --port",
                    Files.readString(workDir.resolve("launcher.err")).strip());
        }
    }

    @Test
    void announcesReadinessAndStopsCleanlyOnSigterm() throws Exception {
        int port = Ports.pickFree();
        Path dataDir = workDir.resolve("data");
        Files.createDirectories(dataDir.resolve("stale"));
        EmbeddedKafkaBroker.start(dataDir, 0).close(); // so that --fresh has a data folder to delete

        Process launcher = launch("--port", String.valueOf(port), "--data", dataDir.toString(), "--fresh");
        BufferedReader stdout = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));

        assertEquals("Kafka broker ready at localhost:" + port + " (data: " + dataDir.toAbsolutePath() + ")",
                stdout.readLine());
        assertTrue(Files.notExists(dataDir.resolve("stale")), "--fresh kept the old data folder");
        KafkaRecords.produce("localhost:" + port, "launched", List.of("hello"));

        launcher.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its stdout
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher did not stop");
        assertEquals("Kafka broker stopped", stdout.readLine());
        assertEquals(null, stdout.readLine());
    }

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                KafkaBrokerMain.class.getName()));
        command.addAll(List.of(args));
        // stderr to a file: Kafka's warnings go there, and a pipe nobody reads could fill up and block the broker.
        return new ProcessBuilder(command).redirectError(workDir.resolve("launcher.err").toFile()).start();
    }
}
