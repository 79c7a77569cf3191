package org.conflictledger.bench;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a write takes, from its 2xx, to reach a dashboard: an SSE client of the gateway's
 * {@code /api/v1/stream} and a plain Kafka consumer ({@code read_committed}, as any subscriber) of the topic. Every
 * write the bench sends carries its own {@code X-Correlation-Id}; the CloudEvent it publishes carries that id as
 * {@code correlationid}, so each sighting is matched to its write.
 */
final class Propagation implements AutoCloseable {
    private static final Pattern CORRELATION = Pattern.compile("\"correlationid\"\\s*:\\s*\"([^\"]+)\"");

    /** Acknowledged writes: correlation id to the moment its 2xx was complete, and the group it counts in. */
    private final Map<String, long[]> acked = new ConcurrentHashMap<>();
    private final Map<String, String> groups = new ConcurrentHashMap<>();
    private final Map<String, Long> sse = new ConcurrentHashMap<>();
    private final Map<String, Long> kafka = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean sseConnected = new AtomicBoolean();
    private Thread sseThread;
    private Thread kafkaThread;
    private volatile InputStream sseBody;
    private volatile String sseProblem;

    static Propagation start(HttpClient http, String gateway, String token, String bootstrap, String topic)
            throws Exception {
        Propagation p = new Propagation();
        p.startSse(http, gateway, token);
        if (bootstrap != null) {
            p.startKafka(bootstrap, topic);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!p.sseConnected.get() && p.sseProblem == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!p.sseConnected.get()) {
            Bench.say("  the SSE client did not connect: " + p.sseProblem);
        }
        return p;
    }

    private void startSse(HttpClient http, String gateway, String token) {
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/stream?recordType=event"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
        sseThread = new Thread(() -> {
            try {
                HttpResponse<InputStream> response = http.send(subscribe, HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    sseProblem = "status " + response.statusCode();
                    response.body().close();
                    return;
                }
                sseBody = response.body();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(sseBody, StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null && running.get(); ) {
                        if (line.startsWith(": connected")) {
                            sseConnected.set(true);
                        } else if (line.startsWith("data:")) {
                            long now = System.nanoTime();
                            sseConnected.set(true);
                            Matcher m = CORRELATION.matcher(line);
                            if (m.find()) {
                                sse.putIfAbsent(m.group(1), now);
                            }
                        } else if (line.startsWith("event: dropped")) {
                            sseProblem = "the gateway dropped the SSE client (it read too slowly)";
                        }
                    }
                }
            } catch (Exception e) {
                if (running.get()) {
                    sseProblem = e.toString();
                }
            }
        }, "bench-sse");
        sseThread.setDaemon(true);
        sseThread.start();
    }

    private void startKafka(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before any write of the bench
        kafkaThread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        Matcher m = CORRELATION.matcher(record.value());
                        if (m.find()) {
                            kafka.putIfAbsent(m.group(1), now);
                        }
                    }
                }
            } catch (Exception e) {
                Bench.say("  the Kafka consumer stopped: " + e);
            }
        }, "bench-kafka");
        kafkaThread.setDaemon(true);
        kafkaThread.start();
    }

    boolean kafkaWatched() {
        return kafkaThread != null;
    }

    String sseProblem() {
        return sseProblem;
    }

    void acknowledged(String correlationId, long completedNanos, String group) {
        acked.put(correlationId, new long[]{completedNanos});
        groups.put(correlationId, group);
    }

    /** Waits until every acknowledged write was seen on both (or {@code max} passed). */
    void awaitAll(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = acked.keySet().stream().allMatch(id -> sse.containsKey(id) && (!kafkaWatched() || kafka.containsKey(id)));
            if (all) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /** The delays from 2xx to sighting of one group's writes, on the stream ({@code sse}) or the topic. */
    Result result(String group, boolean onStream) {
        Map<String, Long> seen = onStream ? sse : kafka;
        Histogram delays = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
        long missing = 0;
        long beforeAck = 0;
        long writes = 0;
        for (Map.Entry<String, long[]> e : acked.entrySet()) {
            if (group != null && !group.equals(groups.get(e.getKey()))) {
                continue;
            }
            writes++;
            Long at = seen.get(e.getKey());
            if (at == null) {
                missing++;
                continue;
            }
            long delay = at - e.getValue()[0];
            if (delay < 0) {
                beforeAck++;
                delay = 0;
            }
            delays.recordValue(delay / 1000);
        }
        return new Result(writes, missing, beforeAck, delays);
    }

    record Result(long writes, long missing, long beforeAck, Histogram delays) {
        double ms(double percentile) {
            return delays.getTotalCount() == 0 ? Double.NaN : delays.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMs() {
            return delays.getTotalCount() == 0 ? Double.NaN : delays.getMaxValue() / 1000.0;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        InputStream body = sseBody;
        if (body != null) {
            try {
                body.close();
            } catch (Exception e) {
                // closing
            }
        }
        if (kafkaThread != null) {
            kafkaThread.join(5_000);
        }
    }
}
