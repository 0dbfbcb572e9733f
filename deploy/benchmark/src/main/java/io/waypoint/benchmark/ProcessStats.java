package io.waypoint.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * CPU and memory of the processes under test, from /proc: CPU is the change of utime+stime over a window as a
 * percentage of one core (PostgreSQL: the postmaster, its live children, and the CPU of children it has reaped);
 * memory is VmRSS at the window's end (summed over PostgreSQL's processes, whose shared buffers each one counts).
 */
final class ProcessStats {

    /** A named process or group of processes (a service instance, the broker, PostgreSQL). */
    record Watched(String name, Supplier<Optional<Long>> rootPid, boolean withDescendants) {
    }

    /** CPU ticks and RSS of every watched process at one instant. */
    record Snapshot(long nanos, Map<String, Long> ticks, Map<String, Long> rssKb) {
    }

    /** One window's figures for one process (group). */
    record Usage(String name, double cpuPercentOfOneCore, long rssMb) {
    }

    private static final long CLOCK_TICKS = clockTicks();

    private final List<Watched> watched = new ArrayList<>();

    synchronized void watch(String name, Supplier<Optional<Long>> rootPid, boolean withDescendants) {
        watched.removeIf(w -> w.name().equals(name));
        watched.add(new Watched(name, rootPid, withDescendants));
    }

    synchronized void unwatch(String name) {
        watched.removeIf(w -> w.name().equals(name));
    }

    synchronized Snapshot snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        for (Watched w : watched) {
            Optional<Long> root = w.rootPid().get();
            if (root.isEmpty()) {
                continue;
            }
            List<Long> pids = new ArrayList<>();
            pids.add(root.get());
            if (w.withDescendants()) {
                ProcessHandle.of(root.get()).ifPresent(handle -> handle.descendants()
                        .forEach(child -> pids.add(child.pid())));
            }
            long t = 0;
            long r = 0;
            for (long pid : pids) {
                long[] stat = stat(pid);
                if (stat == null) {
                    continue;
                }
                t += stat[0] + stat[1];
                if (w.withDescendants() && pid == root.get()) {
                    t += stat[2] + stat[3]; // children already reaped (short-lived backends)
                }
                r += rssKb(pid);
            }
            ticks.put(w.name(), t);
            rss.put(w.name(), r);
        }
        return new Snapshot(System.nanoTime(), ticks, rss);
    }

    static List<Usage> between(Snapshot start, Snapshot end) {
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        List<Usage> usage = new ArrayList<>();
        end.ticks().forEach((name, ticks) -> {
            Long before = start.ticks().get(name);
            double cpu = before == null || seconds <= 0 ? Double.NaN
                    : (ticks - before) / (double) CLOCK_TICKS / seconds * 100.0;
            usage.add(new Usage(name, cpu, end.rssKb().getOrDefault(name, 0L) / 1024));
        });
        return usage;
    }

    /** utime, stime, cutime, cstime in clock ticks, or null when the process is gone. */
    private static long[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17
            return new long[]{Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (Exception e) {
            return 100;
        }
    }
}
