package io.waypoint.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One file per started process ({@code <name>.pid}), so a later run can stop what an earlier run left behind
 * (a launcher killed hard leaves its children running and holding the ports).
 */
public final class PidFiles {

    private static final String SUFFIX = ".pid";

    private final Path directory;

    public PidFiles(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public void write(String name, long pid) {
        try {
            Files.createDirectories(directory);
            Files.writeString(file(name), Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pid file of " + name, e);
        }
    }

    public void remove(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the pid file of " + name, e);
        }
    }

    public Optional<Long> read(String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops every process named by a pid file that is still running one of {@code commandNames} (by executable
     * name: a recycled pid that now belongs to something else is left alone), PostgreSQL last, and removes the files.
     *
     * @return what was stopped, for the console
     */
    public List<String> stopLeftovers(List<String> commandNames, Duration grace) {
        List<String> stopped = new ArrayList<>();
        for (String name : names()) {
            read(name).flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> runs(handle, commandNames))
                    .ifPresent(handle -> {
                        stop(handle, grace);
                        stopped.add(name + " (pid " + handle.pid() + ")");
                    });
            remove(name);
        }
        return stopped;
    }

    /** Pid-file names, services before the broker before the database, so nothing loses its backend first. */
    List<String> names() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(fileName -> fileName.endsWith(SUFFIX))
                    .map(fileName -> fileName.substring(0, fileName.length() - SUFFIX.length()))
                    .sorted(Comparator.comparingInt(PidFiles::stopOrder).thenComparing(Comparator.naturalOrder()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static int stopOrder(String name) {
        return switch (name) {
            case LocalStack.POSTGRES -> 2;
            case LocalStack.KAFKA -> 1;
            default -> 0;
        };
    }

    private static boolean runs(ProcessHandle handle, List<String> commandNames) {
        return handle.info().command()
                .map(command -> Path.of(command).getFileName().toString())
                .filter(commandNames::contains)
                .isPresent();
    }

    /** Asks politely (SIGTERM), then insists (SIGKILL) after {@code grace}; waits for the end either way. */
    static void stop(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            Poll.untilTrue("process " + handle.pid() + " to stop", grace, () -> !handle.isAlive());
        } catch (Poll.TimeoutException e) {
            handle.destroyForcibly();
            Poll.untilTrue("process " + handle.pid() + " to be killed", Duration.ofSeconds(10), () -> !handle.isAlive());
        }
    }

    private Path file(String name) {
        return directory.resolve(name + SUFFIX);
    }
}
