package org.conflictledger.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The per-record hash chain: each event's hash is SHA-256 over the previous event's hash, the
 * record id, the event's sequence number and payload type, its payload and its metadata (less
 * the hash itself), each in canonical JSON. Changing, removing or reordering any stored event
 * breaks every later link.
 */
public final class HashChain {
    /** The "previous hash" of a record's first event. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /** The link of an event being written: payload as serialised, metadata as objects. */
    public static String link(String previousHash, String aggregateId, long sequence, String payloadType,
                              byte[] serializedPayload, Map<String, ?> metaData) {
        return digest(previousHash, aggregateId, sequence, payloadType,
                CanonicalJson.ofJson(serializedPayload), CanonicalJson.ofValue(withoutHash(metaData)));
    }

    /** The link of a stored event: payload and metadata as the store holds them. */
    public static String linkOfStored(String previousHash, String aggregateId, long sequence, String payloadType,
                                      byte[] storedPayload, byte[] storedMetaData) {
        return digest(previousHash, aggregateId, sequence, payloadType,
                CanonicalJson.ofJson(storedPayload),
                CanonicalJson.ofValue(withoutHash(CanonicalJson.readMap(storedMetaData))));
    }

    /** The hash recorded in stored metadata, or null. */
    public static String recordedHash(byte[] storedMetaData) {
        Object hash = CanonicalJson.readMap(storedMetaData).get(AuditMetadata.HASH);
        return hash == null ? null : hash.toString();
    }

    private static Map<String, ?> withoutHash(Map<String, ?> metaData) {
        Map<String, Object> copy = new HashMap<>(metaData);
        copy.remove(AuditMetadata.HASH);
        return copy;
    }

    private static String digest(String previousHash, String aggregateId, long sequence, String payloadType,
                                 byte[] payload, byte[] metaData) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(header(previousHash, aggregateId, sequence, payloadType));
            sha.update(payload);
            sha.update((byte) '\n');
            sha.update(metaData);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static byte[] header(String previousHash, String aggregateId, long sequence, String payloadType) {
        return (previousHash + '\n' + aggregateId + '\n' + sequence + '\n' + payloadType + '\n')
                .getBytes(StandardCharsets.UTF_8);
    }
}
