package org.conflictledger.gateway.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Clients that send a request over a raw socket and go away before reading its answer: some at once, some a few
 * milliseconds later, one in four after 20 to 50 ms (long enough for its request to reach the service); one in three
 * with a reset (RST) instead of an orderly close (FIN).
 */
final class LeavingClients {

    /** What the clients did: {@code leftEarly} closed before any byte of the answer, {@code leftLate} during it. */
    record Tally(int attempted, int leftEarly, int leftLate, int resets, int failed) {
        @Override
        public String toString() {
            return "attempted=" + attempted + " disconnected=" + (leftEarly + leftLate) + " (before any answer: "
                    + leftEarly + ", during the answer: " + leftLate + ", with RST: " + resets + ") failed=" + failed;
        }
    }

    private LeavingClients() {
    }

    /** {@code requests} requests, {@code concurrency} at a time, to the gateway at {@code port}. */
    static Tally run(int port, int requests, int concurrency, IntFunction<String> path) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger leftEarly = new AtomicInteger();
        AtomicInteger leftLate = new AtomicInteger();
        AtomicInteger resets = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        try {
                            boolean reset = i % 3 == 0;
                            if (leave(port, path.apply(i), i, reset)) {
                                leftLate.incrementAndGet();
                            } else {
                                leftEarly.incrementAndGet();
                            }
                            if (reset) {
                                resets.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Tally(requests, leftEarly.get(), leftLate.get(), resets.get(), failed.get());
    }

    /** Sends one request and closes the socket; true when some of the answer had arrived by then. */
    private static boolean leave(int port, String path, int i, boolean reset) throws IOException {
        Socket socket = send(port, path);
        if (i % 4 == 1) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20 + ThreadLocalRandom.current().nextInt(30)));
        } else if (i % 2 == 0) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextInt(5000)));
        }
        return leave(socket, reset);
    }

    /** A client that has sent a request through the gateway at {@code port} and not yet read anything. */
    static Socket send(int port, String path) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The client goes away, with a reset or an orderly close; true when some of the answer had arrived. */
    static boolean leave(Socket socket, boolean reset) throws IOException {
        try (socket) {
            boolean answerStarted = socket.getInputStream().available() > 0;
            if (reset) {
                socket.setSoLinger(true, 0);
            }
            return answerStarted;
        }
    }
}
