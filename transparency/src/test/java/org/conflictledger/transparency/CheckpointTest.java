package org.conflictledger.transparency;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointTest {
    private final KeyPair keys = SigningKeys.generate();
    private final byte[] root = MerkleTree.leafHash(new byte[]{1});
    private final Checkpoint checkpoint = Checkpoint.sign("conflict-ledger/actors-service", 12, root,
            Instant.parse("2026-12-07T06:00:00Z"), keys.getPrivate(), keys.getPublic());

    @Test
    void theSignedTextIsTheC2spCheckpointBody() {
        assertThat(checkpoint.signedText()).startsWith("conflict-ledger/actors-service\n12\n")
                .endsWith("\ntimestamp 2026-12-07T06:00:00Z\n");
        assertThat(checkpoint.verifiedBy(keys.getPublic())).isTrue();
    }

    @Test
    void anyChangeBreaksTheSignature() {
        assertThat(new Checkpoint(checkpoint.origin(), 13, checkpoint.rootHash(), checkpoint.signedAt(),
                checkpoint.keyId(), checkpoint.signature()).verifiedBy(keys.getPublic())).isFalse();
        assertThat(new Checkpoint(checkpoint.origin(), 12, "00".repeat(32), checkpoint.signedAt(),
                checkpoint.keyId(), checkpoint.signature()).verifiedBy(keys.getPublic())).isFalse();
        assertThat(new Checkpoint(checkpoint.origin(), 12, checkpoint.rootHash(), checkpoint.signedAt().plusSeconds(1),
                checkpoint.keyId(), checkpoint.signature()).verifiedBy(keys.getPublic())).isFalse();
        assertThat(new Checkpoint("conflict-ledger/events-service", 12, checkpoint.rootHash(), checkpoint.signedAt(),
                checkpoint.keyId(), checkpoint.signature()).verifiedBy(keys.getPublic())).isFalse();
    }

    @Test
    void anotherKeyDoesNotVerify() {
        assertThat(checkpoint.verifiedBy(SigningKeys.generate().getPublic())).isFalse();
    }

    @Test
    void keysRoundTripThroughPem() {
        KeyPair read = new KeyPair(SigningKeys.publicKey(SigningKeys.pem(keys.getPublic())),
                SigningKeys.privateKey(SigningKeys.pem(keys.getPrivate())));
        Checkpoint again = Checkpoint.sign("o", 1, root, Instant.EPOCH, read.getPrivate(), read.getPublic());
        assertThat(again.verifiedBy(keys.getPublic())).isTrue();
        assertThatThrownBy(() -> SigningKeys.publicKey("not a key")).isInstanceOf(IllegalArgumentException.class);
    }
}
