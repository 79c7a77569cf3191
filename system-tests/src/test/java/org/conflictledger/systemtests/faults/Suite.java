package org.conflictledger.systemtests.faults;

import org.conflictledger.devstack.kafka.EmbeddedKafkaBroker;
import org.conflictledger.devstack.process.ServiceProcess;
import org.conflictledger.devstack.tokens.TestTokens;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three services, packaged, as processes on one in-process broker, each on its own H2 file database (the
 * embedded default) or, with {@code -Dledger.systemTests.database=postgresql} and the PostgreSQL build of the
 * services, each on its own new PostgreSQL database ({@link PostgresDatabases}); token checks on. A service can be
 * killed ({@code kill -9}) and started again on the same data, as an operator's supervisor would; the broker can be
 * stopped and started again on its port and data.
 */
final class Suite implements AutoCloseable {
    private static final Path LOGS = Path.of(System.getProperty("ledger.systemTests.logDir", "target/system-tests"));

    enum Service {
        ACTORS("actors-service", "ACTORS_PORT", "ledger.actorsServiceJar", "ledger.actors.v1"),
        EVENTS("events-service", "EVENTS_PORT", "ledger.eventsServiceJar", "ledger.events.v1"),
        AGREEMENTS("agreements-service", "AGREEMENTS_PORT", "ledger.agreementsServiceJar", "ledger.agreements.v1");

        final String name;
        final String portVariable;
        final String jarProperty;
        final String topic;

        Service(String name, String portVariable, String jarProperty, String topic) {
            this.name = name;
            this.portVariable = portVariable;
            this.jarProperty = jarProperty;
            this.topic = topic;
        }

        Path jar() {
            return Path.of(System.getProperty(jarProperty, "../" + name + "/target/quarkus-app/quarkus-run.jar"));
        }
    }

    private final Path data;
    private final PostgresDatabases postgres = PostgresDatabases.requested();
    private EmbeddedKafkaBroker broker;
    private final int brokerPort;
    private final Map<Service, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<Service, Integer> starts = new LinkedHashMap<>();

    private Suite(Path data) {
        this.data = data;
        this.broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), 0);
        this.brokerPort = broker.port();
    }

    static Suite start(Path data) throws Exception {
        Suite suite = new Suite(data);
        try {
            for (Service service : Service.values()) {
                suite.start(service);
            }
        } catch (Exception | Error e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    synchronized ServiceProcess start(Service service) throws Exception {
        int start = starts.merge(service, 1, Integer::sum);
        ServiceProcess.Builder builder = ServiceProcess.builder(service.jar()).name(service.name)
                .env(TestTokens.checksOnEnvironment()).portVariable(service.portVariable)
                .env("LEDGER_DATA", data.resolve(service.name).toString())
                .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                .log(LOGS.resolve("faults-" + service.name + "-" + start + ".log"));
        if (postgres != null) {
            builder.env(postgres.environment(service.name));
        }
        ServiceProcess process = builder.start();
        running.put(service, process);
        return process;
    }

    /** {@code kill -9}: the process gets no chance to flush, release claims or close connections. */
    synchronized void kill(Service service) throws InterruptedException {
        ServiceProcess process = running.remove(service);
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.close();
    }

    /** The process id of the running service. */
    synchronized long pid(Service service) {
        ServiceProcess process = running.get(service);
        if (process == null) {
            throw new IllegalStateException(service.name + " is not running");
        }
        return process.pid();
    }

    /**
     * {@code kill -STOP}: the service stops answering without going away. Its port stays open and the kernel still
     * accepts connections, so a client sees a service that takes requests and never answers them.
     */
    synchronized void pause(Service service) throws Exception {
        signal(service, "STOP");
    }

    /** {@code kill -CONT}: a paused service carries on where it stopped. */
    synchronized void resume(Service service) throws Exception {
        signal(service, "CONT");
    }

    private void signal(Service service, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid(service))).redirectErrorStream(true)
                .start();
        String output = new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + service.name + " failed: " + output);
        }
    }

    /** The service's URI for {@code path}; while it is down, an address nothing listens on. */
    synchronized URI uri(Service service, String path) {
        ServiceProcess process = running.get(service);
        return URI.create((process != null ? process.baseUri() : "http://localhost:9") + path);
    }

    /** Stops the broker (the services keep running and keep answering). */
    synchronized void stopBroker() {
        broker.close();
    }

    /** Starts the broker again on its port and data, as its supervisor would. */
    synchronized void startBroker() {
        broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), brokerPort);
    }

    String bootstrapServers() {
        return "localhost:" + brokerPort;
    }

    /** The store the services run on, for the counts a test prints. */
    String store() {
        return postgres == null ? "H2 (embedded default)" : "PostgreSQL (" + postgres.server() + ")";
    }

    @Override
    public synchronized void close() {
        running.values().forEach(ServiceProcess::close);
        running.clear();
        broker.close();
        if (postgres != null) {
            postgres.close();
        }
    }
}
