package io.waypoint.benchmark;

import io.waypoint.localstack.PidFiles;
import io.waypoint.localstack.PortAllocator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * The same embedded PostgreSQL binaries as the local stack, started with durable commits: {@code fsync=on} and
 * {@code synchronous_commit=on} (the local stack's PostgreSQL keeps zonky's defaults, which turn both off).
 * Data under the given directory, wiped at every start.
 */
final class DurablePostgres implements AutoCloseable {

    static final String NAME = "postgres";
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final PidFiles pidFiles;

    private DurablePostgres(EmbeddedPostgres postgres, Path dataDirectory, PidFiles pidFiles) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.pidFiles = pidFiles;
    }

    static DurablePostgres start(Path dataDirectory, Path logFile, PidFiles pidFiles) {
        deleteRecursively(dataDirectory);
        try {
            Files.createDirectories(logFile.getParent());
            Files.deleteIfExists(logFile);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(PortAllocator.freePort())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // durable commits: every COMMIT waits for its WAL to reach the disk
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "300")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            DurablePostgres server = new DurablePostgres(postgres, dataDirectory, pidFiles);
            server.postmasterPid().ifPresent(pid -> pidFiles.write(NAME, pid));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDirectory, e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return postgres.getDatabase(USER, database).getConnection();
    }

    /** {@code SHOW <setting>} on the server. */
    String show(String setting) {
        if (!setting.matches("[a-z_]+")) {
            throw new IllegalArgumentException(setting);
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + setting, e);
        }
    }

    void createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    Optional<Long> postmasterPid() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            return Files.isRegularFile(pidFile)
                    ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = postmasterPid().flatMap(ProcessHandle::of);
        try {
            postgres.close();
        } catch (IOException e) {
            postmaster.ifPresent(ProcessHandle::destroy);
        }
        postmaster.ifPresent(handle -> {
            try {
                handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        });
        pidFiles.remove(NAME);
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
