package org.conflictledger.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.ParseException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The callers of bearer tokens already verified, until each token expires or reaches its maximum age. A client sends the same token with every
 * request, and the gateway and each service check it again: its RSA signature and claims need checking only once. An
 * entry is keyed by the whole token, signature included, so only the very token
 * that was verified finds it; tokens that failed are never kept. Entries also leave after {@link #MAX_AGE}, so a
 * change of the ledger's key is seen within that time without a restart, and at most {@link #MAX_TOKENS} are kept.
 */
final class VerifiedTokens {
    static final int MAX_TOKENS = 10_000;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** Verifies a token the cache does not hold. */
    interface Verifier {
        Caller verify(String token) throws ParseException;
    }

    private final Cache<String, Caller> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS).expireAfterWrite(MAX_AGE).build();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The token's caller: from the cache while the token is valid, else from {@code verifier}. */
    Caller caller(String token, Verifier verifier) throws ParseException {
        Instant now = clock.instant();
        Caller known = verified.getIfPresent(token);
        if (known != null && now.isBefore(known.validUntil())) {
            return known;
        }
        if (known != null) {
            verified.invalidate(token);
        }
        Caller fresh = verifier.verify(token);
        if (now.isBefore(fresh.validUntil())) {
            verified.put(token, fresh);
        }
        return fresh;
    }
}
