package org.conflictledger.platform.api;

/** The write's If-Match names a version that is no longer current (412), or is missing (428). */
public class PreconditionFailed extends RuntimeException {
    private final int status;

    private PreconditionFailed(int status, String message) {
        super(message);
        this.status = status;
    }

    public static PreconditionFailed stale(String message) {
        return new PreconditionFailed(412, message);
    }

    public static PreconditionFailed required() {
        return new PreconditionFailed(428, "This write needs an If-Match header with the record's current ETag");
    }

    public int status() {
        return status;
    }
}
