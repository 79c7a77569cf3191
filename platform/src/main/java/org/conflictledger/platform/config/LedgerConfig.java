package org.conflictledger.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings every service shares; each is overridable by an environment variable (LEDGER_...). */
@ConfigMapping(prefix = "ledger")
public interface LedgerConfig {

    /** The service's name, used as the CloudEvents {@code source} (e.g. {@code actors-service}). */
    String serviceName();

    Axon axon();

    Outbox outbox();

    Api api();

    Transparency transparency();

    EmbeddedDatabase embeddedDatabase();

    Releases releases();

    interface Axon {
        /** Take a snapshot of an aggregate after this many events since the last one. */
        @WithDefault("50")
        int snapshotThreshold();

        /** How long a write waits for the read models to show it before answering. */
        @WithDefault("10s")
        Duration readYourWritesTimeout();

        /**
         * How long a read-model rebuild request waits for the replay to finish before answering 503 (the replay goes
         * on; asking again waits for the same replay). Below the gateway's total request timeout.
         */
        @WithDefault("100s")
        Duration rebuildWait();

        /**
         * The transaction timeout of a read model's reset, which empties its tables before a rebuild: on a large store
         * that outlasts the default transaction timeout (60 s), and a reset cut short fails the rebuild.
         */
        @WithDefault("30m")
        Duration resetTimeout();
    }

    interface Outbox {
        /** Publish stored events to Kafka. Off only for tools that must not publish. */
        @WithDefault("true")
        boolean enabled();

        /** The topic the service publishes its events to. */
        String topic();

        /** How long to wait for the broker to acknowledge one event before retrying. */
        @WithDefault("30s")
        Duration acknowledgementTimeout();

        /** Kafka bootstrap servers; defaults to {@code kafka.bootstrap.servers}. */
        Optional<String> bootstrapServers();

        /**
         * The compacted topic where the outbox records how far it has published, in the same Kafka transaction
         * as the events (created with one partition if missing).
         */
        @WithDefault("ledger.outbox-positions")
        String positionTopic();

        /**
         * The largest CloudEvent the topic takes, in bytes; a change that would publish a larger one is refused
         * (413) before it is stored. The broker's {@code message.max.bytes} (and the topic's
         * {@code max.message.bytes}) must allow it.
         */
        @WithDefault("1000000")
        int maxEventSize();

        /** The outbox's Kafka transactional id, the same on every replica; defaults to {@code <service>-outbox}. */
        Optional<String> transactionalId();
    }

    interface Api {
        /** Answer 428 when a write to an existing record has no If-Match header. */
        @WithDefault("false")
        boolean requireIfMatch();

        /**
         * The longest a list query may run before it is cancelled and answered 503 with Retry-After, so that a list
         * too costly for the moment neither runs into the transaction timeout (a 500) nor weighs on the requests after
         * it. Counted in whole seconds (JDBC's unit).
         */
        @WithDefault("10s")
        Duration queryTimeout();

        /** How long a create's Idempotency-Key is remembered: a retry within it answers the first result. */
        @WithDefault("24h")
        Duration idempotencyKeyTtl();
    }

    interface Transparency {
        /**
         * The Ed25519 private key (PKCS#8 PEM file) that signs the log's checkpoints. Without it the service generates
         * one on first start and keeps it in its database, which whoever can write that database could also use: give
         * production a key from a secret.
         */
        Optional<String> signingKey();

        /** How often a new checkpoint is signed when the log has grown since the last. */
        @WithDefault("10s")
        Duration checkpointInterval();
    }

    interface EmbeddedDatabase {
        /**
         * How often the embedded H2 file is compacted (its partly dead chunks rewritten, so that their space is reused):
         * H2 does this in a background thread only when commits are written late, and the services write each commit
         * at once ({@code WRITE_DELAY=0}). 0 turns it off. Nothing happens on PostgreSQL or an in-memory H2.
         */
        @WithDefault("2s")
        Duration compactInterval();

        /** Chunks less full than this percentage are rewritten. */
        @WithDefault("50")
        int compactFillRate();
    }

    interface Releases {
        /**
         * How long after its instant a release is read. A change is stamped with its time before its transaction
         * commits, so a write under way at that instant (a long import) is only visible a moment later: read earlier,
         * the release would miss it, and its hash would not match its download later. A cut of "now" waits this long.
         */
        @WithDefault("30s")
        Duration settle();
    }
}
