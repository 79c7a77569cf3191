package org.conflictledger.platform.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import org.conflictledger.transparency.Checkpoint;
import org.conflictledger.transparency.HashChain;
import org.conflictledger.transparency.MerkleTree;
import org.conflictledger.transparency.SigningKeys;

import java.security.PublicKey;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks the whole log from the database as it is now, not from this node's memory: every leaf against the stored
 * event it was written for, every record's hash chain in log order, and every signed checkpoint's signature and root
 * hash against the stored leaves. An insider who rewrote events and their leaves alike cannot sign a new checkpoint
 * without the signing key, so this catches them as long as that key is held outside the database
 * ({@code ledger.transparency.signing-key}); and no node signs a tree that does not extend the last checkpoint.
 */
@ApplicationScoped
public class LogCheck {
    private static final int PAGE = 1000;

    private final LogLeaves leaves;
    private final TransparencyLog log;

    LogCheck(LogLeaves leaves, TransparencyLog log) {
        this.leaves = leaves;
        this.log = log;
    }

    public LogVerification verify() {
        long size = leaves.size();
        long unlogged = leaves.unloggedCount();
        Map<String, String> heads = new HashMap<>();
        for (long start = 0; start < size; start += PAGE) {
            for (LoggedEvent leaf : leaves.range(start, PAGE)) {
                String problem = problem(leaf, heads);
                if (problem != null) {
                    return new LogVerification(false, size, null, unlogged, leaf.position(), problem);
                }
            }
        }
        // Every signed checkpoint against the leaves as stored now: read from the database, not this node's memory.
        List<byte[]> stored;
        try {
            stored = leaves.hashes(0, size);
        } catch (IllegalStateException gap) {
            return new LogVerification(false, size, null, unlogged, null, gap.getMessage() + ": leaves were removed");
        }
        MerkleTree tree = new MerkleTree(i -> stored.get((int) i));
        PublicKey key = log.keys().getPublic();
        Long checked = null;
        for (long from = 0; ; ) {
            List<Checkpoint> page = log.checkpoints(from, PAGE);
            for (Checkpoint checkpoint : page) {
                String problem = problem(checkpoint, key, tree, stored.size());
                if (problem != null) {
                    return new LogVerification(false, size, checkpoint.treeSize(), unlogged, null, problem);
                }
                checked = checkpoint.treeSize();
            }
            if (page.size() < PAGE) {
                break;
            }
            from = page.get(page.size() - 1).treeSize() + 1;
        }
        return new LogVerification(true, size, checked, unlogged, null, null);
    }

    /** What is wrong with a stored checkpoint, given the leaves as stored now. */
    private static String problem(Checkpoint checkpoint, PublicKey key, MerkleTree tree, long leaves) {
        if (checkpoint.keyId().equals(SigningKeys.keyId(key)) && !checkpoint.verifiedBy(key)) {
            return "checkpoint " + checkpoint.treeSize() + "'s signature does not hold";
        }
        if (checkpoint.treeSize() > leaves) {
            return "the log holds " + leaves + " leaves; checkpoint " + checkpoint.treeSize() + " covers more:"
                    + " leaves were removed";
        }
        if (!HexFormat.of().formatHex(tree.rootHash(checkpoint.treeSize())).equals(checkpoint.rootHash())) {
            return "the stored leaves do not give the root hash of checkpoint " + checkpoint.treeSize()
                    + ": leaves were rewritten after it was signed";
        }
        return null;
    }

    /** What is wrong with one leaf and its stored event, given the chain heads of the records met so far. */
    private static String problem(LoggedEvent leaf, Map<String, String> heads) {
        StoredEvent event = leaf.event();
        String which = "event " + leaf.sequence() + " of " + leaf.aggregateId();
        if (event == null) {
            return "the store no longer holds " + which;
        }
        if (!event.logEntry().leafHashHex().equals(leaf.leafHash())) {
            return "stored " + which + " does not match its leaf";
        }
        String previous = heads.getOrDefault(event.aggregateId(), HashChain.GENESIS);
        String link = HashChain.link(previous, event.aggregateId(), event.sequence(), event.payloadType(),
                event.payload(), event.metaData());
        if (!link.equals(HashChain.recordedHash(event.metaData()))) {
            return "stored " + which + " does not give its recorded chain link";
        }
        heads.put(event.aggregateId(), link);
        return null;
    }
}
