package org.conflictledger.devstack.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
        // What --fresh recognises as a Kafka data folder, plus something it must delete.
        Files.createDirectories(dataDir.resolve("logs"));
        Files.writeString(dataDir.resolve("logs/meta.properties"), "cluster.id=someOtherCluster\n");
        Files.createDirectories(dataDir.resolve("stale"));

        Process launcher = launch("--port", String.valueOf(port), "--data", dataDir.toString(), "--fresh");
        BufferedReader stdout = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));

        assertEquals("Kafka broker ready at localhost:" + port + " (data: " + dataDir.toAbsolutePath() + ")",
                stdout.readLine());
        assertTrue(Files.notExists(dataDir.resolve("stale")), "--fresh kept the old data folder");
        KafkaRecords.produce("localhost:" + port, "launched", List.of("hello"));

        launcher.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its stdout
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher did not stop");
        assertEquals("Kafka broker stopped", stdout.readLine());
        assertNull(stdout.readLine());
    }

    @Test
    void freshRefusesToDeleteAFolderThatIsNotKafkaData() throws Exception {
        Path notKafka = workDir.resolve("documents");
        Files.createDirectories(notKafka);
        Files.writeString(notKafka.resolve("thesis.txt"), "precious");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = KafkaBrokerMain.start(
                new String[] {"--port", String.valueOf(Ports.pickFree()), "--data", notKafka.toString(), "--fresh"},
                Map.of(), new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                new CountDownLatch(1));

        assertEquals(1, exitCode);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("refusing to delete"), err.toString(StandardCharsets.UTF_8));
        assertEquals("precious", Files.readString(notKafka.resolve("thesis.txt")));
    }

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                KafkaBrokerMain.class.getName()));
        command.addAll(List.of(args));
        // stderr to a file: Kafka's warnings go there, and a pipe nobody reads could fill up and block the broker.
        return new ProcessBuilder(command).redirectError(workDir.resolve("launcher.err").toFile()).start();
    }
}
