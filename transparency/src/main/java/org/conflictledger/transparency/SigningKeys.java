package org.conflictledger.transparency;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Ed25519 keys of checkpoint signers, as PEM text (PKCS#8 private, X.509 SubjectPublicKeyInfo public). */
public final class SigningKeys {
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private SigningKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(Checkpoint.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JVM since Java 15", e);
        }
    }

    /** Whether the public key verifies what the private key signs. */
    public static boolean arePair(KeyPair keys) {
        Checkpoint probe = Checkpoint.sign("key-pair-check", 0, new byte[32], java.time.Instant.EPOCH,
                keys.getPrivate(), keys.getPublic());
        return probe.verifiedBy(keys.getPublic());
    }

    /** The SHA-256 of the public key's encoded form, hex: how a checkpoint names the key that signed it. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(HashChain.sha256().digest(key.getEncoded()));
    }

    public static String pem(PublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    public static String pem(PrivateKey key) {
        return pem(PRIVATE, key.getEncoded());
    }

    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance(Checkpoint.ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(der(PUBLIC, pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key in PEM form", e);
        }
    }

    public static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance(Checkpoint.ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(der(PRIVATE, pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 private key in PKCS#8 PEM form", e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String label, String pem) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("No " + label + " block in the PEM text");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
