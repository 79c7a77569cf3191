package org.conflictledger.platform.api;

/** The request names a record that does not exist (answered with 404). */
public class RecordNotFound extends RuntimeException {

    public RecordNotFound(String recordName, String reference) {
        super("No " + recordName + " " + reference);
    }
}
