package org.conflictledger.transparency.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.conflictledger.transparency.Checkpoint;
import org.conflictledger.transparency.HashChain;
import org.conflictledger.transparency.LogEntry;
import org.conflictledger.transparency.MerkleTree;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The outside verifier's checks of one service's log, through its public API only. Nothing the service says is
 * taken on trust but the first checkpoint a user saved (and the public key saved with it): every later answer is
 * checked against it with signatures, proofs and recomputed hashes.
 */
final class LogAudit {
    private static final HexFormat HEX = HexFormat.of();
    /** How long after an event is recorded the service's log may take to append it. */
    private static final Duration APPENDER_LAG = Duration.ofMinutes(1);

    private final LedgerApi api;
    private final String logPath;
    private final Report report;

    /** @param collection the log's collection path, e.g. {@code /api/v1/actors} */
    LogAudit(LedgerApi api, String collection, Report report) {
        this.api = api;
        this.logPath = collection + "/log";
        this.report = report;
    }

    /** Saves the newest checkpoint; when the file holds an earlier one, first checks the log still extends it. */
    void saveCheckpoint(Path file) {
        JsonNode info = require(api.get(logPath), logPath);
        String keyPem = info.path("publicKey").asText();
        SavedCheckpoint earlier = Files.exists(file) ? SavedCheckpoint.read(file) : null;
        if (earlier != null && !earlier.publicKeyPem().strip().equals(keyPem.strip())) {
            report.fail("the log's public key is not the one saved in " + file + ": checkpoints signed with another"
                    + " key prove nothing about the saved one");
            return;
        }
        PublicKey key = earlier == null ? new SavedCheckpoint(null, keyPem).publicKey() : earlier.publicKey();
        Checkpoint latest = SavedCheckpoint.checkpoint(info.path("latest"));
        if (!report.check(latest.verifiedBy(key), "checkpoint " + describe(latest) + " is signed by key "
                + latest.keyId(), "checkpoint " + describe(latest) + " does not verify with the log's key")) {
            return;
        }
        if (earlier != null && !consistent(earlier.checkpoint(), latest)) {
            return;
        }
        new SavedCheckpoint(latest, keyPem).write(file);
        report.ok("saved to " + file + (earlier == null ? " (its key is pinned from now on)" : ""));
    }

    /** Checks that the log now (or the checkpoint in {@code later}) extends the saved checkpoint. */
    void checkConsistency(SavedCheckpoint saved, SavedCheckpoint later) {
        if (!signed(saved)) {
            return;
        }
        Checkpoint second;
        if (later == null) {
            second = newest(saved.publicKey());
            if (second == null) {
                return;
            }
        } else {
            second = later.checkpoint();
            if (!report.check(second.verifiedBy(saved.publicKey()), "checkpoint " + describe(second)
                    + " is signed by the saved key", "checkpoint " + describe(second) + " is not signed by the key"
                    + " saved with " + describe(saved.checkpoint()))) {
                return;
            }
        }
        consistent(saved.checkpoint(), second);
    }

