package org.conflictledger.platform.idempotency;

import java.util.Map;

/**
 * A create request made with an {@code Idempotency-Key}: the key, the scope it is unique in (the
 * record type), a hash of the request body, and the id the new record gets.
 */
public record IdempotentRequest(String scope, String key, String requestHash, String recordId) {
    static final String SCOPE = "idempotencyScope";
    static final String KEY = "idempotencyKey";
    static final String HASH = "idempotencyRequestHash";
    static final String RECORD = "idempotencyRecordId";

    /** Metadata that makes the command claim the key in its own transaction. */
    public Map<String, Object> toMetaData() {
        return Map.of(SCOPE, scope, KEY, key, HASH, requestHash, RECORD, recordId);
    }

    static IdempotentRequest fromMetaData(Map<String, ?> metaData) {
        Object key = metaData.get(KEY);
        if (key == null) {
            return null;
        }
        return new IdempotentRequest(String.valueOf(metaData.get(SCOPE)), key.toString(),
                String.valueOf(metaData.get(HASH)), String.valueOf(metaData.get(RECORD)));
    }
}
