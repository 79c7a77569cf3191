package org.conflictledger.gateway.limits;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per client: it holds up to {@code burst} tokens, refills at {@code perSecond}, and each request
 * takes one. Memory is bounded: at most {@code maxClients} buckets, the one used least recently forgotten first, and
 * {@link #sweep()} forgets buckets that have refilled completely (a new bucket would be the same).
 */
public final class TokenBuckets {
    private final double perSecond;
    private final int burst;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    /** The outcome for one request: allowed or not, what is left, and when to retry. */
    public record Decision(boolean allowed, int remaining, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public TokenBuckets(double perSecond, int burst, int maxClients, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("rate limit needs requests-per-second > 0, burst >= 1 and max-clients >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > TokenBuckets.this.maxClients;
            }
        };
    }

    /** Takes a token from the client's bucket if it has one. */
    public synchronized Decision take(String client) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(client);
        if (bucket == null) {
            bucket = new Bucket(burst, now);
            buckets.put(client, bucket);
        } else {
            refill(bucket, now);
        }
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return new Decision(true, (int) Math.floor(bucket.tokens), 0);
        }
        long retryAfter = (long) Math.ceil((1 - bucket.tokens) / perSecond);
        return new Decision(false, 0, Math.max(1, retryAfter));
    }

    /** Forgets the buckets that have refilled completely; returns how many it forgot. */
    public synchronized int sweep() {
        long now = nanoTime.getAsLong();
        int forgotten = 0;
        // least recently used first: once one has not refilled, the later ones have not either
        for (Iterator<Bucket> i = buckets.values().iterator(); i.hasNext(); ) {
            Bucket bucket = i.next();
            refill(bucket, now);
            if (bucket.tokens < burst) {
                break;
            }
            i.remove();
            forgotten++;
        }
        return forgotten;
    }

    public synchronized int clients() {
        return buckets.size();
    }

    public int burst() {
        return burst;
    }

    public double perSecond() {
        return perSecond;
    }

    private void refill(Bucket bucket, long now) {
        double elapsedSeconds = Math.max(0, now - bucket.updated) / 1e9;
        bucket.tokens = Math.min(burst, bucket.tokens + elapsedSeconds * perSecond);
        bucket.updated = now;
    }
}