    /**
     * Checks one record: its chain recomputed from the stored events the log serves, each event's leaf recomputed
     * and proved to be in the saved checkpoint (or, for later events, in the newest one, which must extend it), and
     * the record's public history against the log.
     */
    void checkRecord(SavedCheckpoint saved, String collection, String id) {
        if (!signed(saved)) {
            return;
        }
        List<JsonNode> entries = require(api.all(logPath + "/entries?record=" + LedgerApi.encode(id) + "&limit=500"),
                "the log's entries of " + id);
        if (entries.isEmpty()) {
            report.fail("the log holds no entry of record " + id);
            return;
        }
        // Asked after the entries, so that it covers every one of them (the service signs one when the log grew).
        Checkpoint newest = newest(saved.publicKey());
        if (newest == null || !consistent(saved.checkpoint(), newest)) {
            return;
        }
        String previous = HashChain.GENESIS;
        Map<Long, String> hashes = new HashMap<>();
        for (JsonNode entry : entries) {
            long position = entry.path("position").asLong();
            if (entry.path("entry").isMissingNode() || entry.path("entry").isNull()) {
                report.fail("position " + position + ": the log holds an event of " + id
                        + " that the store no longer has (deleted)");
                return;
            }
            LogEntry leaf = leaf(entry.path("entry"));
            if (leaf.sequence() != hashes.size()) {
                report.fail("event " + hashes.size() + " of " + id + " is missing from the log's entries");
                return;
            }
            if (!chainLinkHolds(entry, leaf, previous) || !inTheRightCheckpoint(leaf, position, saved.checkpoint())) {
                return;
            }
            Checkpoint under = position < saved.checkpoint().treeSize() ? saved.checkpoint() : newest;
            if (position >= under.treeSize()) {
                report.fail("event " + leaf.sequence() + " of " + id + " (position " + position + ") is in no signed"
                        + " checkpoint: the service served an entry it does not sign");
                return;
            }
            if (!included(leaf, position, under)) {
                return;
            }
            previous = leaf.hash();
            hashes.put(leaf.sequence(), leaf.hash());
        }
        report.ok(id + ": " + entries.size() + " event(s), chain intact, each proved in a signed checkpoint, head "
                + previous);
        checkHistory(collection, id, hashes);
    }

    /**
     * An event recorded well before the saved checkpoint was signed must be among the entries it covers: one found
     * after them is a record rewritten since (its old entries hidden from the record, its events written again).
     */
    private boolean inTheRightCheckpoint(LogEntry leaf, long position, Checkpoint saved) {
        Instant recorded;
        try {
            recorded = Instant.parse(leaf.timestamp());
        } catch (DateTimeParseException e) {
            report.fail("event " + leaf.sequence() + " of " + leaf.aggregateId() + " has no readable time stamp");
            return false;
        }
        if (position >= saved.treeSize() && recorded.isBefore(saved.signedAt().minus(APPENDER_LAG))) {
            report.fail("event " + leaf.sequence() + " of " + leaf.aggregateId() + " was recorded at " + recorded
                    + ", before the saved checkpoint was signed, yet it is not among the entries that checkpoint"
                    + " covers (position " + position + "): the record was written again since");
            return false;
        }
        return true;
    }

    /** Recomputes every leaf up to the saved checkpoint's size from the stored events, and every record's chain. */
    void checkWholeLog(SavedCheckpoint saved) {
        if (!signed(saved)) {
            return;
        }
        long size = saved.checkpoint().treeSize();
        List<byte[]> leaves = new ArrayList<>();
        Map<String, String> heads = new HashMap<>();
        Map<String, Long> nextSequence = new HashMap<>();
        long cursor = 0;
        while (leaves.size() < size) {
            JsonNode page = require(api.get(logPath + "/entries?limit=500&cursor=" + cursor), "the log's entries");
            if (page.path("items").isEmpty()) {
                break;
            }
            for (JsonNode entry : page.path("items")) {
                if (leaves.size() >= size) {
                    break;
                }
                long position = entry.path("position").asLong();
                if (position != leaves.size()) {
                    report.fail("the log serves position " + position + " where " + leaves.size() + " was expected");
                    return;
                }
                if (entry.path("entry").isNull() || entry.path("entry").isMissingNode()) {
                    report.fail("position " + position + ": the store no longer holds the event the log has there");
                    return;
                }
                LogEntry leaf = leaf(entry.path("entry"));
                long expected = nextSequence.getOrDefault(leaf.aggregateId(), 0L);
                if (leaf.sequence() != expected) {
                    report.fail("position " + position + ": event " + leaf.sequence() + " of " + leaf.aggregateId()
                            + " where event " + expected + " was expected");
                    return;
                }
                if (!chainLinkHolds(entry, leaf, heads.getOrDefault(leaf.aggregateId(), HashChain.GENESIS))) {
                    return;
                }
                heads.put(leaf.aggregateId(), leaf.hash());
                nextSequence.put(leaf.aggregateId(), expected + 1);
                leaves.add(leaf.leafHash());
            }
            cursor = leaves.size();
            if (leaves.size() % 5000 == 0 || leaves.size() >= size) {
                System.err.printf("… %d of %d entries%n", leaves.size(), size);
            }
        }
        if (leaves.size() < size) {
            report.fail("the log serves " + leaves.size() + " entries; the saved checkpoint covers " + size);
            return;
        }
        byte[] root = new MerkleTree(i -> leaves.get((int) i)).rootHash(size);
        report.check(HEX.formatHex(root).equals(saved.checkpoint().rootHash()),
                "the " + size + " entries recomputed from the stored events give the saved root hash; "
                        + heads.size() + " record chains intact",
                "the entries recomputed from the stored events give root " + HEX.formatHex(root)
                        + ", not the saved " + saved.checkpoint().rootHash());
    }

