package io.waypoint.localstack;

import java.nio.file.Path;
import java.util.List;

/** One Waypoint service as the local stack runs it: its name, HTTP port, database and runnable jar. */
public record ServiceSpec(String name, int port, String database, Path jar) {

    public static final String INTAKE = "intake-service";
    public static final String SCHEDULING = "scheduling-service";
    public static final String FOLLOWUP = "followup-service";

    /** The three services with their usual ports, jars as the reactor build leaves them. */
    public static List<ServiceSpec> standard(Path repoRoot) {
        return List.of(
                new ServiceSpec(INTAKE, 8081, "intake", execJar(repoRoot, INTAKE)),
                new ServiceSpec(SCHEDULING, 8082, "scheduling", execJar(repoRoot, SCHEDULING)),
                new ServiceSpec(FOLLOWUP, 8083, "followup", execJar(repoRoot, FOLLOWUP)));
    }

    public static Path execJar(Path repoRoot, String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
    }

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, newPort, database, jar);
    }

    public ServiceSpec withJar(Path newJar) {
        return new ServiceSpec(name, port, database, newJar);
    }
}
