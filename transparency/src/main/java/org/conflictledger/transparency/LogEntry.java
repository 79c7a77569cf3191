package org.conflictledger.transparency;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One leaf of a service's log: a stored event, by every column a read depends on that its hash-chain link does not
 * already cover (the link covers the payload, the metadata and, through the previous link, every earlier event of
 * the record). The leaf hash is {@link MerkleTree#leafHash} of the entry's canonical JSON.
 *
 * @param aggregateType   the record's type as stored ({@code Actor}, {@code ConflictEvent}, …)
 * @param aggregateId     the record's id
 * @param sequence        the event's number within the record, from 0
 * @param eventId         the event's identifier (also the CloudEvent id it is published under)
 * @param timestamp       when it was recorded, as stored (drives {@code asOf}, history and changes)
 * @param payloadType     the payload's type as stored
 * @param payloadRevision the payload's revision as stored, or null
 * @param hash            the event's link in its record's hash chain
 */
public record LogEntry(String aggregateType, String aggregateId, long sequence, String eventId, String timestamp,
                       String payloadType, String payloadRevision, String hash) {
    /** The version of the entry's form; part of the hashed entry, so that a later form can never collide. */
    public static final int FORM = 1;

    /** The bytes the leaf hash is taken over. */
    public byte[] bytes() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("form", FORM);
        fields.put("aggregateType", aggregateType);
        fields.put("aggregateId", aggregateId);
        fields.put("sequence", sequence);
        fields.put("eventId", eventId);
        fields.put("timestamp", timestamp);
        fields.put("payloadType", payloadType);
        fields.put("payloadRevision", payloadRevision);
        fields.put("hash", hash);
        return CanonicalJson.ofValue(fields);
    }

    public byte[] leafHash() {
        return MerkleTree.leafHash(bytes());
    }

    public String leafHashHex() {
        return HexFormat.of().formatHex(leafHash());
    }
}
