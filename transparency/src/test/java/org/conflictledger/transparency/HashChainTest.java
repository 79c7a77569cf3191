package org.conflictledger.transparency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {
    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theLinkDoesNotDependOnMemberOrderSpacingOrTheRecordedHash() {
        String a = HashChain.link(HashChain.GENESIS, "TUR", 0, "x.ActorRegistered",
                json("{\"name\":\"Türkiye\",\"kind\":\"STATE\"}"), json("{\"principal\":\"p\",\"reason\":\"r\"}"));
        String b = HashChain.link(HashChain.GENESIS, "TUR", 0, "x.ActorRegistered",
                json("{ \"kind\": \"STATE\", \"name\": \"Türkiye\" }"),
                json("{\"reason\":\"r\",\"hash\":\"abc\",\"principal\":\"p\"}"));
        assertThat(a).isEqualTo(b).hasSize(64);
    }

    @Test
    void everyInputChangesTheLink() {
        byte[] payload = json("{\"name\":\"Türkiye\"}");
        byte[] meta = json("{\"principal\":\"p\"}");
        String link = HashChain.link(HashChain.GENESIS, "TUR", 0, "T", payload, meta);
        assertThat(HashChain.link("1".repeat(64), "TUR", 0, "T", payload, meta)).isNotEqualTo(link);
        assertThat(HashChain.link(HashChain.GENESIS, "RUS", 0, "T", payload, meta)).isNotEqualTo(link);
        assertThat(HashChain.link(HashChain.GENESIS, "TUR", 1, "T", payload, meta)).isNotEqualTo(link);
        assertThat(HashChain.link(HashChain.GENESIS, "TUR", 0, "U", payload, meta)).isNotEqualTo(link);
        assertThat(HashChain.link(HashChain.GENESIS, "TUR", 0, "T", json("{\"name\":\"Turkey\"}"), meta))
                .isNotEqualTo(link);
        assertThat(HashChain.link(HashChain.GENESIS, "TUR", 0, "T", payload, json("{\"principal\":\"q\"}")))
                .isNotEqualTo(link);
    }

    @Test
    void theRecordedHashIsReadFromTheMetadata() {
        assertThat(HashChain.recordedHash(json("{\"hash\":\"abc\"}"))).isEqualTo("abc");
        assertThat(HashChain.recordedHash(json("{}"))).isNull();
    }

    @Test
    void inTheExactFormDecimalsThatDifferBeyondDoublePrecisionGiveDifferentLinks() {
        byte[] exact = json("{\"chainForm\":2}");
        byte[] legacy = json("{}");
        byte[] a = json("{\"latitude\":0.1000000000000000055511151231257827}");
        byte[] b = json("{\"latitude\":0.1}");
        assertThat(HashChain.link(HashChain.GENESIS, "E", 0, "T", a, exact))
                .isNotEqualTo(HashChain.link(HashChain.GENESIS, "E", 0, "T", b, exact));
        // the form of the events recorded before it, kept so that their links still verify
        assertThat(HashChain.link(HashChain.GENESIS, "E", 0, "T", a, legacy))
                .isEqualTo(HashChain.link(HashChain.GENESIS, "E", 0, "T", b, legacy));
        // trailing zeros and exponents do not make another number
        assertThat(HashChain.link(HashChain.GENESIS, "E", 0, "T", json("{\"x\":1.50,\"y\":1E+1}"), exact))
                .isEqualTo(HashChain.link(HashChain.GENESIS, "E", 0, "T", json("{\"y\":10,\"x\":1.5}"), exact));
    }
}
