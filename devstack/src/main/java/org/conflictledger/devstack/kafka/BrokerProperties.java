package org.conflictledger.devstack.kafka;

import java.nio.file.Path;
import java.util.Properties;

/** The configuration of a single-node KRaft cluster: one process that is both broker and controller. */
final class BrokerProperties {

    static final int NODE_ID = 1;
    static final String CLIENT_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private BrokerProperties() {
    }

    /** @param users null for a plaintext client listener open to all; else SASL/SCRAM and ACLs for these users */
    static Properties of(Path logDir, int clientPort, int controllerPort, int defaultPartitions, BrokerUsers users) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.setProperty("listeners",
                CLIENT_LISTENER + "://localhost:" + clientPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", CLIENT_LISTENER + "://localhost:" + clientPort);
        p.setProperty("listener.security.protocol.map", CLIENT_LISTENER + ":" + (users == null ? "PLAINTEXT"
                : "SASL_PLAINTEXT") + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        p.setProperty("inter.broker.listener.name", CLIENT_LISTENER);
        if (users != null) {
            requireScramAndAcls(p, users);
        }
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("metadata.log.dir", logDir.toString());

        // One node: every replication factor and ISR minimum is 1.
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions: the first consumer group and transaction come up faster.
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.num.partitions", "5");

        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", String.valueOf(defaultPartitions));
        p.setProperty("group.initial.rebalance.delay.ms", "0");

        // In combined mode a controlled shutdown waits > 30 s for a controller that is going away itself.
        p.setProperty("controlled.shutdown.enable", "false");
        // A restart on the same data waits for the previous incarnation's session to expire.
        p.setProperty("broker.session.timeout.ms", "2000");
        p.setProperty("broker.heartbeat.interval.ms", "200");

        // Small-machine sizing: the log cleaner's default 128 MB dedupe buffer would dominate the heap.
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        return p;
    }

    private static void requireScramAndAcls(Properties p, BrokerUsers users) {
        String listener = "listener.name." + CLIENT_LISTENER.toLowerCase(java.util.Locale.ROOT) + ".";
        p.setProperty("sasl.enabled.mechanisms", BrokerUsers.MECHANISM);
        p.setProperty("sasl.mechanism.inter.broker.protocol", BrokerUsers.MECHANISM);
        // The broker's own connections to its client listener authenticate as the administrator.
        p.setProperty(listener + BrokerUsers.MECHANISM.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
                BrokerUsers.jaasConfig(users.admin(), users.passwords().get(users.admin())));
        p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // ANONYMOUS: the node's own requests on its plaintext controller listener, which clients are never given.
        p.setProperty("super.users", "User:" + users.admin() + ";User:ANONYMOUS");
        p.setProperty("allow.everyone.if.no.acl.found", "false");
    }
}
