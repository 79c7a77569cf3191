package org.conflictledger.platform.export;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

    @Test
    void aDigestIsNamedAsSha256AndLowerCaseHex() {
        byte[] digest = ContentHash.sha256().digest("abc".getBytes(StandardCharsets.US_ASCII));
        // FIPS 180-2, appendix B.1
        assertThat(ContentHash.named(digest))
                .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ContentHash.hex(digest)).isEqualTo(ContentHash.named(digest).substring(ContentHash.PREFIX.length()));
    }
}
