package io.waypoint.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Real PostgreSQL binaries (from Maven Central) started by the launcher, one database per service. Data lives under
 * the given directory and is wiped at every start.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on {@code port} (0: any free port) with an empty data directory and creates
     * {@code databases}.
     */
    public static PostgresServer start(int port, Path dataDirectory, Path logFile, List<String> databases,
                                       PidFiles pidFiles) {
        KafkaBrokerProcess.deleteRecursively(dataDirectory);
        try {
            Files.createDirectories(logFile.getParent());
            Files.deleteIfExists(logFile);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? PortAllocator.freePort() : port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            PostgresServer server = new PostgresServer(postgres, dataDirectory);
            server.postmasterPid().ifPresent(pid -> pidFiles.write(LocalStack.POSTGRES, pid));
            server.createDatabases(databases);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The postmaster's pid as PostgreSQL records it in its data directory. */
    public Optional<Long> postmasterPid() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            return Files.isRegularFile(pidFile)
                    ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Names of the databases that exist, templates excluded. */
    public List<String> databases() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("select datname from pg_database where not datistemplate order by 1")) {
            var names = new java.util.ArrayList<String>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list databases", e);
        }
    }

    private void createDatabases(List<String> databases) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String database : databases) {
                if (!database.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + database);
                }
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the service databases " + databases, e);
        }
    }

    /** Stops PostgreSQL and returns once the postmaster has exited (its port is free again). */
    @Override
    public void close() {
        Optional<ProcessHandle> postmaster = postmasterPid().flatMap(ProcessHandle::of);
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
        postmaster.ifPresent(handle -> PidFiles.stop(handle, Duration.ofSeconds(30)));
    }
}
