package org.conflictledger.transparency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The per-record hash chain: each event's hash is SHA-256 over the previous event's hash, the record id, the
 * event's sequence number and payload type, its payload and its metadata (less the hash itself), each in
 * canonical JSON. Changing, removing or reordering any stored event breaks every later link.
 */
public final class HashChain {
    /** The "previous hash" of a record's first event. */
    public static final String GENESIS = "0".repeat(64);
    /** The metadata key that holds an event's link. */
    public static final String HASH = "hash";
    /**
     * The metadata key naming the canonical form the link was computed in: {@value #EXACT_FORM} for
     * {@link CanonicalJson.Form#EXACT}; absent in the events recorded before it ({@link CanonicalJson.Form#LEGACY}).
     */
    public static final String FORM = "chainForm";
    public static final int EXACT_FORM = 2;

    private HashChain() {
    }

    /** The link of an event from its payload and metadata as JSON (the metadata may hold a hash: it is left out). */
    public static String link(String previousHash, String aggregateId, long sequence, String payloadType,
                              byte[] payloadJson, byte[] metaDataJson) {
        Map<String, Object> metaData = CanonicalJson.readMap(metaDataJson);
        CanonicalJson.Form form = Integer.valueOf(EXACT_FORM).equals(metaData.get(FORM))
                ? CanonicalJson.Form.EXACT : CanonicalJson.Form.LEGACY;
        return digest(previousHash, aggregateId, sequence, payloadType, CanonicalJson.of(payloadJson, form),
                CanonicalJson.ofValue(withoutHash(metaData)));
    }

    /** The hash recorded in metadata, or null. */
    public static String recordedHash(byte[] metaDataJson) {
        Object hash = CanonicalJson.readMap(metaDataJson).get(HASH);
        return hash == null ? null : hash.toString();
    }

    private static Map<String, ?> withoutHash(Map<String, ?> metaData) {
        Map<String, Object> copy = new HashMap<>(metaData);
        copy.remove(HASH);
        return copy;
    }

    private static String digest(String previousHash, String aggregateId, long sequence, String payloadType,
                                 byte[] payload, byte[] metaData) {
        MessageDigest sha = sha256();
        sha.update((previousHash + '\n' + aggregateId + '\n' + sequence + '\n' + payloadType + '\n')
                .getBytes(StandardCharsets.UTF_8));
        sha.update(payload);
        sha.update((byte) '\n');
        sha.update(metaData);
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
