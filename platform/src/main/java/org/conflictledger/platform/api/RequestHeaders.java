package org.conflictledger.platform.api;

/** Request and response headers the ledger's API uses besides the standard ones. */
public final class RequestHeaders {
    /** Correlates everything one client request caused; generated when the client sends none. */
    public static final String CORRELATION_ID = "X-Correlation-Id";
    /**
     * The caller's identity when token checks are off (development and tests); ignored when they are on, where the
     * verified token's subject is the principal. {@code anonymous} when absent.
     */
    public static final String PRINCIPAL = org.conflictledger.platform.access.CurrentCaller.PRINCIPAL_HEADER;

    private RequestHeaders() {
    }
}
