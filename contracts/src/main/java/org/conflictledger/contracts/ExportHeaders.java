package org.conflictledger.contracts;

import java.util.List;

/**
 * The response headers of the record's exports (UCDP GED-shaped events, the Peace Accords Matrix-style
 * implementation table): what a download is and the hash it can be checked against. Written by the services,
 * exposed to browsers by the gateway.
 */
public final class ExportHeaders {
    /** RFC 9530: {@code sha-256=:<base64>:} of the body. */
    public static final String REPR_DIGEST = "Repr-Digest";
    /** {@code sha256:<hex>} of the body, the form a citation names. */
    public static final String CONTENT_HASH = "Ledger-Content-Hash";
    /** The instant an export was asked as of. */
    public static final String AS_OF = "Ledger-As-Of";
    /** The instant an export of the record now was read at. */
    public static final String READ_AT = "Ledger-Read-At";
    /** The named release an export was asked for ({@code release=NAME}); its instant is in {@link #AS_OF}. */
    public static final String RELEASE = "Ledger-Release";
    public static final String CONTENT_DISPOSITION = "Content-Disposition";

    /** Every header above, for CORS's {@code Access-Control-Expose-Headers}. */
    public static final List<String> ALL = List.of(REPR_DIGEST, CONTENT_HASH, AS_OF, READ_AT, RELEASE,
            CONTENT_DISPOSITION);

    private ExportHeaders() {
    }
}
