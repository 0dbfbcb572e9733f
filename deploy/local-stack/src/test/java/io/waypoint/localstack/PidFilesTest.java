package io.waypoint.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PidFilesTest {

    @TempDir
    Path directory;

    @Test
    void writesReadsAndRemovesPidFiles() {
        PidFiles pidFiles = new PidFiles(directory.resolve("pids"));
        pidFiles.write("intake-service", 4242);
        assertThat(pidFiles.read("intake-service")).contains(4242L);
        pidFiles.remove("intake-service");
        assertThat(pidFiles.read("intake-service")).isEmpty();
        assertThat(pidFiles.read("never-written")).isEmpty();
    }

    @Test
    void stopsServicesBeforeTheBrokerBeforeTheDatabase() {
        PidFiles pidFiles = new PidFiles(directory);
        for (String name : List.of(LocalStack.POSTGRES, "scheduling-service", LocalStack.KAFKA, "intake-service")) {
            pidFiles.write(name, 1);
        }
        assertThat(pidFiles.names())
                .containsExactly("intake-service", "scheduling-service", LocalStack.KAFKA, LocalStack.POSTGRES);
    }

    @Test
    void stopsALeftoverJavaProcessAndForgetsIt() throws Exception {
        Process leftover = TestProcesses.idleJava();
        try {
            PidFiles pidFiles = new PidFiles(directory);
            pidFiles.write("followup-service", leftover.pid());

            List<String> stopped = pidFiles.stopLeftovers(LocalStack.OWN_COMMANDS, Duration.ofSeconds(10));

            assertThat(stopped).containsExactly("followup-service (pid " + leftover.pid() + ")");
            assertThat(leftover.isAlive()).isFalse();
            assertThat(Files.list(directory)).isEmpty();
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void leavesARecycledPidOfAnotherProgramAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            PidFiles pidFiles = new PidFiles(directory);
            pidFiles.write("kafka", other.pid());

            List<String> stopped = pidFiles.stopLeftovers(LocalStack.OWN_COMMANDS, Duration.ofSeconds(10));

            assertThat(stopped).isEmpty();
            assertThat(other.isAlive()).isTrue();
            assertThat(pidFiles.read("kafka")).isEmpty();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void forgetsPidFilesOfProcessesThatAreGone() throws Exception {
        Process gone = new ProcessBuilder(JavaRuntime.executable(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        PidFiles pidFiles = new PidFiles(directory);
        pidFiles.write("intake-service", gone.pid());

        assertThat(pidFiles.stopLeftovers(LocalStack.OWN_COMMANDS, Duration.ofSeconds(10))).isEmpty();
        assertThat(pidFiles.read("intake-service")).isEmpty();
    }
}