    private boolean chainLinkHolds(JsonNode entry, LogEntry leaf, String previous) {
        byte[] payload = entry.path("storedPayload").asText().getBytes(StandardCharsets.UTF_8);
        byte[] metaData = entry.path("storedMetaData").asText("{}").getBytes(StandardCharsets.UTF_8);
        String recorded = HashChain.recordedHash(metaData);
        String computed = HashChain.link(previous, leaf.aggregateId(), leaf.sequence(), leaf.payloadType(), payload,
                metaData);
        if (!computed.equals(recorded) || !computed.equals(leaf.hash())) {
            report.fail("event " + leaf.sequence() + " of " + leaf.aggregateId() + ": the stored event does not give"
                    + " its recorded chain link (recomputed " + computed + ", recorded " + recorded + ")");
            return false;
        }
        return true;
    }

    private boolean included(LogEntry leaf, long position, Checkpoint under) {
        boolean holds;
        try {
            JsonNode proof = require(api.get(logPath + "/proofs/inclusion?position=" + position + "&treeSize="
                    + under.treeSize()), "an inclusion proof");
            holds = MerkleTree.verifyInclusion(leaf.leafHash(), position, under.treeSize(), hashes(proof.path("path")),
                    under.rootHashBytes());
        } catch (LedgerApi.ApiFailure | IllegalArgumentException e) {
            report.fail("the service gives no inclusion proof of position " + position + " in the checkpoint of "
                    + under.treeSize() + " it signed (" + e.getMessage() + ")");
            return false;
        }
        if (!holds) {
            report.fail("event " + leaf.sequence() + " of " + leaf.aggregateId() + " as stored now is not the entry at"
                    + " position " + position + " under checkpoint " + describe(under)
                    + ": it was changed after that checkpoint was signed");
        }
        return holds;
    }

    private void checkHistory(String collection, String id, Map<Long, String> hashes) {
        List<JsonNode> history = api.all(collection + "/" + LedgerApi.encode(id) + "/history?limit=500");
        if (history == null) {
            report.note("no public history at " + collection + "/" + id + "/history to compare");
            return;
        }
        for (JsonNode change : history) {
            long sequence = change.path("sequence").asLong();
            String logged = hashes.get(sequence);
            if (logged == null) {
                report.note("change " + sequence + " of the history is not in the log yet");
            } else if (!logged.equals(change.path("hash").asText())) {
                report.fail("change " + sequence + " of the public history has hash " + change.path("hash").asText()
                        + ", the log " + logged);
                return;
            }
        }
        if (!report.check(history.size() >= hashes.size(), "the public history shows the same " + hashes.size()
                + " change(s)", "the public history shows " + history.size() + " change(s), the log "
                + hashes.size())) {
            return;
        }
        checkCurrentState(collection, id, history.get(history.size() - 1).path("recordedAt").asText());
    }

