package org.conflictledger.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Settings of the token checks ({@code LEDGER_AUTH_ENABLED}, {@code LEDGER_AUTH_OPEN_READS},
 * {@code LEDGER_JWT_AUDIENCE}, {@code LEDGER_JWT_MAX_AGE}). The key and issuer the
 * tokens are verified against are SmallRye JWT's own: {@code mp.jwt.verify.publickey.location} and
 * {@code mp.jwt.verify.issuer}.
 */
@ConfigMapping(prefix = "ledger.auth")
public interface AccessConfig {

    /**
     * Check bearer tokens. Off only for development and tests: then every request is allowed and the
     * {@code X-Ledger-Principal} header names the caller.
     */
    @WithDefault("true")
    boolean enabled();

    /** Let anyone read the API without a token; writes and admin actions still need theirs. */
    @WithDefault("false")
    boolean openReads();

    /**
     * The {@code aud} every token must name: an issuer that also serves other applications signs their tokens with
     * the same key, and those must not open the ledger.
     */
    @WithDefault("conflict-ledger")
    String audience();

    /** How long after its {@code iat} a token is refused, whatever its {@code exp} says. */
    @WithDefault("24h")
    Duration maxTokenAge();
}
