package org.conflictledger.platform.transparency;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.conflictledger.platform.config.LedgerConfig;
import org.conflictledger.transparency.Checkpoint;
import org.conflictledger.transparency.MerkleTree;
import org.jboss.logging.Logger;

import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The service's transparency log: the Merkle tree over its leaves, signed checkpoints of it, and proofs against
 * them. Leaves never change once written, so this node keeps their hashes in memory (32 bytes each) and reads only
 * the ones appended since it last looked. A checkpoint is signed every {@code ledger.transparency.checkpoint-interval}
 * when the log has grown, and when a client asks for the latest one; the signer also puts every checkpoint on the
 * service's topic ({@link CheckpointPublisher}), retrying until the broker has it.
 */
@ApplicationScoped
public class TransparencyLog {
    private static final Logger LOG = Logger.getLogger(TransparencyLog.class);

    private final LogLeaves leaves;
    private final SigningKey signingKey;
    private final AgroalDataSource dataSource;
    private final LedgerConfig config;
    private final CheckpointPublisher publisher;
    private final List<byte[]> leafHashes = new ArrayList<>();
    private final MerkleTree tree = new MerkleTree(this::leafHash);
    private ScheduledExecutorService signer;

    TransparencyLog(LogLeaves leaves, SigningKey signingKey, AgroalDataSource dataSource, LedgerConfig config,
                    CheckpointPublisher publisher) {
        this.leaves = leaves;
        this.signingKey = signingKey;
        this.dataSource = dataSource;
        this.config = config;
        this.publisher = publisher;
    }

