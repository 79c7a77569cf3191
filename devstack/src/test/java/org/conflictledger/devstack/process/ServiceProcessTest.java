package org.conflictledger.devstack.process;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a stand-in for a packaged service: a tiny executable jar, compiled here, that serves
 * {@code /q/health/ready} on the port in FAKE_PORT, answering as FAKE_MODE says (ready, never, or exit at once).
 */
class ServiceProcessTest {
    private static final String FAKE_SERVICE = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;

            public class FakeService {
                public static void main(String[] args) throws Exception {
                    String mode = System.getenv().getOrDefault("FAKE_MODE", "ready");
                    System.out.println("fake service starting, mode " + mode);
                    if (mode.equals("exit")) {
                        System.exit(3);
                    }
                    HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("FAKE_PORT"))), 0);
                    server.createContext("/q/health/ready", exchange -> {
                        exchange.sendResponseHeaders(mode.equals("ready") ? 200 : 503, -1);
                        exchange.close();
                    });
                    server.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("fake service stopping")));
                }
            }
            """;

    @TempDir
    static Path build;
    static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void packageTheFakeService() throws IOException {
        Path source = build.resolve("FakeService.java");
        Files.writeString(source, FAKE_SERVICE);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-d", build.toString(), source.toString()), "fake service compiles");

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeService");
        jar = build.resolve("fake-service.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("FakeService.class"));
            Files.copy(build.resolve("FakeService.class"), out);
            out.closeEntry();
        }
    }

    @Test
    void aReadyServiceAnswersOnItsPortAndStopsOnSigterm() throws Exception {
        Path log = dir.resolve("logs").resolve("fake.log");
        try (ServiceProcess service = fake("ready").log(log).start()) {
            assertTrue(service.port() > 0);
            assertEquals("http://localhost:" + service.port(), service.baseUri());
            assertEquals(200, status(service.baseUri() + "/q/health/ready"));

            assertEquals(ServiceProcess.SIGTERM_EXIT_CODE, service.stop());
            assertFalse(service.isAlive());
        }
        String output = Files.readString(log);
        assertTrue(output.contains("fake service starting, mode ready"), output);
        assertTrue(output.contains("fake service stopping"), "shutdown hooks ran: " + output);
    }

    @Test
    void theLogIsAppendedToAcrossRuns() throws Exception {
        Path log = dir.resolve("fake.log");
        for (int run = 0; run < 2; run++) {
            try (ServiceProcess service = fake("ready").log(log).start()) {
                service.stop();
            }
        }
        assertEquals(2, Files.readAllLines(log).stream().filter(l -> l.startsWith("fake service starting")).count());
    }

    @Test
    void aMissingJarIsNamed() {
        Path missing = dir.resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ServiceProcess.builder(missing).portVariable("FAKE_PORT").start());
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().normalize().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
    }

    @Test
    void aServiceThatExitsBeforeItIsReadyFailsNamingItsLog() {
        Path log = dir.resolve("exits.log");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> fake("exit").name("quitter").log(log).start());
        assertTrue(e.getMessage().startsWith("quitter exited with 3 before it was ready; see " + log), e.getMessage());
        assertTrue(e.getMessage().contains("fake service starting, mode exit"), "quotes the log: " + e.getMessage());
    }

    @Test
    void aServiceNeverReadyTimesOutNamingItsLogAndIsKilled() {
        Path log = dir.resolve("never.log");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> fake("never").log(log).readyTimeout(Duration.ofSeconds(2)).start());
        assertTrue(e.getMessage().contains("was not ready (/q/health/ready = 200) within PT2S; see " + log), e.getMessage());
        assertFalse(ProcessHandle.current().children()
                .anyMatch(child -> child.isAlive() && child.info().commandLine().orElse("").contains(jar.toString())),
                "the process was killed");
    }

    @Test
    void thePortVariableIsRequired() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServiceProcess.builder(jar).start());
        assertTrue(e.getMessage().contains("portVariable"), e.getMessage());
    }

    private static ServiceProcess.Builder fake(String mode) {
        return ServiceProcess.builder(jar).portVariable("FAKE_PORT").env("FAKE_MODE", mode).maxHeap("32m");
    }

    private static int status(String uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(uri).toURL().openConnection();
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
