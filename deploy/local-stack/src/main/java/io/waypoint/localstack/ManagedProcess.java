package io.waypoint.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A child process of the launcher: its output goes to a log file, its pid to a pid file. */
public final class ManagedProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /**
     * Children run in a session of their own where {@code setsid} exists: Ctrl-C in the terminal then reaches only
     * the launcher, whose shutdown hook stops them in order (services before the broker before the database).
     */
    private static final List<String> OWN_SESSION = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .filter(path -> Files.isExecutable(Path.of(path)))
            .findFirst().map(List::of).orElse(List.of());

    private final String name;
    private final Process process;
    private final Path logFile;
    private final PidFiles pidFiles;

    private ManagedProcess(String name, Process process, Path logFile, PidFiles pidFiles) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFiles = pidFiles;
    }

    /** Starts {@code command} in {@code workingDirectory}, output (stdout and stderr) appended to {@code logFile}. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                       Path workingDirectory, Path logFile, PidFiles pidFiles) {
        try {
            Files.createDirectories(logFile.getParent());
            List<String> inOwnSession = Stream.concat(OWN_SESSION.stream(), command.stream()).toList();
            ProcessBuilder builder = new ProcessBuilder(inOwnSession)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            pidFiles.write(name, process.pid());
            return new ManagedProcess(name, process, logFile, pidFiles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** Runs a short command to its end and returns its exit code (output appended to {@code logFile}). */
    public static int run(String name, List<String> command, Path workingDirectory, Path logFile, Duration timeout) {
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** For probes: ends a wait at once when the process has already exited. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new Poll.Abort(name + " exited with code " + process.exitValue() + "; last lines of " + logFile
                    + ":\n" + logTail(logFile, 40));
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after a grace period) and removes its pid file. */
    @Override
    public void close() {
        PidFiles.stop(process.toHandle(), STOP_GRACE);
        pidFiles.remove(name);
    }

    /** The last {@code lines} lines of a log file, or a note that there is none. */
    public static String logTail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        Deque<String> tail = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
        return String.join("\n", tail);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