    /**
     * The record as served now comes from the service's read model; as of its last change, from its stored events.
     * The two must be the same document (but for the asOf field the second carries).
     */
    private void checkCurrentState(String collection, String id, String lastChange) {
        String path = collection + "/" + LedgerApi.encode(id);
        JsonNode current = api.get(path);
        JsonNode folded = api.get(path + "?asOf=" + LedgerApi.encode(lastChange));
        if (current == null || folded == null || !folded.isObject()) {
            report.note("the record cannot be read now and as of " + lastChange + " to compare");
            return;
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) folded).remove("asOf");
        report.check(current.equals(folded), "the record as served now is the record its stored events give",
                "the record as served now differs from the record its stored events give (as of " + lastChange
                        + "): the read model was changed behind the service's back");
    }

    private boolean signed(SavedCheckpoint saved) {
        return report.check(saved.checkpoint().verifiedBy(saved.publicKey()),
                "saved checkpoint " + describe(saved.checkpoint()) + " is signed by its saved key",
                "the saved checkpoint's signature does not hold: the file was changed");
    }

    private Checkpoint newest(PublicKey key) {
        Checkpoint newest = SavedCheckpoint.checkpoint(require(api.get(logPath + "/checkpoints/latest"),
                "the newest checkpoint"));
        return report.check(newest.verifiedBy(key), "newest checkpoint " + describe(newest) + " is signed by the"
                + " saved key", "the newest checkpoint " + describe(newest) + " is not signed by the saved key")
                ? newest : null;
    }

    private boolean consistent(Checkpoint first, Checkpoint second) {
        if (!first.origin().equals(second.origin())) {
            report.fail("the checkpoints are of two logs: " + first.origin() + " and " + second.origin());
            return false;
        }
        if (second.treeSize() < first.treeSize()) {
            report.fail("the log shrank from " + first.treeSize() + " to " + second.treeSize() + " entries");
            return false;
        }
        boolean holds;
        try {
            List<byte[]> path = first.treeSize() == second.treeSize() || first.treeSize() == 0 ? List.of()
                    : hashes(require(api.get(logPath + "/proofs/consistency?from=" + first.treeSize() + "&to="
                    + second.treeSize()), "a consistency proof").path("path"));
            holds = MerkleTree.verifyConsistency(first.treeSize(), second.treeSize(), first.rootHashBytes(),
                    second.rootHashBytes(), path);
        } catch (LedgerApi.ApiFailure | IllegalArgumentException e) {
            report.fail("the service gives no consistency proof from its checkpoint of " + first.treeSize() + " to "
                    + second.treeSize() + " (" + e.getMessage() + ")");
            return false;
        }
        return report.check(holds,
                "the log of " + second.treeSize() + " entries extends the saved " + first.treeSize(),
                "the log of " + second.treeSize() + " entries does not extend the saved checkpoint of "
                        + first.treeSize() + ": entries it covered were changed, removed or reordered");
    }

    private static LogEntry leaf(JsonNode json) {
        return new LogEntry(json.path("aggregateType").asText(), json.path("aggregateId").asText(),
                json.path("sequence").asLong(), json.path("eventId").asText(), json.path("timestamp").asText(),
                json.path("payloadType").asText(), json.path("payloadRevision").isNull()
                ? null : json.path("payloadRevision").asText(null), json.path("hash").asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(node -> hashes.add(HEX.parseHex(node.asText())));
        return hashes;
    }

    private static String describe(Checkpoint checkpoint) {
        return checkpoint.treeSize() + "/" + checkpoint.rootHash().substring(0, 12) + "…";
    }

    private static <T> T require(T answer, String what) {
        if (answer == null) {
            throw new LedgerApi.ApiFailure(what + ": not found (404)");
        }
        return answer;
    }
}
