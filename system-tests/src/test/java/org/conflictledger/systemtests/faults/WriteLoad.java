package org.conflictledger.systemtests.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several clients posting creates in a loop, each waiting for its answer before the next, the way the writers of
 * the fault reports did. Every attempt is counted by its outcome: acknowledged (a 2xx, with the id it answered),
 * refused (any other status: the service answered, so nothing may have been recorded) or unanswered (the
 * connection broke: the write may or may not have been recorded, but never half).
 */
final class WriteLoad implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger attempted = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicInteger> refusedByStatus = new ConcurrentHashMap<>();
    private final List<Thread> writers = new ArrayList<>();

    /**
     * @param target the URI posted to, asked again for every attempt (a restarted service has a new port)
     * @param body   the JSON body of attempt {@code n} (unique per attempt where the record needs it)
     */
    static WriteLoad start(int clients, Supplier<URI> target, String authorization, IntFunction<String> body) {
        WriteLoad load = new WriteLoad();
        AtomicInteger sequence = new AtomicInteger();
        for (int i = 0; i < clients; i++) {
            Thread writer = new Thread(() -> load.write(target, authorization, body, sequence), "writer-" + i);
            writer.setDaemon(true);
            load.writers.add(writer);
            writer.start();
        }
        return load;
    }

    private void write(Supplier<URI> target, String authorization, IntFunction<String> body, AtomicInteger sequence) {
        while (running.get()) {
            HttpRequest request = HttpRequest.newBuilder(target.get()).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(sequence.incrementAndGet()))).build();
            attempted.incrementAndGet();
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    Matcher id = ID.matcher(answer.body());
                    if (!id.find()) {
                        throw new IllegalStateException("a 2xx without an id: " + answer.body());
                    }
                    acknowledged.add(id.group(1));
                } else {
                    refusedByStatus.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                }
            } catch (IOException broken) {
                unanswered.incrementAndGet();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int attempted() {
        return attempted.get();
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    int unanswered() {
        return unanswered.get();
    }

    Map<Integer, Integer> refusedByStatus() {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        refusedByStatus.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** Stops the writers and waits for their last attempts to be answered. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread writer : writers) {
            writer.join(Duration.ofSeconds(40).toMillis());
        }
    }
}
