package org.conflictledger.gateway.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTokenTest {

    @Test
    void theTokenLeavesTheQueryAndEverythingElseStays() {
        assertThat(QueryToken.removedFrom("/api/v1/stream?types=a&access_token=eyJ.x.y&actor=TUR"))
                .isEqualTo("/api/v1/stream?types=a&actor=TUR");
        assertThat(QueryToken.removedFrom("/api/v1/stream?access_token=eyJ.x.y")).isEqualTo("/api/v1/stream");
        assertThat(QueryToken.removedFrom("/api/v1/stream?access%5Ftoken=eyJ.x.y&access_token=z"))
                .isEqualTo("/api/v1/stream");
    }

    @Test
    void aUriWithoutTheTokenIsLeftAsItIs() {
        assertThat(QueryToken.removedFrom("/api/v1/events?theater=SYRIA&&q=%zz")).isEqualTo("/api/v1/events?theater=SYRIA&&q=%zz");
        assertThat(QueryToken.removedFrom("/api/v1/events")).isEqualTo("/api/v1/events");
        assertThat(QueryToken.removedFrom("/api/v1/events?access_tokens=1")).isEqualTo("/api/v1/events?access_tokens=1");
    }
}
