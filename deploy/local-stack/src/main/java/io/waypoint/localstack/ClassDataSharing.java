package io.waypoint.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Faster service start-up from the second run on: each Spring Boot jar is extracted once (Boot's
 * {@code -Djarmode=tools extract}) and run with a dynamic class-data-sharing archive that the JVM writes when the
 * service stops and reuses (or rewrites, after a rebuild) on the next start.
 */
public final class ClassDataSharing {

    /** How to run one service: the jar to start and the JVM options that go with it. */
    public record Launch(Path jar, List<String> jvmOptions) {
    }

    private static final String MARKER = ".extracted-from";

    private final Path directory;

    public ClassDataSharing(Path directory) {
        this.directory = directory;
    }

    /** Extracts {@code spec.jar()} unless its extraction is current; returns the jar and options to run it with. */
    public Launch prepare(ServiceSpec spec, Path logFile) {
        Path target = directory.resolve(spec.name());
        Path extractedJar = target.resolve(spec.jar().getFileName());
        String source = fingerprint(spec.jar());
        try {
            Path marker = target.resolve(MARKER);
            if (!Files.isRegularFile(extractedJar) || !Files.isRegularFile(marker)
                    || !Files.readString(marker).equals(source)) {
                KafkaBrokerProcess.deleteRecursively(target);
                Files.createDirectories(target);
                int exit = ManagedProcess.run("extract " + spec.name(), List.of(JavaRuntime.executable(),
                                "-Djarmode=tools", "-jar", spec.jar().toAbsolutePath().toString(),
                                "extract", "--destination", target.toAbsolutePath().toString(), "--force"),
                        directory, logFile, Duration.ofMinutes(2));
                if (exit != 0 || !Files.isRegularFile(extractedJar)) {
                    throw new IllegalStateException("extracting " + spec.jar() + " failed (exit " + exit + "); see "
                            + logFile);
                }
                Files.writeString(marker, source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + spec.jar() + " into " + target, e);
        }
        Path archive = directory.resolve(spec.name() + ".jsa").toAbsolutePath();
        return new Launch(extractedJar, List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }

    private static String fingerprint(Path jar) {
        try {
            return jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }
}
