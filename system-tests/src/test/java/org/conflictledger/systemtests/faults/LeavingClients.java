package org.conflictledger.systemtests.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Clients that send a request over a raw socket and go away before they have read its answer, the way a load tool
 * that is stopped or a browser tab that is closed does. Each client is its own address to the gateway (its own
 * {@code X-Forwarded-For}, which the gateway trusts in these tests), so that the rate limit per client is not what
 * answers them. In four ways, by request number: one in four closes as soon as the request is sent; one waits 0 to
 * 5 ms; one waits 20 to 50 ms (long enough for the request to reach the service); one waits for the status line of
 * the answer and closes right after it (the answer has started; its body is never read). One in three closes with a
 * reset (RST) instead of an orderly close (FIN).
 */
final class LeavingClients {

    /**
     * What the clients did. {@code leftBeforeAnswer}: closed before any byte of the answer had arrived;
     * {@code leftDuringAnswer}: closed once some of it had (the status line, at least); {@code failed}: the request
     * could not be sent at all; {@code noAnswerStarted}: a client that waited for the status line got none within
     * {@link #STATUS_LINE_WAIT}. {@code statuses}: the statuses of the answers that started, as far as read.
     */
    record Tally(int attempted, int leftBeforeAnswer, int leftDuringAnswer, int resets, int failed,
                 int noAnswerStarted, Map<Integer, Integer> statuses) {

        int aborted() {
            return leftBeforeAnswer + leftDuringAnswer;
        }

        @Override
        public String toString() {
            return "attempted " + attempted + ", aborted " + aborted() + " (before any answer: " + leftBeforeAnswer
                    + ", once the answer had started: " + leftDuringAnswer + ", with RST: " + resets + "), not sent "
                    + failed + ", no status line within " + STATUS_LINE_WAIT_SECONDS + " s: " + noAnswerStarted
                    + ", statuses of the answers that started " + statuses;
        }
    }

    private static final int STATUS_LINE_WAIT_SECONDS = 10;
    private static final int STATUS_LINE_WAIT = STATUS_LINE_WAIT_SECONDS * 1000;

    private LeavingClients() {
    }

    /** {@code requests} requests, {@code concurrency} at a time, to {@code localhost:port}. */
    static Tally run(int port, int requests, int concurrency, String authorization, IntFunction<String> path)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger leftBeforeAnswer = new AtomicInteger();
        AtomicInteger leftDuringAnswer = new AtomicInteger();
        AtomicInteger resets = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger noAnswerStarted = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        boolean reset = i % 3 == 0;
                        Socket socket;
                        try {
                            socket = send(port, path.apply(i), authorization, i);
                        } catch (IOException e) {
                            failed.incrementAndGet();
                            continue;
                        }
                        try (socket) {
                            boolean answerStarted = switch (i % 4) {
                                case 0 -> false;
                                case 1 -> pauseMillis(0, 5);
                                case 2 -> pauseMillis(20, 50);
                                default -> {
                                    int status = statusOf(socket);
                                    if (status < 0) {
                                        noAnswerStarted.incrementAndGet();
                                    } else {
                                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                                    }
                                    yield status >= 0;
                                }
                            };
                            answerStarted |= socket.getInputStream().available() > 0;
                            if (reset) {
                                socket.setSoLinger(true, 0);
                                resets.incrementAndGet();
                            }
                            (answerStarted ? leftDuringAnswer : leftBeforeAnswer).incrementAndGet();
                        } catch (IOException e) {
                            // the gateway closed first: the client still left without reading the answer
                            leftDuringAnswer.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.get()));
        return new Tally(requests, leftBeforeAnswer.get(), leftDuringAnswer.get(), resets.get(), failed.get(),
                noAnswerStarted.get(), counted);
    }

    /** Always false: the pause is no reason to think the answer started. */
    private static boolean pauseMillis(int from, int to) {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(from * 1000L
                + ThreadLocalRandom.current().nextInt((to - from) * 1000 + 1)));
        return false;
    }

    /** Client {@code i} sends its request and reads nothing. */
    private static Socket send(int port, String path, String authorization, int i) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            String address = "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + authorization
                    + "\r\nX-Forwarded-For: " + address + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The status of the answer once its status line has started to arrive; -1 when none did in time. */
    private static int statusOf(Socket socket) throws IOException {
        socket.setSoTimeout(STATUS_LINE_WAIT);
        InputStream in = socket.getInputStream();
        byte[] head = new byte[12]; // "HTTP/1.1 200"
        int read = 0;
        try {
            while (read < head.length) {
                int n = in.read(head, read, head.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (SocketTimeoutException e) {
            return -1;
        }
        if (read < head.length) {
            return read == 0 ? -1 : 0;
        }
        String line = new String(head, StandardCharsets.US_ASCII);
        try {
            return Integer.parseInt(line.substring(9, 12));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
