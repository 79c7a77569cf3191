package org.conflictledger.devstack.process;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) run as its own process, the way an
 * operator or {@code ./ledger} runs it: {@code java -Xmx… -jar quarkus-run.jar}, listening on a free port passed
 * in an environment variable, its output appended to a log file. {@link Builder#start()} returns once
 * {@code /q/health/ready} answers 200. The port is picked free just before the start, so another process could
 * take it in between; the start then fails with the service's own message in the exception.
 *
 * <pre>{@code
 * try (ServiceProcess actors = ServiceProcess.builder(Path.of("../actors-service/target/quarkus-app/quarkus-run.jar"))
 *         .name("actors-service").portVariable("ACTORS_PORT")
 *         .env("LEDGER_DATA", data.toString()).env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
 *         .log(Path.of("target", "actors-service.log"))
 *         .start()) {
 *     given().baseUri(actors.baseUri())...
 *     assertThat(actors.stop()).isIn(0, 143);   // SIGTERM, as an operator stops it
 * }
 * }</pre>
 */
public final class ServiceProcess implements AutoCloseable {
    /** Exit code of a JVM that ran its shutdown hooks after SIGTERM (128 + 15). */
    public static final int SIGTERM_EXIT_CODE = 143;

    private static final String READY_PATH = "/q/health/ready";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_TAIL_LINES = 30;

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A builder for the service packaged as {@code jar} (a {@code quarkus-run.jar} or any executable jar). */
    public static Builder builder(Path jar) {
        return new Builder(jar);
    }

    /** {@code http://localhost:<port>}, without a trailing slash. */
    public String baseUri() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    /** The file the process's stdout and stderr are appended to. */
    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Stops the service the way an operator does (SIGTERM), waits for it to exit and returns its exit code
     * (a Quarkus service that shut down cleanly answers 0 or {@value #SIGTERM_EXIT_CODE}).
     *
     * @throws IllegalStateException if it is still running after {@code timeout}; it is then killed
     */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException(name + " did not stop within " + timeout + " after SIGTERM and was killed; see " + log);
        }
        return process.exitValue();
    }

    /** {@link #stop(Duration)} with 60 seconds. */
    public int stop() throws InterruptedException {
        return stop(Duration.ofSeconds(60));
    }

    /** Kills the process if it is still running (SIGKILL) and waits for it to go. Safe to call after {@link #stop()}. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", " + baseUri() + ", log " + log + ")";
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create(baseUri() + READY_PATH);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see "
                        + log + tail());
            }
            if (answersOk(ready)) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException(name + " was not ready (" + READY_PATH + " = 200) within " + timeout
                        + "; see " + log + tail());
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private static boolean answersOk(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false; // not listening yet
        }
    }

    /** The log's last lines, so a failure on CI explains itself without the file. */
    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return last.isEmpty() ? "" : "; its last lines:\n  " + String.join("\n  ", last);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** How to start one service process. Only the jar is required. */
    public static final class Builder {
        private final Path jar;
        private String name;
        private String portVariable;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private String maxHeap = "256m";
        private Path log;
        private Duration readyTimeout = Duration.ofSeconds(120);

        private Builder(Path jar) {
            this.jar = Objects.requireNonNull(jar, "jar");
        }

        /** The name used in messages and the default log file; defaults to the module the jar was built in (the folder above {@code target/}). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Required: the environment variable the service reads its HTTP port from (e.g. {@code ACTORS_PORT}); a free port is put there. */
        public Builder portVariable(String variable) {
            this.portVariable = Objects.requireNonNull(variable, "variable");
            return this;
        }

        /** Sets one environment variable of the child (on top of this JVM's environment). */
        public Builder env(String variable, String value) {
            env.put(Objects.requireNonNull(variable, "variable"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /** The child's maximum heap, as for {@code -Xmx} (default {@code 256m}). */
        public Builder maxHeap(String size) {
            this.maxHeap = Objects.requireNonNull(size, "size");
            return this;
        }

        /** A further JVM option, placed before {@code -jar} (e.g. {@code -XX:TieredStopAtLevel=1}). */
        public Builder jvmOption(String option) {
            jvmOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /** The file stdout and stderr are appended to (its folder is created); defaults to {@code target/<name>.log}. */
        public Builder log(Path file) {
            this.log = Objects.requireNonNull(file, "file");
            return this;
        }

        /** How long to wait for {@code /q/health/ready} to answer 200 (default 120 s). */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Starts the process and waits until it is ready.
         *
         * @throws IllegalStateException if the jar is missing, or the process exits or is not ready in time (it is
         *                               then killed; the message names the log and quotes its last lines)
         */
        public ServiceProcess start() throws IOException, InterruptedException {
            if (portVariable == null) {
                throw new IllegalStateException("portVariable is not set: name the variable the service reads its HTTP port from");
            }
            String serviceName = name != null ? name : defaultName(jar);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(serviceName + ": " + jar.toAbsolutePath().normalize()
                        + " is missing; package the service first (mvn package, or mvn verify from the root)");
            }
            Path logFile = (log != null ? log : Path.of("target", serviceName + ".log")).toAbsolutePath().normalize();
            Files.createDirectories(logFile.getParent());
            int port = freePort();

            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + maxHeap);
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toAbsolutePath().normalize().toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            builder.environment().put(portVariable, Integer.toString(port));

            ServiceProcess service = new ServiceProcess(serviceName, builder.start(), port, logFile);
            try {
                service.awaitReady(readyTimeout);
            } catch (RuntimeException | InterruptedException e) {
                service.close();
                throw e;
            }
            return service;
        }

        private static String defaultName(Path jar) {
            Path absolute = jar.toAbsolutePath().normalize();
            // <module>/target/quarkus-app/quarkus-run.jar -> <module>
            for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("target") && p.getParent() != null
                        && p.getParent().getFileName() != null) {
                    return p.getParent().getFileName().toString();
                }
            }
            String file = absolute.getFileName().toString();
            return file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
