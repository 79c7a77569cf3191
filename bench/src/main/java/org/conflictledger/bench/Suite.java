package org.conflictledger.bench;

import org.conflictledger.devstack.process.ServiceProcess;
import org.conflictledger.devstack.tokens.DevTokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The suite under test: either one the bench starts the way the system tests do (a broker from devstack.jar and
 * the packaged services and gateway as processes, each on a free port, H2 files in a temporary folder, token checks
 * on with a key made for the run, the gateway's per-client rate limit off), or one already running, named by URLs.
 */
final class Suite implements AutoCloseable {
    final String gateway;
    final String actors;
    final String events;
    final String kafka;
    final String editor;
    final String admin;
    /** Start-up time in seconds (launch to /q/health/ready = 200, or to the broker's ready line), by process. */
    final Map<String, Double> startup = new LinkedHashMap<>();
    /** The processes whose memory and CPU are reported, by name. */
    final Map<String, Long> pids = new LinkedHashMap<>();

    private final Options options;
    private final Path data;
    private final Path logs;
    private final Path publicKey;
    private final PrivateKey privateKey;
    private Process broker;
    private final List<ServiceProcess> services = new ArrayList<>();

    private Suite(Options options, String gateway, String actors, String events, String kafka, String editor,
                  String admin, Path data, Path publicKey, PrivateKey privateKey) {
        this.options = options;
        this.gateway = gateway;
        this.actors = actors;
        this.events = events;
        this.kafka = kafka;
        this.editor = editor;
        this.admin = admin;
        this.data = data;
        this.logs = data == null ? null : data.resolve("logs");
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    static Suite external(Options o) {
        Suite suite = new Suite(o, o.baseUrl, o.actorsUrl, o.eventsUrl, o.kafka, o.token,
                o.adminToken, null, null, null);
        suite.pids.putAll(o.pids);
        return suite;
    }

    static Suite start(Options o, Path root) throws Exception {
        Path data = Files.createTempDirectory("ledger-bench-");
        Path keys = data.resolve("keys");
        Path publicKey = DevTokens.ensureKeys(keys);
        PrivateKey privateKey = DevTokens.readPrivateKey(keys.resolve(DevTokens.PRIVATE_KEY_FILE));
        String editor = DevTokens.mint(privateKey, DevTokens.DEFAULT_ISSUER, "bench@localhost", Set.of("editor"),
                Duration.ofHours(12));
        String admin = DevTokens.mint(privateKey, DevTokens.DEFAULT_ISSUER, "bench-admin@localhost", Set.of("admin"),
                Duration.ofHours(12));
        Bench.say("Starting the suite (data and logs: " + data + ")");
        int kafkaPort = freePort();
        Suite partial = new Suite(o, null, null, null, "localhost:" + kafkaPort, editor, admin, data, publicKey,
                privateKey);
        try {
            partial.startBroker(root, kafkaPort);
            ServiceProcess actors = partial.service(root, "actors-service", "ACTORS_PORT", Map.of());
            ServiceProcess events = partial.service(root, "events-service", "EVENTS_PORT", Map.of());
            ServiceProcess agreements = partial.service(root, "agreements-service", "AGREEMENTS_PORT", Map.of());
            ServiceProcess gateway = partial.start(root, "gateway", "GATEWAY_PORT", Map.of(
                    "ACTORS_URL", actors.baseUri(), "EVENTS_URL", events.baseUri(), "AGREEMENTS_URL", agreements.baseUri(),
                    // The bench is one client (one token subject) offering thousands of requests a second.
                    "GATEWAY_RATE_LIMIT", "0",
                    "GATEWAY_REQUEST_TIMEOUT", "30s"), "gateway");
            Suite suite = new Suite(o, gateway.baseUri(), actors.baseUri(), events.baseUri(), partial.kafka, editor,
                    admin, data, publicKey, privateKey);
            suite.broker = partial.broker;
            suite.services.addAll(partial.services);
            suite.startup.putAll(partial.startup);
            suite.pids.putAll(partial.pids);
            return suite;
        } catch (Exception | Error e) {
            partial.close();
            throw e;
        }
    }

    boolean own() {
        return data != null;
    }

    /** Another actors-service on its own data (the history section), with extra settings; stopped by the caller. */
    ServiceProcess extraActorsService(Path root, String name, Map<String, String> env) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("LEDGER_DATA", data.resolve(name).toString());
        return start(root, "actors-service", "ACTORS_PORT", all, name);
    }

    private ServiceProcess service(Path root, String module, String portVariable, Map<String, String> env)
            throws Exception {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("LEDGER_DATA", data.resolve(module).toString());
        return start(root, module, portVariable, all, module);
    }

    private ServiceProcess start(Path root, String module, String portVariable, Map<String, String> env, String name)
            throws Exception {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        ServiceProcess.Builder builder = ServiceProcess.builder(jar).name(name).portVariable(portVariable)
                .maxHeap(options.serviceHeap)
                .env("LEDGER_AUTH_ENABLED", "true")
                .env("LEDGER_JWT_PUBLIC_KEY", publicKey.toString())
                .env("LEDGER_JWT_ISSUER", DevTokens.DEFAULT_ISSUER)
                .env("KAFKA_BOOTSTRAP_SERVERS", kafka)
                .env(env)
                .log(logs.resolve(name + ".log"))
                .readyTimeout(Duration.ofSeconds(180));
        if (options.jfr != null) {
            Files.createDirectories(options.jfr);
            builder.jvmOption("-XX:StartFlightRecording=filename=" + options.jfr.toAbsolutePath().resolve(name + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        long t0 = System.nanoTime();
        ServiceProcess process = builder.start();
        double seconds = (System.nanoTime() - t0) / 1e9;
        services.add(process);
        startup.put(name, seconds);
        pids.put(name, process.pid());
        Bench.say(String.format("  %-22s ready in %5.1f s (pid %d, %s)", name, seconds, process.pid(), process.baseUri()));
        return process;
    }

    private void startBroker(Path root, int port) throws Exception {
        Path jar = root.resolve("devstack/target/devstack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; package the suite first (./ledger bench builds it)");
        }
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        if (options.jfr != null) {
            Files.createDirectories(options.jfr);
            command.add("-XX:StartFlightRecording=filename=" + options.jfr.toAbsolutePath().resolve("kafka.jfr")
                    + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--data",
                data.resolve("kafka").toString()));
        long t0 = System.nanoTime();
        broker = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.appendTo(logs.resolve("kafka.log").toFile())).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("Kafka broker ready")) {
            // wait for its one line
        }
        if (line == null) {
            throw new IllegalStateException("the Kafka broker exited before it was ready; see " + logs.resolve("kafka.log"));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        startup.put("kafka", seconds);
        pids.put("kafka", broker.pid());
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe empty
                }
            } catch (IOException e) {
                // gone
            }
        }, "broker-stdout");
        drain.setDaemon(true);
        drain.start();
        Bench.say(String.format("  %-22s ready in %5.1f s (pid %d, %s)", "kafka", seconds, broker.pid(), kafka));
    }

    String mintEditor(String subject) {
        return DevTokens.mint(privateKey, DevTokens.DEFAULT_ISSUER, subject, Set.of("editor"), Duration.ofHours(2));
    }

    /** Stops the processes with SIGTERM (so JFR recordings are written), the broker last, and removes the data. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            stop(services.get(i));
        }
        services.clear();
        if (broker != null && broker.isAlive()) {
            broker.destroy();
            try {
                if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                    broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (data != null && !options.keep) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort
            }
        } else if (data != null) {
            Bench.say("Kept the suite's data and logs in " + data);
        }
    }

    void stop(ServiceProcess process) {
        try {
            process.stop(Duration.ofSeconds(60));
        } catch (Exception e) {
            process.close();
        }
        services.remove(process);
    }

    Path logs() {
        return logs;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
