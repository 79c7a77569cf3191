package org.conflictledger.access;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides one request from its method, path and bearer token. The gateway and every service call this with the same
 * token, so a request that reaches a service around the gateway meets the same rule (defence in depth).
 */
@ApplicationScoped
public class AccessControl {
    private static final String BEARER = "bearer ";
    private static final String NO_EXPIRY = "The bearer token has no expiry time (exp)";
    private static final String NO_ISSUE_TIME = "The bearer token has no issue time (iat)";
    /** The clock skew the token parser allows for exp and nbf, allowed for iat too. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(ConfigProvider.getConfig()
            .getOptionalValue("mp.jwt.verify.clock.skew", Integer.class).orElse(60));

    private final AccessConfig config;
    private final JWTParser parser;
    private final VerifiedTokens verified;
    private final Clock clock;

    @Inject
    public AccessControl(AccessConfig config, JWTParser parser) {
        this(config, parser, Clock.systemUTC());
    }

    AccessControl(AccessConfig config, JWTParser parser, Clock clock) {
        this.config = config;
        this.parser = parser;
        this.verified = new VerifiedTokens(clock);
        this.clock = clock;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     */
    public AccessDecision decide(String method, String path, String authorization) {
        if (!config.enabled()) {
            return new AccessDecision.Allowed(Optional.empty());
        }
        Optional<Role> needed = RequiredRole.of(method, path, config.openReads());
        if (authorization == null || authorization.isBlank()) {
            return needed.<AccessDecision>map(role -> AccessDecision.Denied.unauthenticated(
                            "This needs a bearer token with the role " + role.claim() + " (Authorization: Bearer ...)",
                            null))
                    .orElse(new AccessDecision.Allowed(Optional.empty()));
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return AccessDecision.Denied.unauthenticated("The Authorization header must be 'Bearer <token>'",
                    "invalid_request");
        }
        Caller caller;
        try {
            caller = verified.caller(authorization.substring(BEARER.length()).strip(), this::verify);
        } catch (ParseException e) {
            return AccessDecision.Denied.unauthenticated(whyInvalid(e), "invalid_token");
        }
        if (needed.isPresent() && !caller.has(needed.get())) {
            return AccessDecision.Denied.forbidden("This needs the role " + needed.get().claim() + "; the token of "
                    + caller.subject() + " grants " + claims(caller.roles()));
        }
        return new AccessDecision.Allowed(Optional.of(caller));
    }

    private Caller verify(String token) throws ParseException {
        JsonWebToken verified = parser.parse(token);
        String subject = verified.getSubject();
        // sub only: a name claim (upn, preferred_username) is often one the user may change at the provider
        if (subject == null || subject.isBlank()) {
            throw new Refused("The bearer token names no subject (sub)");
        }
        if (verified.getAudience() == null || !verified.getAudience().contains(config.audience())) {
            throw new Refused("The bearer token is not meant for the ledger: its audience (aud) does not name "
                    + config.audience());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        verified.getGroups().forEach(group -> Role.fromClaim(group).ifPresent(roles::add));
        return new Caller(subject, roles, validUntil(verified));
    }

    /** The token's exp, or the end of its maximum age if that comes first. */
    private Instant validUntil(JsonWebToken token) throws Refused {
        if (token.getExpirationTime() <= 0) {
            throw new Refused(NO_EXPIRY);
        }
        if (token.getIssuedAtTime() <= 0) {
            throw new Refused(NO_ISSUE_TIME);
        }
        Instant issued = Instant.ofEpochSecond(token.getIssuedAtTime());
        // the parser checks iat only when a token age is configured: a token "issued" in the future would otherwise
        // outlive the maximum age by as far ahead as it claims
        if (issued.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new Refused("The bearer token's issue time (iat) is in the future");
        }
        Instant oldest = issued.plus(config.maxTokenAge());
        if (!clock.instant().isBefore(oldest)) {
            throw new Refused("The bearer token was issued more than " + config.maxTokenAge().toString()
                    .substring(2).toLowerCase(Locale.ROOT) + " ago (its iat); ask for a fresh one");
        }
        Instant expires = Instant.ofEpochSecond(token.getExpirationTime());
        return expires.isBefore(oldest) ? expires : oldest;
    }

    /** A token the parser accepted that the ledger refuses; its message is the problem's detail. */
    private static final class Refused extends ParseException {
        Refused(String detail) {
            super(detail);
        }
    }

    private static String whyInvalid(ParseException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refused refused) {
                return refused.getMessage();
            }
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return "The bearer token has expired";
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
                    return "The bearer token's signature does not verify with the ledger's key";
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "The bearer token was not issued by the ledger's issuer";
                }
                if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
                    return "The bearer token is not valid yet";
                }
                if (invalid.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
                    return NO_EXPIRY;
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)) {
                    return NO_ISSUE_TIME;
                }
            }
            if (cause.getCause() == null && cause.getMessage() != null && cause.getMessage().contains("subject")) {
                return "The bearer token names no subject (sub)";
            }
        }
        return "The bearer token could not be verified";
    }

    private static String claims(Set<Role> roles) {
        return roles.isEmpty() ? "no ledger role" : String.join(", ", roles.stream().map(Role::claim).sorted().toList());
    }
}
