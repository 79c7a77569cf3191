package org.conflictledger.platform.api;

/**
 * A list asked "as of" an instant on a read model whose past states are not all kept yet: the store was written by a
 * version that did not keep them, and a read-model rebuild has not filled them since. Answered 503 naming the rebuild,
 * rather than a list that would silently miss what changed since the instant.
 */
public class HistoryNotBuilt extends RuntimeException {
    public HistoryNotBuilt(String detail) {
        super(detail);
    }
}
