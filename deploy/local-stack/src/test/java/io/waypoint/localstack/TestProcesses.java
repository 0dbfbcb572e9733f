package io.waypoint.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Child processes and runnable jars made from the test classes. */
final class TestProcesses {

    private TestProcesses() {
    }

    static Path testClasses() {
        try {
            return Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A java process that runs until stopped. */
    static Process idleJava() throws IOException {
        return new ProcessBuilder(JavaRuntime.executable(), "-Xmx32m", "-cp", testClasses().toString(),
                Idle.class.getName()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** A runnable jar whose main class is {@link FakeService}, taken from the test classes. */
    static Path fakeServiceJar(Path directory, String name) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses().toUri().toString());
        Path jar = directory.resolve(name + ".jar");
        Files.createDirectories(directory);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }

}
