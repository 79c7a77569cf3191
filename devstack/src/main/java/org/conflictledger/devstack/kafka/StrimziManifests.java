package org.conflictledger.devstack.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Strimzi manifests declare, for an embedded broker: the topics of {@code KafkaTopic} resources, and the ACLs a
 * {@code KafkaUser} ({@code authorization: type: simple}) gives its user as Kafka ACL bindings. A test can so run a
 * service against the production overlay's topics and ACLs and prove they are enough for it.
 */
public final class StrimziManifests {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private StrimziManifests() {
    }

    /**
     * The {@code KafkaTopic}s of {@code manifest} as topics of a one-node broker: their partitions and configuration,
     * with one replica and no {@code min.insync.replicas} above it.
     */
    public static List<NewTopic> topics(Path manifest) {
        List<NewTopic> topics = new ArrayList<>();
        for (JsonNode document : documents(manifest)) {
            if ("KafkaTopic".equals(document.path("kind").asText())) {
                JsonNode spec = document.path("spec");
                String name = spec.path("topicName").asText(document.path("metadata").path("name").asText());
                Map<String, String> config = new LinkedHashMap<>();
                spec.path("config").fields().forEachRemaining(entry -> config.put(entry.getKey(), entry.getValue().asText()));
                config.remove("min.insync.replicas");
                topics.add(new NewTopic(name, spec.path("partitions").asInt(1), (short) 1).configs(config));
            }
        }
        return topics;
    }

    /** The bindings of the {@code KafkaUser} named {@code user} among the documents of {@code manifest}. */
    public static List<AclBinding> userAcls(Path manifest, String user) {
        for (JsonNode document : documents(manifest)) {
            if ("KafkaUser".equals(document.path("kind").asText())
                    && user.equals(document.path("metadata").path("name").asText())) {
                return bindings(user, document.path("spec").path("authorization"));
            }
        }
        throw new IllegalArgumentException(manifest + " has no KafkaUser named " + user);
    }

    private static List<AclBinding> bindings(String user, JsonNode authorization) {
        if (!"simple".equals(authorization.path("type").asText())) {
            throw new IllegalArgumentException("KafkaUser " + user + " has no simple authorization");
        }
        List<AclBinding> bindings = new ArrayList<>();
        for (JsonNode acl : authorization.path("acls")) {
            JsonNode resource = acl.path("resource");
            ResourceType type = resourceType(resource.path("type").asText());
            String name = type == ResourceType.CLUSTER ? "kafka-cluster" : resource.path("name").asText();
            PatternType pattern = "prefix".equalsIgnoreCase(resource.path("patternType").asText("literal"))
                    ? PatternType.PREFIXED : PatternType.LITERAL;
            String host = acl.path("host").asText("*");
            AclPermissionType permission = "deny".equalsIgnoreCase(acl.path("type").asText("allow"))
                    ? AclPermissionType.DENY : AclPermissionType.ALLOW;
            for (JsonNode operation : acl.path("operations")) {
                bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
                        new AccessControlEntry("User:" + user, host, operation(operation.asText()), permission)));
            }
        }
        return bindings;
    }

    /** Strimzi's {@code topic}, {@code group}, {@code transactionalId}, {@code cluster}. */
    private static ResourceType resourceType(String strimzi) {
        return switch (strimzi) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            case "cluster" -> ResourceType.CLUSTER;
            default -> throw new IllegalArgumentException("unknown Strimzi ACL resource type " + strimzi);
        };
    }

    /** Strimzi's {@code Describe}, {@code IdempotentWrite}, … as Kafka's {@code DESCRIBE}, {@code IDEMPOTENT_WRITE}. */
    private static AclOperation operation(String strimzi) {
        String name = strimzi.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return AclOperation.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown Strimzi ACL operation " + strimzi, e);
        }
    }

    private static List<JsonNode> documents(Path manifest) {
        try (YAMLParser parser = new YAMLFactory().createParser(Files.newBufferedReader(manifest))) {
            ObjectReader reader = YAML.readerFor(JsonNode.class);
            List<JsonNode> documents = new ArrayList<>();
            reader.readValues(parser).forEachRemaining(node -> documents.add((JsonNode) node));
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
    }
}
