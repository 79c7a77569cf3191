package org.conflictledger.devstack.tokens;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Development key pairs and tokens for a local suite: an RSA key pair written as PEM files (the services and the
 * gateway verify with the public one) and RS256 bearer tokens signed with the private one, carrying the MP-JWT
 * claims the ledger reads ({@code sub}, {@code groups}, {@code iss}, {@code aud}, {@code iat}, {@code exp}; and
 * {@code upn}, which the ledger ignores). JDK classes only,
 * so {@code ./ledger token} needs nothing but the built devstack jar. Never for production keys.
 */
public final class DevTokens {
    public static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    public static final String DEFAULT_ISSUER = "conflict-ledger";
    /** The {@code aud} the ledger requires by default ({@code ledger.auth.audience}). */
    public static final String DEFAULT_AUDIENCE = "conflict-ledger";
    public static final Set<String> ROLES = Set.of("reader", "editor", "admin");

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private DevTokens() {
    }

    /** Writes a new key pair into {@code directory} unless one is there already; answers the public key's path. */
    public static Path ensureKeys(Path directory) throws IOException {
        Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
        Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
        if (Files.isRegularFile(publicKey) && Files.isRegularFile(privateKey)) {
            return publicKey;
        }
        Files.createDirectories(directory);
        KeyPair pair = newKeyPair();
        Files.deleteIfExists(privateKey);
        createOwnerOnly(privateKey);
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        return publicKey;
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate RSA keys", e);
        }
    }

    public static String publicKeyPem(KeyPair pair) {
        return pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not a PKCS#8 RSA private key in PEM form", e);
        }
    }

    /** A token for {@code subject} with {@code roles}, valid from now for {@code lifetime}. */
    public static String mint(PrivateKey key, String issuer, String subject, Set<String> roles, Duration lifetime) {
        return mint(key, issuer, subject, roles, Instant.now(), Instant.now().plus(lifetime));
    }

    /** A token with an explicit issue and expiry time (an expired token, in tests). */
    public static String mint(PrivateKey key, String issuer, String subject, Set<String> roles,
                              Instant issuedAt, Instant expiresAt) {
        String groups = roles.stream().sorted().map(DevTokens::quoted).collect(Collectors.joining(",", "[", "]"));
        return sign(key, "{\"iss\":" + quoted(issuer) + ",\"aud\":" + quoted(DEFAULT_AUDIENCE)
                + ",\"sub\":" + quoted(subject) + ",\"upn\":" + quoted(subject)
                + ",\"groups\":" + groups + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"exp\":" + expiresAt.getEpochSecond() + ",\"jti\":" + quoted(UUID.randomUUID().toString()) + "}");
    }

    /** An RS256 token with exactly these claims (a JSON object), e.g. one lacking a claim, in tests. */
    public static String sign(PrivateKey key, String claims) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the token", e);
        }
    }

    /**
     * {@code keys DIR} writes a key pair (if absent) and prints the public key's path; {@code mint --keys DIR
     * [--sub NAME] [--roles reader,editor] [--ttl 8h] [--issuer ISS]} prints a token.
     */
    public static void main(String[] args) throws IOException {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.isEmpty() || args.contains("--help")) {
            out.println(usage());
            return args.isEmpty() ? 2 : 0;
        }
        try {
            return switch (args.get(0)) {
                case "keys" -> {
                    if (args.size() != 2) {
                        throw new IllegalArgumentException("keys takes one folder");
                    }
                    out.println(ensureKeys(Path.of(args.get(1))));
                    yield 0;
                }
                case "mint" -> {
                    MintOptions options = MintOptions.parse(args.subList(1, args.size()));
                    PrivateKey key = readPrivateKey(options.keys().resolve(PRIVATE_KEY_FILE));
                    out.println(mint(key, options.issuer(), options.subject(), options.roles(), options.lifetime()));
                    yield 0;
                }
                default -> throw new IllegalArgumentException("unknown command " + args.get(0));
            };
        } catch (IllegalArgumentException | IOException e) {
            err.println("dev-tokens: " + e.getMessage());
            err.println(usage());
            return 2;
        }
    }

    private static String usage() {
        return """
                Usage: DevTokens keys DIR
                       DevTokens mint --keys DIR [--sub NAME] [--roles reader,editor,admin] [--ttl 8h] [--issuer ISS]
                Development keys and tokens only: the private key lies unencrypted in DIR.""";
    }

    record MintOptions(Path keys, String subject, Set<String> roles, Duration lifetime, String issuer) {
        static MintOptions parse(List<String> args) {
            Path keys = null;
            String subject = "developer@localhost";
            Set<String> roles = Set.of("reader", "editor", "admin");
            Duration lifetime = Duration.ofHours(8);
            String issuer = DEFAULT_ISSUER;
            for (int i = 0; i < args.size(); i += 2) {
                String option = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args.get(i + 1);
                switch (option) {
                    case "--keys" -> keys = Path.of(value);
                    case "--sub" -> subject = requireText(option, value);
                    case "--roles" -> roles = roles(value);
                    case "--ttl" -> lifetime = lifetime(value);
                    case "--issuer" -> issuer = requireText(option, value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (keys == null) {
                throw new IllegalArgumentException("--keys DIR is required");
            }
            return new MintOptions(keys, subject, roles, lifetime, issuer);
        }

        private static Set<String> roles(String value) {
            Set<String> roles = new LinkedHashSet<>();
            for (String role : value.split(",")) {
                String name = role.strip().toLowerCase(Locale.ROOT);
                if (!ROLES.contains(name)) {
                    throw new IllegalArgumentException("unknown role '" + role + "' (reader, editor, admin)");
                }
                roles.add(name);
            }
            return roles;
        }

        private static Duration lifetime(String value) {
            try {
                Duration duration = Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("--ttl must be positive");
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--ttl takes a duration such as 30m, 8h or 90s", e);
            }
        }

        private static String requireText(String option, String value) {
            if (value.isBlank()) {
                throw new IllegalArgumentException(option + " must not be blank");
            }
            return value.strip();
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Creates the file readable by its owner only from the start, so the key is never readable by others. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the folder's own permissions are all there is
        }
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
