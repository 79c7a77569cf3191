package org.conflictledger.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque page cursors: the position after which the next page starts, base64url-encoded. */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names, null for none; a cursor that was not made here is a 400. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("cursor", "is not a cursor this API returned");
        }
    }
}
