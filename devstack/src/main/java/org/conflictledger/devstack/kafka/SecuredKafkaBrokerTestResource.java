package org.conflictledger.devstack.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A broker of the test class's own that requires SASL/SCRAM-SHA-512 and authorizes by ACL, as the production overlay
 * runs Kafka: with the topics of its {@code KafkaTopic} manifests, and one service user allowed exactly what its
 * {@code KafkaUser} manifest allows. Init args: {@code user} (the KafkaUser's name), {@code users} (the file holding
 * it) and {@code topics} (the file holding the KafkaTopics), paths relative to the module. Sets {@code kafka.bootstrap.servers} and the
 * service's {@code kafka.security.protocol}, {@code kafka.sasl.mechanism} and {@code kafka.sasl.jaas.config};
 * {@value #ADMIN_SETTINGS_PREFIX}* carries the administrator's client settings for the test's own clients.
 */
public class SecuredKafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String ADMIN_SETTINGS_PREFIX = "devstack.kafka.admin.";
    private static final String ADMIN = "admin";
    private static final String PRODUCTION_OVERLAY = "../deploy/k8s/overlays/prod/";

    private String user;
    private Path usersManifest;
    private Path topicsManifest;
    private Path dataDir;
    private EmbeddedKafkaBroker broker;

    @Override
    public void init(Map<String, String> initArgs) {
        user = required(initArgs, "user");
        usersManifest = Path.of(required(initArgs, "users"));
        topicsManifest = Path.of(required(initArgs, "topics"));
    }

    @Override
    public Map<String, String> start() {
        BrokerUsers users = BrokerUsers.admin(ADMIN, UUID.randomUUID().toString())
                .with(user, UUID.randomUUID().toString());
        try {
            dataDir = Files.createTempDirectory("devstack-kafka-secured-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = EmbeddedKafkaBroker.startSecured(dataDir, 0, users);
        broker.createTopics(StrimziManifests.topics(topicsManifest));
        broker.createAcls(StrimziManifests.userAcls(usersManifest, user));
        Map<String, String> config = new HashMap<>();
        config.put(KafkaBrokerTestResource.BOOTSTRAP_SERVERS_KEY, broker.bootstrapServers());
        users.clientSettings(user).forEach((name, value) -> config.put("kafka." + name, value));
        broker.adminSettings().forEach((name, value) -> config.put(ADMIN_SETTINGS_PREFIX + name, value));
        return config;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // under the system temp folder
            }
        }
    }

    /**
     * This resource for the production overlay's {@code KafkaUser} {@code user}, with the overlay's topics, for a test
     * profile's {@code testResources()}; the manifests' paths are relative to a module of this repository.
     */
    public static QuarkusTestProfile.TestResourceEntry forProductionUser(String user) {
        return new QuarkusTestProfile.TestResourceEntry(SecuredKafkaBrokerTestResource.class, Map.of(
                "user", user, "users", PRODUCTION_OVERLAY + "kafka-users.yaml", "topics", PRODUCTION_OVERLAY + "kafka.yaml"));
    }

    /**
     * Reads {@code topic} from its beginning as the administrator (committed records only) until a record keyed
     * {@code key} arrives; fails after {@code within}.
     */
    public static void awaitRecordKeyed(String topic, String key, Duration within) {
        Properties props = adminClient();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() - deadline < 0) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no record keyed " + key + " on " + topic + " within " + within);
    }

    /** A test's client settings as the broker's administrator (read from the running application's configuration). */
    public static Properties adminClient() {
        Config config = ConfigProvider.getConfig();
        Properties props = new Properties();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ADMIN_SETTINGS_PREFIX)) {
                props.put(name.substring(ADMIN_SETTINGS_PREFIX.length()), config.getValue(name, String.class));
            }
        }
        return props;
    }

    /** A test's client settings as the service under test: the credentials the service itself was given. */
    public static Properties serviceClient() {
        Config config = ConfigProvider.getConfig();
        Properties props = new Properties();
        props.put("bootstrap.servers", config.getValue(KafkaBrokerTestResource.BOOTSTRAP_SERVERS_KEY, String.class));
        for (String name : List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config")) {
            props.put(name, config.getValue("kafka." + name, String.class));
        }
        return props;
    }

    private static String required(Map<String, String> args, String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(SecuredKafkaBrokerTestResource.class.getSimpleName() + " needs the init"
                    + " arg " + name);
        }
        return value;
    }
}