    void onStart(@Observes StartupEvent event) {
        long every = config.transparency().checkpointInterval().toMillis();
        signer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "checkpoint-signer");
            thread.setDaemon(true);
            return thread;
        });
        signer.scheduleWithFixedDelay(this::signQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (signer != null) {
            // Not interrupted: an interrupt during a write closes the embedded database's file channel.
            signer.shutdown();
            signer.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** The log's origin line: which log a checkpoint is about. */
    public String origin() {
        return "conflict-ledger/" + config.serviceName();
    }

    public KeyPair keys() {
        return signingKey.keys();
    }

    /** How many leaves the log holds now. */
    public synchronized long size() {
        catchUp();
        return leafHashes.size();
    }

    /** The newest checkpoint, signing one first when the log has grown since the last. */
    public Checkpoint latest() {
        return signIfGrown();
    }

    /** Checkpoints of at least {@code fromSize} leaves, oldest first. */
    public List<Checkpoint> checkpoints(long fromSize, int limit) {
        List<Checkpoint> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT tree_size, origin, root_hash, signed_at,"
                     + " key_id, signature FROM log_checkpoint WHERE tree_size >= ? ORDER BY tree_size")) {
            select.setLong(1, fromSize);
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(checkpoint(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the log's checkpoints", e);
        }
        return found;
    }

    /** The checkpoint of exactly this tree size, if one was signed. */
    public Optional<Checkpoint> checkpoint(long treeSize) {
        List<Checkpoint> found = checkpoints(treeSize, 1);
        return found.isEmpty() || found.get(0).treeSize() != treeSize ? Optional.empty() : Optional.of(found.get(0));
    }

    public synchronized byte[] rootHash(long treeSize) {
        requireSize(treeSize);
        return tree.rootHash(treeSize);
    }

    public synchronized List<byte[]> inclusionProof(long position, long treeSize) {
        requireSize(treeSize);
        return tree.inclusionProof(position, treeSize);
    }

    public synchronized List<byte[]> consistencyProof(long first, long second) {
        requireSize(second);
        return tree.consistencyProof(first, second);
    }

    private void requireSize(long treeSize) {
        catchUp();
        if (treeSize > leafHashes.size()) {
            throw new IllegalArgumentException("the log holds " + leafHashes.size() + " entries, not " + treeSize);
        }
    }

    /** The signer's tick: a checkpoint when the log has grown, then every checkpoint not on the topic yet. */
    private void signQuietly() {
        try {
            signIfGrown();
            if (publisher.enabled()) {
                publishUnpublished();
            }
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            LOG.warnf("Could not sign or publish a checkpoint now (%s: %s); trying again in %s", e.toString(),
                    cause.toString(), config.transparency().checkpointInterval());
        }
    }

    private void publishUnpublished() {
        List<Checkpoint> waiting = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT tree_size, origin, root_hash, signed_at,"
                     + " key_id, signature FROM log_checkpoint WHERE published = FALSE ORDER BY tree_size")) {
            select.setMaxRows(100);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    waiting.add(checkpoint(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the checkpoints to publish", e);
        }
        for (Checkpoint checkpoint : waiting) {
            publisher.publish(checkpoint);
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE log_checkpoint SET published = TRUE WHERE tree_size = ?")) {
                update.setLong(1, checkpoint.treeSize());
                update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not mark checkpoint " + checkpoint.treeSize() + " published", e);
            }
        }
    }

    private synchronized Checkpoint signIfGrown() {
        catchUp();
        long size = leafHashes.size();
        Optional<Checkpoint> newest = newest();
        if (newest.isPresent() && newest.get().treeSize() >= size) {
            return newest.get();
        }
        KeyPair keys = signingKey.keys();
        if (newest.isPresent() && !extends_(newest.get(), keys)) {
            // The leaves this node read no longer give the last signed head: they were rewritten in the database.
            // Signing now would put the key's name under the rewritten log; serve the last honest head instead.
            LOG.errorf("The log's leaves do not give the root of checkpoint %d signed before: they were changed in"
                    + " the database. No checkpoint is signed until this is resolved (GET …/log/verify says where).",
                    newest.get().treeSize());
            return newest.get();
        }
        Checkpoint signed = Checkpoint.sign(origin(), size, tree.rootHash(size), Instant.now(), keys.getPrivate(),
                keys.getPublic());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO log_checkpoint (tree_size, origin,"
                     + " root_hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, signed.treeSize());
            insert.setString(2, signed.origin());
            insert.setString(3, signed.rootHash());
            insert.setString(4, signed.signedAt().toString());
            insert.setString(5, signed.keyId());
            insert.setString(6, signed.signature());
            insert.executeUpdate();
        } catch (SQLException e) {
            // another replica signed this size first: serve the stored one, so that one size has one checkpoint
            return checkpoint(size).orElseThrow(() -> new IllegalStateException("Could not store a checkpoint", e));
        }
        LOG.debugf("Signed checkpoint %d %s", signed.treeSize(), signed.rootHash());
        return signed;
    }

    /** Whether the tree this node holds extends {@code previous}, a checkpoint this service signed. */
    private boolean extends_(Checkpoint previous, KeyPair keys) {
        if (!previous.keyId().equals(org.conflictledger.transparency.SigningKeys.keyId(keys.getPublic()))) {
            LOG.warnf("Checkpoint %d was signed with another key (%s): the signing key was changed",
                    previous.treeSize(), previous.keyId());
            return previous.treeSize() <= leafHashes.size();
        }
        return previous.verifiedBy(keys.getPublic()) && previous.treeSize() <= leafHashes.size()
                && java.util.Arrays.equals(tree.rootHash(previous.treeSize()), previous.rootHashBytes());
    }

    private Optional<Checkpoint> newest() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT tree_size, origin, root_hash, signed_at,"
                     + " key_id, signature FROM log_checkpoint ORDER BY tree_size DESC")) {
            select.setMaxRows(1);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(checkpoint(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the log's checkpoints", e);
        }
    }

    /** Reads the leaves appended since this node last looked. */
    private void catchUp() {
        long known = leafHashes.size();
        long size = leaves.size();
        if (size > known) {
            leafHashes.addAll(leaves.hashes(known, size));
        }
    }

    private byte[] leafHash(long position) {
        return leafHashes.get(Math.toIntExact(position));
    }

    private static Checkpoint checkpoint(ResultSet rows) throws SQLException {
        return new Checkpoint(rows.getString(2), rows.getLong(1), rows.getString(3), Instant.parse(rows.getString(4)),
                rows.getString(5), rows.getString(6));
    }
}
