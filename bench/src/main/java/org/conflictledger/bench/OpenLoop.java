package org.conflictledger.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator in the manner of wrk2: {@code clients} connections, each with its own schedule at
 * {@code rate / clients} requests per second, so that together they offer {@code rate}. A client sends its next
 * request at its scheduled (intended) time, or at once when the previous answer came later than that; each latency
 * is measured from the intended time, not from the moment the request could be sent, so a server that stalls is
 * charged for every request it kept waiting (coordinated omission corrected). A client has at most one request in
 * flight, as a browser tab or an app's connection would; a step never queues more than {@code clients} requests at
 * the server. A step ends when its window does: requests still due then are not sent but counted ({@code unsent}),
 * so a step lasts its length plus the answers in flight, however far behind the server is. Answers completed
 * before the warm-up ends are neither counted nor recorded; latencies of the others go into an {@link Histogram}
 * (microseconds, 3 significant digits), and the 2xx answers completed inside the measured window make the
 * throughput.
 */
final class OpenLoop {
    /** One request to send, and whether its answer's body is needed. */
    record Call(HttpRequest request, String correlationId, boolean keepBody) {
    }

    /** Makes the {@code n}-th call of a step (n counts over all clients). */
    interface Calls {
        Call next(long n);
    }

    /** Told of every answer (on the client's thread), with the moment it was complete. */
    interface Answers {
        void answered(Call call, int status, String body, long completedNanos);
    }

    static final Answers IGNORE = (call, status, body, at) -> {
    };

    private OpenLoop() {
    }

    static Step run(String name, HttpClient http, int clients, double rate, Duration length, Duration warmup,
                    Calls calls, Answers answers) throws InterruptedException {
        long intervalNanos = Math.max(1, Math.round(1e9 * clients / rate));
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long measureFrom = t0 + warmup.toNanos();
        long end = t0 + length.toNanos();
        AtomicLong sequence = new AtomicLong();
        List<Client> all = new ArrayList<>();
        long cpuBefore = Procs.ownCpuNanos();
        for (int i = 0; i < clients; i++) {
            long start = t0 + Math.round(i * (1e9 / rate));
            Client client = new Client(http, start, intervalNanos, measureFrom, end, sequence, calls, answers);
            Thread thread = new Thread(client, "bench-client-" + i);
            thread.setDaemon(true);
            client.thread = thread;
            all.add(client);
        }
        all.forEach(c -> c.thread.start());
        for (Client c : all) {
            c.thread.join();
        }
        long finished = System.nanoTime();
        long cpuAfter = Procs.ownCpuNanos();
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
        Map<String, Long> errors = new TreeMap<>();
        long ok = 0;
        long okInWindow = 0;
        long sent = 0;
        long unsent = 0;
        for (Client c : all) {
            unsent += c.unsent;
            latency.add(c.latency);
            c.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            ok += c.ok;
            okInWindow += c.okInWindow;
            sent += c.sent;
        }
        double window = (end - measureFrom) / 1e9;
        return new Step(name, clients, rate, length.toMillis() / 1000.0, warmup.toMillis() / 1000.0, sent, unsent, ok,
                okInWindow / window, latency, errors, (cpuAfter - cpuBefore) / 1e9, (finished - t0) / 1e9);
    }

    /** One connection's schedule. */
    private static final class Client implements Runnable {
        private final HttpClient http;
        private final long start;
        private final long interval;
        private final long measureFrom;
        private final long end;
        private final AtomicLong sequence;
        private final Calls calls;
        private final Answers answers;
        final Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
        final Map<String, Long> errors = new TreeMap<>();
        long ok;
        long okInWindow;
        long sent;
        long unsent;
        Thread thread;

        Client(HttpClient http, long start, long interval, long measureFrom, long end, AtomicLong sequence,
               Calls calls, Answers answers) {
            this.http = http;
            this.start = start;
            this.interval = interval;
            this.measureFrom = measureFrom;
            this.end = end;
            this.sequence = sequence;
            this.calls = calls;
            this.answers = answers;
        }

        @Override
        public void run() {
            for (long k = 0; ; k++) {
                long intended = start + k * interval;
                if (intended >= end) {
                    return;
                }
                long now = System.nanoTime();
                if (now >= end) {
                    // The window is over with requests still due: the server fell behind the offered rate. They
                    // are not sent (a step never outlasts its window by more than the answers in flight), but
                    // counted, so a step that could not keep up says by how much.
                    unsent = (end - intended + interval - 1) / interval;
                    return;
                }
                for (; now < intended; now = System.nanoTime()) {
                    LockSupport.parkNanos(intended - now);
                }
                Call call = calls.next(sequence.getAndIncrement());
                sent++;
                String failure = null;
                int status = 0;
                String body = null;
                try {
                    if (call.keepBody()) {
                        HttpResponse<String> response = http.send(call.request(), HttpResponse.BodyHandlers.ofString());
                        status = response.statusCode();
                        body = response.body();
                    } else {
                        status = http.send(call.request(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    }
                    if (status / 100 != 2) {
                        failure = Integer.toString(status);
                    }
                } catch (IOException e) {
                    failure = e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long done = System.nanoTime();
                if (status != 0) {
                    answers.answered(call, status, body, done);
                }
                if (done < measureFrom) {
                    continue; // warm-up: answered before the measured window, neither counted nor recorded
                }
                if (failure != null) {
                    errors.merge(failure, 1L, Long::sum);
                    continue;
                }
                ok++;
                if (done <= end) {
                    okInWindow++;
                }
                latency.recordValue(Math.max(0, (done - intended) / 1000));
            }
        }
    }

    /** What one step measured. Throughput counts the 2xx answers completed inside the measured window. */
    record Step(String name, int clients, double offeredRate, double seconds, double warmupSeconds, long sent,
                long unsent, long ok, double throughput, Histogram latency, Map<String, Long> errors, double loadToolCpuSeconds,
                double wallSeconds) {

        double percentileMs(double p) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(p) / 1000.0;
        }

        double maxMs() {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
