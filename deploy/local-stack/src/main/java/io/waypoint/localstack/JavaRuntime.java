package io.waypoint.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The JVM that runs the launcher is the one every child process gets: one JDK to install, one to find. */
public final class JavaRuntime {

    private JavaRuntime() {
    }

    public static String executable() {
        return ProcessHandle.current().info().command()
                .filter(command -> Path.of(command).getFileName().toString().startsWith("java"))
                .filter(command -> Files.isExecutable(Path.of(command)))
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
