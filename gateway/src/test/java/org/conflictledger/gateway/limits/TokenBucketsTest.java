package org.conflictledger.gateway.limits;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The token buckets on a clock the test moves: refill, Retry-After, the bound on clients, and the sweep. */
class TokenBucketsTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong();

    @Test
    void aClientMayMakeItsBurstThenOneRequestPerRefill() {
        TokenBuckets buckets = new TokenBuckets(2, 3, 100, clock::get);
        assertThat(buckets.take("a").remaining()).isEqualTo(2);
        assertThat(buckets.take("a").remaining()).isEqualTo(1);
        assertThat(buckets.take("a").remaining()).isZero();
        TokenBuckets.Decision refused = buckets.take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1); // half a second, rounded up
        assertThat(buckets.take("b").allowed()).isTrue();
        clock.addAndGet(SECOND / 2);
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isFalse();
        clock.addAndGet(60 * SECOND);
        assertThat(buckets.take("a").remaining()).isEqualTo(2); // never more than the burst
    }

    @Test
    void retryAfterIsTheTimeUntilTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(0.1, 1, 100, clock::get);
        buckets.take("a");
        assertThat(buckets.take("a").retryAfterSeconds()).isEqualTo(10);
        clock.addAndGet(7 * SECOND);
        assertThat(buckets.take("a").retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void theClientSeenLeastRecentlyIsForgottenBeyondTheBound() {
        TokenBuckets buckets = new TokenBuckets(0.001, 1, 2, clock::get);
        buckets.take("a");
        buckets.take("b");
        buckets.take("a"); // refused, but seen: b is now the least recent
        buckets.take("c");
        assertThat(buckets.clients()).isEqualTo(2);
        assertThat(buckets.take("a").allowed()).isFalse(); // still remembered, still empty
        assertThat(buckets.take("b").allowed()).isTrue(); // forgotten, so a full bucket again
    }

    @Test
    void theSweepForgetsOnlyBucketsThatHaveRefilled() {
        TokenBuckets buckets = new TokenBuckets(1, 2, 100, clock::get);
        buckets.take("quiet");
        clock.addAndGet(SECOND);
        buckets.take("busy");
        buckets.take("busy");
        assertThat(buckets.sweep()).isEqualTo(1);
        assertThat(buckets.clients()).isEqualTo(1);
        assertThat(buckets.take("busy").allowed()).isFalse();
    }

    @Test
    void theForwardedClientIsTheLastAddress() {
        assertThat(ClientKeys.lastForwardedFor(List.of("203.0.113.9, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(ClientKeys.lastForwardedFor(List.of("203.0.113.9", "10.0.0.1 , "))).isEqualTo("10.0.0.1");
        assertThat(ClientKeys.lastForwardedFor(List.of())).isNull();
    }
}
