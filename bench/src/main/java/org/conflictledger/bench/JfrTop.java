package org.conflictledger.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The evidence of a JFR recording in a few lines, with the JDK alone: the methods the CPU samples were in (self),
 * the methods on the most sampled stacks (total), the project's own methods on them, and where threads blocked on
 * monitors or parked. {@code java -cp bench/target/bench.jar org.conflictledger.bench.JfrTop FILE.jfr [TOP] [METHOD]}:
 * with a METHOD (part of {@code package.Class.method}), also what the samples under that method were doing: the
 * methods it called (the frame just above it) and the hot methods beneath it.
 */
public final class JfrTop {
    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("Usage: JfrTop FILE.jfr [TOP]");
            System.exit(64);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        String under = args.length > 2 ? args[2] : null;
        Map<String, Long> underCallees = new HashMap<>();
        Map<String, Long> underSelf = new HashMap<>();
        long underSamples = 0;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> ours = new HashMap<>();
        Map<String, Long> monitors = new HashMap<>();
        Map<String, Long> monitorSites = new HashMap<>();
        Map<String, Long> parks = new HashMap<>();
        long samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            RecordedStackTrace stack = e.getStackTrace();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = stack.getFrames();
                    self.merge(name(frames.get(0)), 1L, Long::sum);
                    if (under != null) {
                        for (int i = frames.size() - 1; i >= 0; i--) {
                            if (name(frames.get(i)).contains(under)) {
                                underSamples++;
                                underSelf.merge(name(frames.get(0)), 1L, Long::sum);
                                if (i > 0) {
                                    underCallees.merge(name(frames.get(i - 1)), 1L, Long::sum);
                                }
                                break;
                            }
                        }
                    }
                    Set<String> seen = new HashSet<>();
                    boolean ownCounted = false;
                    for (RecordedFrame f : frames) {
                        String n = name(f);
                        if (seen.add(n)) {
                            total.merge(n, 1L, Long::sum);
                        }
                        if (!ownCounted && n.startsWith("org.conflictledger.")) {
                            ours.merge(n, 1L, Long::sum);
                            ownCounted = true;
                        }
                    }
                }
                case "jdk.JavaMonitorEnter" -> {
                    long micros = e.getDuration().toNanos() / 1000;
                    String monitor = e.getClass("monitorClass") == null ? "?" : e.getClass("monitorClass").getName();
                    monitors.merge(monitor, micros, Long::sum);
                    if (stack != null) {
                        monitorSites.merge(firstOwnOrTop(stack), micros, Long::sum);
                    }
                }
                case "jdk.ThreadPark" -> {
                    long micros = e.getDuration().toNanos() / 1000;
                    if (stack != null) {
                        parks.merge(firstOwnOrTop(stack), micros, Long::sum);
                    }
                }
                default -> {
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d CPU samples%n", args[0], samples);
        print("Hot methods (self, % of samples)", self, samples, top, true);
        print("On the stack (total, % of samples)", total, samples, top, true);
        print("The project's own frame nearest the top (% of samples)", ours, samples, top, true);
        print("Blocked entering a monitor, by monitor class (ms)", monitors, 0, top, false);
        print("Blocked entering a monitor, by first project frame or top frame (ms)", monitorSites, 0, top, false);
        print("Parked (locks, queues, sleeps; ms), by first project frame or top frame", parks, 0, top, false);
        if (under != null) {
            System.out.printf(Locale.ROOT, "%nUnder %s: %,d samples (%.1f%%)%n", under, underSamples,
                    100.0 * underSamples / Math.max(1, samples));
            print("  what it called (% of all samples)", underCallees, samples, top, true);
            print("  hot methods beneath it (self, % of all samples)", underSelf, samples, top, true);
        }
    }

    private static String firstOwnOrTop(RecordedStackTrace stack) {
        for (RecordedFrame f : stack.getFrames()) {
            if (name(f).startsWith("org.conflictledger.")) {
                return name(f);
            }
        }
        return stack.getFrames().isEmpty() ? "?" : name(stack.getFrames().get(0));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Long> counts, long samples, int top, boolean percent) {
        System.out.println();
        System.out.println(title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> {
                    if (percent) {
                        System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey());
                    } else {
                        System.out.printf(Locale.ROOT, "  %9.0f  %s%n", e.getValue() / 1000.0, e.getKey());
                    }
                });
    }
}
