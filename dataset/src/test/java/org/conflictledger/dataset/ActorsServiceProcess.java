package org.conflictledger.dataset;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged actors-service run as its own process, the way an operator (or ./ledger) runs it. */
final class ActorsServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private ActorsServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ActorsServiceProcess start(Path jar, Map<String, String> env, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath().normalize()
                    + " is missing: build actors-service first (the reactor lists it before dataset)");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(java(), "-Xmx256m", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("ACTORS_PORT", Integer.toString(port));
        ActorsServiceProcess service = new ActorsServiceProcess(builder.start(), port);
        try {
            service.awaitReady(Duration.ofSeconds(120), log);
        } catch (RuntimeException | InterruptedException e) {
            service.close();
            throw e;
        }
        return service;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private void awaitReady(Duration timeout, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("actors-service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(baseUri() + "/q/health/ready").toURL()
                        .openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("actors-service not ready within " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
