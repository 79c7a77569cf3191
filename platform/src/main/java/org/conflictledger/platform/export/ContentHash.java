package org.conflictledger.platform.export;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 the suite names content by: an export's {@code Ledger-Content-Hash}, a release's {@code contentHash}
 * and an idempotency key's request hash. One place, so that a citation and a download can never disagree on the form.
 */
public final class ContentHash {
    /** What a named hash starts with: {@code sha256:} and 64 lower-case hex digits follow. */
    public static final String PREFIX = "sha256:";

    private ContentHash() {
    }

    /** A new SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The digest in lower-case hex. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** The digest as the suite names content: {@code sha256:<hex>}. */
    public static String named(byte[] digest) {
        return PREFIX + hex(digest);
    }
}
