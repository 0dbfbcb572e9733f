package io.waypoint.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ManagedProcessTest {

    @TempDir
    Path directory;

    @Test
    void runsInASessionOfItsOwnAndStopsOnClose() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")) && Files.isDirectory(Path.of("/proc/self")));
        PidFiles pidFiles = new PidFiles(directory.resolve("pids"));
        ManagedProcess process = ManagedProcess.start("idle", List.of(JavaRuntime.executable(), "-Xmx32m", "-cp",
                        TestProcesses.testClasses().toString(), Idle.class.getName()), Map.of(), directory,
                directory.resolve("logs/idle.log"), pidFiles);
        try {
            assertThat(pidFiles.read("idle")).contains(process.pid());
            // setsid replaces itself with the command: same pid, now running java
            Poll.untilTrue("the child to run java", Duration.ofSeconds(10), () -> ProcessHandle.of(process.pid())
                    .flatMap(handle -> handle.info().command())
                    .filter(command -> Path.of(command).getFileName().toString().equals("java")).isPresent());
            assertThat(processGroup(process.pid())).isNotEqualTo(processGroup(ProcessHandle.current().pid()));
        } finally {
            process.close();
        }
        assertThat(process.isAlive()).isFalse();
        assertThat(pidFiles.read("idle")).isEmpty();
    }

    @Test
    void aProcessThatExitedEndsAWaitWithItsLog() throws Exception {
        PidFiles pidFiles = new PidFiles(directory.resolve("pids"));
        Path log = directory.resolve("logs/failing.log");
        ManagedProcess process = ManagedProcess.start("failing",
                List.of(JavaRuntime.executable(), "-cp", TestProcesses.testClasses().toString(),
                        FakeService.class.getName()), Map.of("FAKE_EXIT", "7"), directory, log, pidFiles);

        assertThatThrownBy(() -> Poll.untilTrue("a process that exits", Duration.ofSeconds(30), () -> {
            process.requireAlive();
            return false;
        })).isInstanceOf(Poll.Abort.class)
                .hasMessageContaining("failing exited with code 7")
                .hasMessageContaining("start-up failed on purpose");
        process.close();
    }

    @Test
    void runReportsTheExitCode() {
        int exit = ManagedProcess.run("version", List.of(JavaRuntime.executable(), "-version"), directory,
                directory.resolve("logs/version.log"), Duration.ofSeconds(30));
        assertThat(exit).isZero();
        assertThat(ManagedProcess.logTail(directory.resolve("logs/version.log"), 5)).contains("version");
        assertThat(ManagedProcess.logTail(directory.resolve("none.log"), 5)).startsWith("(no log at");
    }

    private static String processGroup(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return afterName[2];
    }
}
