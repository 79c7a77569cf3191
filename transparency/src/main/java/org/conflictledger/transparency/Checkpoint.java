package org.conflictledger.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement of a log's size and root hash at a moment: whoever keeps one can later check that the log
 * still contains, unchanged, every entry it covered (a consistency proof to any later checkpoint) and that a given
 * entry is among them (an inclusion proof). The signed text follows the checkpoint body of C2SP's
 * transparency-log checkpoints: the log's origin, the tree size, the root hash in base64, then one extension line
 * with the time it was signed. The signature is Ed25519 over that text.
 *
 * @param origin    which log, e.g. {@code conflict-ledger/actors-service}
 * @param treeSize  how many entries it covers
 * @param rootHash  the tree head of those entries, hex
 * @param signedAt  when the service signed it
 * @param keyId     {@link SigningKeys#keyId} of the public key that verifies it
 * @param signature Ed25519 signature over {@link #signedText()}, base64
 */
public record Checkpoint(String origin, long treeSize, String rootHash, Instant signedAt, String keyId,
                         String signature) {
    public static final String ALGORITHM = "Ed25519";

    /** Signs the head of a log. */
    public static Checkpoint sign(String origin, long treeSize, byte[] rootHash, Instant signedAt,
                                  PrivateKey key, PublicKey publicKey) {
        String root = HexFormat.of().formatHex(rootHash);
        String text = text(origin, treeSize, root, signedAt);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(origin, treeSize, root, signedAt, SigningKeys.keyId(publicKey),
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the checkpoint of " + origin, e);
        }
    }

    /** The text the signature is over. */
    public String signedText() {
        return text(origin, treeSize, rootHash, signedAt);
    }

    /** Whether the signature holds for this public key (and the key is the one the checkpoint names). */
    public boolean verifiedBy(PublicKey publicKey) {
        if (!SigningKeys.keyId(publicKey).equals(keyId)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] rootHashBytes() {
        return HexFormat.of().parseHex(rootHash);
    }

    private static String text(String origin, long treeSize, String rootHex, Instant signedAt) {
        return origin + '\n' + treeSize + '\n'
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(rootHex)) + '\n'
                + "timestamp " + signedAt + '\n';
    }
}
