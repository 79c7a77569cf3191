package org.conflictledger.access;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.conflictledger.devstack.tokens.DevTokens;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessControlTest {
    private static final KeyPair LEDGER_KEYS = DevTokens.newKeyPair();
    private static final KeyPair OTHER_KEYS = DevTokens.newKeyPair();
    private static final String ISSUER = "conflict-ledger";

    private final AccessControl control = control(true, false);

    @Test
    void anEditorTokenMayWriteAndNamesItsSubject() {
        AccessDecision decision = control.decide("POST", "/api/v1/actors", bearer(token("ana@example.org", "editor")));

        assertThat(decision).isInstanceOfSatisfying(AccessDecision.Allowed.class, allowed -> {
            assertThat(allowed.caller()).isPresent();
            assertThat(allowed.caller().get().subject()).isEqualTo("ana@example.org");
            assertThat(allowed.caller().get().roles()).containsExactly(Role.EDITOR);
        });
    }

    @Test
    void aReaderTokenMayReadButNotWrite() {
        String reader = bearer(token("rita@example.org", "reader"));

        assertThat(control.decide("GET", "/api/v1/actors/TUR", reader)).isInstanceOf(AccessDecision.Allowed.class);
        assertThat(denied(control.decide("PATCH", "/api/v1/actors/TUR/kind", reader)))
                .satisfies(d -> {
                    assertThat(d.status()).isEqualTo(403);
                    assertThat(d.detail()).contains("editor").contains("rita@example.org");
                    assertThat(d.challenge()).isNull();
                });
    }

    @Test
    void onlyAnAdminMayRebuildAReadModel() {
        String path = "/api/v1/agreements/admin/read-model/rebuild";

        assertThat(denied(control.decide("POST", path, bearer(token("ed@example.org", "editor")))).status()).isEqualTo(403);
        assertThat(control.decide("POST", path, bearer(token("root@example.org", "admin"))))
                .isInstanceOf(AccessDecision.Allowed.class);
    }

    @Test
    void anAdminMayAlsoEditAndRead() {
        String admin = bearer(token("root@example.org", "admin"));

        assertThat(control.decide("POST", "/api/v1/events", admin)).isInstanceOf(AccessDecision.Allowed.class);
        assertThat(control.decide("GET", "/api/v1/events", admin)).isInstanceOf(AccessDecision.Allowed.class);
    }

    @Test
    void aTokenWithoutALedgerRoleMayNotEvenRead() {
        AccessDecision decision = control.decide("GET", "/api/v1/actors", bearer(token("guest@example.org", "guest")));

        assertThat(denied(decision).status()).isEqualTo(403);
        assertThat(denied(decision).detail()).contains("no ledger role");
    }

    @Test
    void noTokenIsUnauthorizedWithABearerChallenge() {
        AccessDecision.Denied denied = denied(control.decide("GET", "/api/v1/actors", null));

        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.challenge()).startsWith("Bearer realm=\"conflict-ledger\"");
        assertThat(denied.problemType()).isEqualTo("urn:conflict-ledger:problem:unauthorized");
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        String expired = DevTokens.mint(LEDGER_KEYS.getPrivate(), ISSUER, "late@example.org", Set.of("editor"),
                Instant.now().minus(Duration.ofHours(2)), Instant.now().minus(Duration.ofHours(1)));

        AccessDecision.Denied denied = denied(control.decide("GET", "/api/v1/actors", bearer(expired)));

        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.detail()).contains("expired");
        assertThat(denied.challenge()).contains("error=\"invalid_token\"");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized() {
        String forged = DevTokens.mint(OTHER_KEYS.getPrivate(), ISSUER, "mallory@example.org", Set.of("admin"),
                Duration.ofHours(1));

        AccessDecision.Denied denied = denied(control.decide("GET", "/api/v1/actors", bearer(forged)));

        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.detail()).contains("signature");
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthorized() {
        String foreign = DevTokens.mint(LEDGER_KEYS.getPrivate(), "someone-else", "eve@example.org", Set.of("admin"),
                Duration.ofHours(1));

        assertThat(denied(control.decide("GET", "/api/v1/actors", bearer(foreign))).detail()).contains("issuer");
    }

    @Test
    void garbageAndOtherSchemesAreUnauthorized() {
        assertThat(denied(control.decide("GET", "/api/v1/actors", "Bearer not.a.token")).status()).isEqualTo(401);
        assertThat(denied(control.decide("GET", "/api/v1/actors", "Basic YWxhZGRpbjpvcGVuc2VzYW1l")).challenge())
                .contains("invalid_request");
    }

    @Test
    void aBadTokenIsRefusedEvenWhereNoneIsNeeded() {
        AccessControl openReads = control(true, true);

        assertThat(openReads.decide("GET", "/api/v1/actors", null)).isInstanceOf(AccessDecision.Allowed.class);
        assertThat(denied(openReads.decide("GET", "/api/v1/actors", "Bearer not.a.token")).status()).isEqualTo(401);
        assertThat(denied(openReads.decide("POST", "/api/v1/actors", null)).status()).isEqualTo(401);
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        assertThat(control.decide("GET", "/q/health/ready", null)).isInstanceOf(AccessDecision.Allowed.class);
        assertThat(control.decide("GET", "/openapi", null)).isInstanceOf(AccessDecision.Allowed.class);
    }

    @Test
    void withChecksOffEverythingIsAllowedAnonymously() {
        AccessDecision decision = control(false, false).decide("POST", "/api/v1/actors/admin/read-model/rebuild", null);

        assertThat(decision).isEqualTo(new AccessDecision.Allowed(java.util.Optional.empty()));
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgainUntilItExpires() {
        CountingParser parser = new CountingParser();
        MovableClock clock = new MovableClock(Instant.now());
        AccessControl cached = new AccessControl(config(true, false), parser, clock);
        String token = DevTokens.mint(LEDGER_KEYS.getPrivate(), ISSUER, "ana@example.org", Set.of("editor"),
                Duration.ofMinutes(2));

        for (int i = 0; i < 3; i++) {
            assertThat(cached.decide("POST", "/api/v1/actors", bearer(token))).isInstanceOfSatisfying(
                    AccessDecision.Allowed.class, allowed -> assertThat(allowed.caller().orElseThrow().subject())
                            .isEqualTo("ana@example.org"));
        }
        assertThat(parser.parsed).isEqualTo(1);

        clock.now = clock.now.plus(Duration.ofMinutes(2)).plusSeconds(1);
        assertThat(cached.decide("POST", "/api/v1/actors", bearer(token))).isInstanceOf(AccessDecision.Allowed.class)
                .as("past its exp the token is verified again");
        assertThat(parser.parsed).isEqualTo(2);
    }

    @Test
    void aTokenThatFailedIsVerifiedAgainEachTimeAndAnotherSignatureNeverMatchesAVerifiedToken() {
        CountingParser parser = new CountingParser();
        AccessControl cached = new AccessControl(config(true, false), parser, Clock.systemUTC());
        String forged = DevTokens.mint(OTHER_KEYS.getPrivate(), ISSUER, "mallory@example.org", Set.of("admin"),
                Duration.ofHours(1));
        String genuine = token("ana@example.org", "reader");
        assertThat(cached.decide("GET", "/api/v1/actors", bearer(genuine))).isInstanceOf(AccessDecision.Allowed.class);

        assertThat(denied(cached.decide("GET", "/api/v1/actors", bearer(forged))).status()).isEqualTo(401);
        assertThat(denied(cached.decide("GET", "/api/v1/actors", bearer(forged))).status()).isEqualTo(401);
        String genuineClaimsForgedSignature = genuine.substring(0, genuine.lastIndexOf('.') + 1)
                + forged.substring(forged.lastIndexOf('.') + 1);
        assertThat(denied(cached.decide("GET", "/api/v1/actors", bearer(genuineClaimsForgedSignature))).status())
                .isEqualTo(401);
        assertThat(parser.parsed).isEqualTo(4);
    }

    @Test
    void aTokenTheIssuerMadeForAnotherApplicationIsUnauthorized() {
        long now = Instant.now().getEpochSecond();
        String forOtherApp = signed("\"sub\":\"ana@example.org\",\"aud\":\"wiki\",\"groups\":[\"admin\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 3600));
        String forNoApp = signed("\"sub\":\"ana@example.org\",\"groups\":[\"admin\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 3600));

        for (String token : new String[]{forOtherApp, forNoApp}) {
            AccessDecision.Denied denied = denied(control.decide("GET", "/api/v1/actors", bearer(token)));
            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.detail()).contains("audience (aud)").contains(ISSUER);
        }
    }

    @Test
    void aTokenForTheLedgerAndOtherApplicationsIsAccepted() {
        long now = Instant.now().getEpochSecond();
        String shared = signed("\"sub\":\"ana@example.org\",\"aud\":[\"wiki\",\"conflict-ledger\"],"
                + "\"groups\":[\"reader\"],\"iat\":" + now + ",\"exp\":" + (now + 3600));

        assertThat(control.decide("GET", "/api/v1/actors", bearer(shared))).isInstanceOf(AccessDecision.Allowed.class);
    }

    @Test
    void theRequiredAudienceIsASetting() {
        AccessControl wiki = new AccessControl(config(true, false, "wiki", Duration.ofHours(24)), parser());

        assertThat(denied(wiki.decide("GET", "/api/v1/actors", bearer(token("ana@example.org", "reader")))).detail())
                .contains("wiki");
    }

    @Test
    void aTokenIssuedLongerAgoThanTheMaximumAgeIsUnauthorizedThoughItHasNotExpired() {
        String old = DevTokens.mint(LEDGER_KEYS.getPrivate(), ISSUER, "old@example.org", Set.of("reader"),
                Instant.now().minus(Duration.ofHours(25)), Instant.now().plus(Duration.ofHours(1)));

        AccessDecision.Denied denied = denied(control.decide("GET", "/api/v1/actors", bearer(old)));

        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.detail()).contains("issued more than 24h ago");
    }

    @Test
    void aTokenIssuedInTheFutureIsUnauthorizedRatherThanOutlivingTheMaximumAge() {
        String ahead = DevTokens.mint(LEDGER_KEYS.getPrivate(), ISSUER, "ahead@example.org", Set.of("reader"),
                Instant.now().plus(Duration.ofDays(3650)), Instant.now().plus(Duration.ofDays(3651)));

        AccessDecision.Denied denied = denied(control.decide("GET", "/api/v1/actors", bearer(ahead)));

        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.detail()).contains("issue time (iat) is in the future");
    }

    @Test
    void aVerifiedTokenIsRefusedOnceItReachesTheMaximumAge() {
        MovableClock clock = new MovableClock(Instant.now());
        AccessControl cached = new AccessControl(config(true, false, ISSUER, Duration.ofHours(1)), parser(), clock);
        String token = DevTokens.mint(LEDGER_KEYS.getPrivate(), ISSUER, "ana@example.org", Set.of("reader"),
                Duration.ofHours(8));
        assertThat(cached.decide("GET", "/api/v1/actors", bearer(token))).isInstanceOf(AccessDecision.Allowed.class);

        clock.now = clock.now.plus(Duration.ofHours(1)).plusSeconds(1);

        assertThat(denied(cached.decide("GET", "/api/v1/actors", bearer(token))).detail()).contains("issued more than 1h");
    }

    @Test
    void theCallerIsValidUntilItsExpOrItsMaximumAgeWhicheverComesFirst() {
        Instant issued = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String shortLived = DevTokens.mint(LEDGER_KEYS.getPrivate(), ISSUER, "ana@example.org", Set.of("reader"),
                issued, issued.plus(Duration.ofHours(1)));
        String longLived = DevTokens.mint(LEDGER_KEYS.getPrivate(), ISSUER, "ana@example.org", Set.of("reader"),
                issued, issued.plus(Duration.ofDays(30)));

        assertThat(caller(control.decide("GET", "/api/v1/actors", bearer(shortLived))).validUntil())
                .isEqualTo(issued.plus(Duration.ofHours(1)));
        assertThat(caller(control.decide("GET", "/api/v1/actors", bearer(longLived))).validUntil())
                .isEqualTo(issued.plus(Duration.ofHours(24)));
    }

    @Test
    void aTokenWithoutIssueOrExpiryTimeIsUnauthorized() {
        long now = Instant.now().getEpochSecond();
        String noIat = signed("\"sub\":\"ana@example.org\",\"aud\":\"conflict-ledger\",\"groups\":[\"reader\"],"
                + "\"exp\":" + (now + 3600));
        String noExp = signed("\"sub\":\"ana@example.org\",\"aud\":\"conflict-ledger\",\"groups\":[\"reader\"],"
                + "\"iat\":" + now);

        assertThat(denied(control.decide("GET", "/api/v1/actors", bearer(noIat))).detail()).contains("no issue time (iat)");
        assertThat(denied(control.decide("GET", "/api/v1/actors", bearer(noExp))).detail()).contains("no expiry time (exp)");
    }

    @Test
    void thePrincipalIsTheSubjectNeverANameTheUserMayChange() {
        long now = Instant.now().getEpochSecond();
        String nameOnly = signed("\"preferred_username\":\"root@example.org\",\"upn\":\"root@example.org\","
                + "\"aud\":\"conflict-ledger\",\"groups\":[\"editor\"],\"iat\":" + now + ",\"exp\":" + (now + 3600));
        String both = signed("\"sub\":\"ana@example.org\",\"preferred_username\":\"root@example.org\","
                + "\"upn\":\"root@example.org\",\"aud\":\"conflict-ledger\",\"groups\":[\"editor\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 3600));

        AccessDecision.Denied denied = denied(control.decide("POST", "/api/v1/actors", bearer(nameOnly)));
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.detail()).contains("no subject (sub)");
        assertThat(caller(control.decide("POST", "/api/v1/actors", bearer(both))).subject()).isEqualTo("ana@example.org");
    }

    /** A parser that counts the tokens it verifies. */
    private static final class CountingParser extends DefaultJWTParser {
        int parsed;

        CountingParser() {
            super(new JWTAuthContextInfo((RSAPublicKey) LEDGER_KEYS.getPublic(), ISSUER));
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            parsed++;
            return super.parse(token);
        }
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static AccessControl control(boolean enabled, boolean openReads) {
        return new AccessControl(config(enabled, openReads), parser());
    }

    private static DefaultJWTParser parser() {
        return new DefaultJWTParser(new JWTAuthContextInfo((RSAPublicKey) LEDGER_KEYS.getPublic(), ISSUER));
    }

    /** The defaults: the audience DevTokens writes, 24 hours. */
    private static AccessConfig config(boolean enabled, boolean openReads) {
        return config(enabled, openReads, DevTokens.DEFAULT_AUDIENCE, Duration.ofHours(24));
    }

    private static AccessConfig config(boolean enabled, boolean openReads, String audience, Duration maxTokenAge) {
        return new AccessConfig() {
            @Override
            public String audience() {
                return audience;
            }

            @Override
            public Duration maxTokenAge() {
                return maxTokenAge;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public boolean openReads() {
                return openReads;
            }
        };
    }

    private static String token(String subject, String... roles) {
        return DevTokens.mint(LEDGER_KEYS.getPrivate(), ISSUER, subject, Set.of(roles), Duration.ofHours(1));
    }

    /** A token from the ledger's issuer and key with these further claims (a JSON object's members). */
    private static String signed(String claims) {
        return DevTokens.sign(LEDGER_KEYS.getPrivate(), "{\"iss\":\"" + ISSUER + "\"," + claims + "}");
    }

    private static Caller caller(AccessDecision decision) {
        assertThat(decision).isInstanceOf(AccessDecision.Allowed.class);
        return ((AccessDecision.Allowed) decision).caller().orElseThrow();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static AccessDecision.Denied denied(AccessDecision decision) {
        assertThat(decision).isInstanceOf(AccessDecision.Denied.class);
        return (AccessDecision.Denied) decision;
    }
}
