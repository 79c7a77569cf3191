package org.conflictledger.devstack.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node), running inside this JVM.
 * Its data lives in {@code dataDir/logs}; starting again on the same folder keeps the topics and records.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    public static final int DEFAULT_PARTITIONS = 3;

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final int port;
    private final BrokerUsers users;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path dataDir, int port, BrokerUsers users) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.users = users;
    }

    /** Starts a broker with {@value #DEFAULT_PARTITIONS} partitions for auto-created topics. */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, DEFAULT_PARTITIONS);
    }

    /**
     * Starts a broker whose data lives under {@code dataDir} and returns once a client sees it.
     *
     * @param port the client port; 0 picks a free one
     * @throws PortInUseException if {@code port} is not 0 and is already bound
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, int defaultPartitions) {
        return withKafkaClassLoader(() -> startBroker(dataDir, port, defaultPartitions, null));
    }

    /**
     * Starts a broker whose client listener requires SASL/SCRAM-SHA-512 from these users and authorizes each request
     * by ACL, as a production cluster with Strimzi's {@code scram-sha-512} authentication and {@code simple}
     * authorization does. The users' credentials are written when the folder is first formatted.
     */
    public static EmbeddedKafkaBroker startSecured(Path dataDir, int port, BrokerUsers users) {
        return withKafkaClassLoader(() -> startBroker(dataDir, port, DEFAULT_PARTITIONS, users));
    }

    private static EmbeddedKafkaBroker startBroker(Path dataDir, int port, int defaultPartitions, BrokerUsers users) {
        if (port != 0 && !Ports.isFree(port)) {
            throw new PortInUseException(port);
        }
        BrokerLogLevels.applyDefaults();
        Path absoluteDataDir = dataDir.toAbsolutePath().normalize();
        Path logDir = logDirOf(absoluteDataDir);
        BrokerStorage.format(logDir, users);

        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            // Picked ports can be taken by someone else before the broker binds them: then try new ones.
            int clientPort = port == 0 ? Ports.pickFree() : port;
            int controllerPort = Ports.pickFree();
            Properties properties = BrokerProperties.of(logDir, clientPort, controllerPort, defaultPartitions, users);
            properties.setProperty("server.max.startup.time.ms", String.valueOf(STARTUP_TIMEOUT.toMillis()));
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                shutDownQuietly(server);
                if (port != 0 && !Ports.isFree(port)) {
                    throw new PortInUseException(port);
                }
                lastFailure = e;
                if (isBindFailure(e)) {
                    continue;
                }
                break;
            }
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, absoluteDataDir, clientPort, users);
            broker.awaitVisibleToClients();
            return broker;
        }
        throw new IllegalStateException("Kafka broker did not start (port " + port + ", data " + absoluteDataDir + "): "
                + lastFailure.getMessage(), lastFailure);
    }

    /** Where Kafka keeps its log segments and metadata inside a data folder. */
    static Path logDirOf(Path dataDir) {
        return dataDir.resolve("logs");
    }

    /** {@code localhost:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates a topic with replication factor 1; a topic that already exists is left as it is. */
    public void createTopic(String name, int partitions) {
        withKafkaClassLoader(() -> {
            createTopicWithAdmin(name, partitions);
            return null;
        });
    }

    private void createTopicWithAdmin(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic " + name + " was not created within 30 s", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        withKafkaClassLoader(() -> {
            server.shutdown();
            server.awaitShutdown();
            return null;
        });
    }

    /*
     * Kafka loads configured classes (persisters, reporters, log4j plugins) through the thread's context class loader,
     * and the threads it starts inherit it. Under Quarkus that is another copy of the Kafka classes than this one's.
     */
    private static <T> T withKafkaClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmbeddedKafkaBroker.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void awaitVisibleToClients() {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(deadline)) {
                if (!describeNodes(admin).isEmpty()) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        throw new IllegalStateException("Kafka broker on port " + port + " (data " + dataDir + ") did not come up within "
                + STARTUP_TIMEOUT.toSeconds() + " s");
    }

    private static Collection<?> describeNodes(Admin admin) throws InterruptedException {
        try {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }

    private Admin admin() {
        Map<String, Object> settings = new HashMap<>(adminSettings());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(settings);
    }

    /** What an administrator's client sets: {@code bootstrap.servers} and, on a secured broker, its credentials. */
    public Map<String, String> adminSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (users != null) {
            settings.putAll(users.clientSettings(users.admin()));
        }
        return settings;
    }

    /** Creates these topics (as the administrator); one that exists already is an error. */
    public void createTopics(Collection<NewTopic> topics) {
        asAdmin("create topics", admin -> admin.createTopics(topics).all());
    }

    /** Allows what the bindings say (as the administrator); only on a broker started with {@link #startSecured}. */
    public void createAcls(Collection<AclBinding> bindings) {
        asAdmin("create ACLs", admin -> admin.createAcls(bindings).all());
    }

    private void asAdmin(String what, Function<Admin, KafkaFuture<Void>> request) {
        withKafkaClassLoader(() -> {
            try (Admin admin = admin()) {
                request.apply(admin).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while trying to " + what, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException
                    || (t.getMessage() != null && t.getMessage().contains("failed to bind"))) {
                return true;
            }
        }
        return false;
    }

    private static void shutDownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException ignored) {
            // The start-up failure is what the caller needs to see.
        }
    }
}
