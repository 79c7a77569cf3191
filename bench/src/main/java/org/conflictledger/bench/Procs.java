package org.conflictledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Linux /proc figures of a process: resident memory and CPU time. Nothing where /proc is absent. */
final class Procs {
    /** Clock ticks per second of /proc/PID/stat; 100 on every Linux the bench is meant for. */
    private static final double TICKS = 100.0;

    private Procs() {
    }

    /** VmRSS of /proc/PID/status in MiB, or -1 when it cannot be read. */
    static double rssMiB(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring("VmRSS:".length()).strip().split("\\s+")[0];
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // below
        }
        return -1;
    }

    /** User plus system CPU seconds the process has used so far, or -1. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold blanks; the fields after it are plain.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the name: state is f[0], so utime (field 14) is f[11] and stime (field 15) f[12].
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long ownCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }
}
