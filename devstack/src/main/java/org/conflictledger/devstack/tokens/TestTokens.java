package org.conflictledger.devstack.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One key pair per test JVM, for tests that switch the token checks on: the configuration that points a service or
 * the gateway at its public key, and bearer tokens signed with its private key.
 */
public final class TestTokens {
    private static final KeyPair KEYS = DevTokens.newKeyPair();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    /** Configuration that turns token checks on against this JVM's key (for a QuarkusTestProfile or a process). */
    public static Map<String, String> checksOn() {
        return Map.of("ledger.auth.enabled", "true",
                "mp.jwt.verify.publickey.location", publicKeyFile().toString(),
                "mp.jwt.verify.issuer", DevTokens.DEFAULT_ISSUER);
    }

    /** The same, as the environment variables a service process reads. */
    public static Map<String, String> checksOnEnvironment() {
        return Map.of("LEDGER_AUTH_ENABLED", "true",
                "LEDGER_JWT_PUBLIC_KEY", publicKeyFile().toString(),
                "LEDGER_JWT_ISSUER", DevTokens.DEFAULT_ISSUER);
    }

    /** {@code Bearer <token>} for {@code subject} with {@code roles}, valid for an hour. */
    public static String bearer(String subject, String... roles) {
        return "Bearer " + DevTokens.mint(KEYS.getPrivate(), DevTokens.DEFAULT_ISSUER, subject, Set.of(roles),
                Duration.ofHours(1));
    }

    /** {@code Bearer <token>} for {@code subject} with {@code roles}, valid from now for {@code lifetime}. */
    public static String bearerValidFor(Duration lifetime, String subject, String... roles) {
        return "Bearer " + DevTokens.mint(KEYS.getPrivate(), DevTokens.DEFAULT_ISSUER, subject, Set.of(roles), lifetime);
    }

    /** A token that expired an hour ago. */
    public static String expiredBearer(String subject, String... roles) {
        return "Bearer " + DevTokens.mint(KEYS.getPrivate(), DevTokens.DEFAULT_ISSUER, subject, Set.of(roles),
                Instant.now().minus(Duration.ofHours(2)), Instant.now().minus(Duration.ofHours(1)));
    }

    /** A token that expired {@code ago}, issued an hour before that (inside the checks' clock-skew allowance if short). */
    public static String bearerExpiredFor(Duration ago, String subject, String... roles) {
        Instant expiry = Instant.now().minus(ago);
        return "Bearer " + DevTokens.mint(KEYS.getPrivate(), DevTokens.DEFAULT_ISSUER, subject, Set.of(roles),
                expiry.minus(Duration.ofHours(1)), expiry);
    }

    /** A well-formed token signed with a key the ledger does not know. */
    public static String forgedBearer(String subject, String... roles) {
        return "Bearer " + DevTokens.mint(DevTokens.newKeyPair().getPrivate(), DevTokens.DEFAULT_ISSUER, subject,
                Set.of(roles), Duration.ofHours(1));
    }

    private static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("ledger-test-jwt-", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, DevTokens.publicKeyPem(KEYS), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }
}
