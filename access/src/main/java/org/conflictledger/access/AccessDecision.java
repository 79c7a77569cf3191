package org.conflictledger.access;

import java.util.Optional;

/** What to do with one request: let it through (naming the caller when a token was checked) or refuse it. */
public sealed interface AccessDecision {

    /** Allowed; {@code caller} is empty when the request needed no token and sent none, or checks are off. */
    record Allowed(Optional<Caller> caller) implements AccessDecision {
    }

    /**
     * Refused with 401 (no usable token) or 403 (a valid token without the role). {@code challenge} is the
     * {@code WWW-Authenticate} value a 401 carries (RFC 6750), null for a 403.
     */
    record Denied(int status, String title, String detail, String challenge) implements AccessDecision {

        static Denied unauthenticated(String detail, String error) {
            String challenge = error == null
                    ? "Bearer realm=\"conflict-ledger\""
                    : "Bearer realm=\"conflict-ledger\", error=\"" + error + "\"";
            return new Denied(401, "Unauthorized", detail, challenge);
        }

        /** A token that verified (within the clock-skew allowance) but has passed its expiry or maximum age. */
        public static Denied expired(String detail) {
            return unauthenticated(detail, "invalid_token");
        }

        static Denied forbidden(String detail) {
            return new Denied(403, "Forbidden", detail, null);
        }

        /** The problem type, the same at the gateway and in the services. */
        public String problemType() {
            return status == 401 ? "urn:conflict-ledger:problem:unauthorized" : "urn:conflict-ledger:problem:forbidden";
        }
    }
}
