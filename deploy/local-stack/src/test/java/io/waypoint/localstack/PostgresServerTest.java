package io.waypoint.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresServerTest {

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void startsWithOneDatabasePerServiceReachableByJdbcAndStops() throws Exception {
        PidFiles pidFiles = new PidFiles(directory.resolve("pids"));
        PostgresServer postgres = PostgresServer.start(0, directory.resolve("postgres"),
                directory.resolve("logs/postgres.log"), List.of("intake", "scheduling", "followup"), pidFiles);
        long pid;
        try {
            pid = pidFiles.read(LocalStack.POSTGRES).orElseThrow();
            assertThat(ProcessHandle.of(pid)).isPresent();
            assertThat(postgres.databases()).contains("intake", "scheduling", "followup");
            try (var connection = DriverManager.getConnection(postgres.jdbcUrl("scheduling"),
                    PostgresServer.USER, PostgresServer.PASSWORD);
                 var rows = connection.createStatement().executeQuery("select current_database()")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("scheduling");
            }
        } finally {
            postgres.close();
        }
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }
}
