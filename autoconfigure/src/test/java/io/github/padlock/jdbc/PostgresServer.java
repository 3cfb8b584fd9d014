package io.github.padlock.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL for tests, from Debian's {@code postgresql} package, with no Docker and no mock: {@code initdb} on
 * a throwaway data directory, {@code pg_ctl start} on 127.0.0.1 and a free port (its Unix socket in the data
 * directory), and at the end {@code pg_ctl stop -m immediate} and the directory deleted — by {@link #close()}, or by
 * a JVM shutdown hook if a test run ends before it. Nothing is flushed to the disk ({@code fsync=off}): the data lives
 * as long as the test. Commits stay synchronous, though: with {@code synchronous_commit=off}, what was committed in the
 * last fraction of a second before a {@link #stop()}, which is a crash, would be lost.
 * <p>
 * {@code initdb} refuses to run as root, which is how CI runs: as root, every PostgreSQL command runs as the
 * {@code postgres} user ({@code runuser -u postgres}), who owns the data directory; as anyone else, as that user. The
 * binaries are those of {@code PG_BIN}, else of the newest {@code /usr/lib/postgresql/<version>/bin}, else of the
 * {@code PATH}. Without them the tests that need PostgreSQL are skipped, except on CI ({@code CI=true}), where
 * {@code .ci/run} installs the package and they fail.
 * <p>
 * {@link #stop()} and {@link #startAgain()} stop and start the same server on the same directory and port, for tests of an
 * outage; {@link #shared()} is one server for every test class of a JVM, each in a database of its own
 * ({@link #createDatabase}): {@code initdb} is the slow part.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";

    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private static PostgresServer shared;

    private final Path bin;

    private final Path directory;

    private final int port;

    private final boolean asPostgresUser;

    private final Thread shutdownHook;

    private boolean running;

    private PostgresServer(Path bin, Path directory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.shutdownHook = new Thread(this::destroy, "postgres-" + port + "-shutdown");
    }

    /**
     * Creates and starts a server of its own, to be closed by the caller.
     * @return the running server
     */
    public static PostgresServer start() {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory;
        try {
            directory = Files.createTempDirectory("padlock-pg");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        PostgresServer server = new PostgresServer(bin, directory, freePort(), root);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            if (root) {
                run(List.of("chown", SUPERUSER + ":", directory.toString()), false);
            }
            server.postgres("initdb", "-D", directory.toString(), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8",
                    "--locale=C", "--no-sync");
            server.startAgain();
        }
        catch (RuntimeException ex) {
            server.close();
            throw ex;
        }
        return server;
    }

    /**
     * One server for the whole test JVM, started at the first call and stopped by the shutdown hook: give each test
     * class a database of its own ({@link #createDatabase}). A test that stops it starts it again before it ends
     * ({@code finally}); test classes run one after the other.
     * @return the running server
     */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /**
     * Skips the calling test when PostgreSQL is not installed, except on CI, where it fails.
     */
    public static void assumeInstalled() {
        boolean installed = findBinaries().isPresent();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs PostgreSQL's initdb and pg_ctl (Debian's postgresql package, "
                    + "which .ci/run installs)");
        }
        Assumptions.assumeTrue(installed, "PostgreSQL (Debian's postgresql package) is not installed");
    }

    /** Starts the server on its directory and port (again, after {@link #stop()}), and waits until it accepts connections. */
    public synchronized void startAgain() {
        postgres("pg_ctl", "-D", this.directory.toString(), "-l", this.directory.resolve("postgres.log").toString(),
                "-o", "-h 127.0.0.1 -p " + this.port + " -k " + this.directory
                        + " -c fsync=off -c full_page_writes=off",
                "-w", "-t", "60", "start");
        this.running = true;
    }

    /** Stops the server at once, as a crash or an outage would, keeping its data for {@link #startAgain()}. */
    public synchronized void stop() {
        if (this.running) {
            postgres("pg_ctl", "-D", this.directory.toString(), "-m", "immediate", "-w", "-t", "60", "stop");
            this.running = false;
        }
    }

    /** {@return the port it listens on, on 127.0.0.1} */
    public int port() {
        return this.port;
    }

    /**
     * @param database a database's name
     * @return its JDBC URL
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
    }

    /** {@return the superuser's name, who needs no password} */
    public String username() {
        return SUPERUSER;
    }

    /**
     * Creates a database, owned by the superuser.
     * @param database its name: lower-case letters, digits and {@code _}
     * @return its JDBC URL
     */
    public String createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = dataSource(SUPERUSER).getConnection();
                Statement statement = connection.createStatement()) {
            // PostgreSQL 15's default strategy copies the template through the WAL: slower, and pointless here.
            statement.execute("CREATE DATABASE " + database + " STRATEGY = FILE_COPY");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot create database " + database, ex);
        }
        return jdbcUrl(database);
    }

    /**
     * A connection per call, without a pool.
     * @param database a database's name
     * @return a data source for it
     */
    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(database));
        dataSource.setUser(SUPERUSER);
        dataSource.setConnectTimeout(2);
        return dataSource;
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
        }
        catch (IllegalStateException ex) {
            // The JVM is shutting down: the hook runs, or ran, destroy() itself.
        }
    }

    private synchronized void destroy() {
        try {
            stop();
        }
        catch (RuntimeException ex) {
            // Deleting the directory below leaves nothing behind but a process that lost its data directory.
        }
        try (Stream<Path> paths = Files.walk(this.directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException ex) {
            // Best effort: a temporary directory.
        }
    }

    private String postgres(String command, String... arguments) {
        List<String> line = new ArrayList<>();
        if (this.asPostgresUser) {
            line.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        line.add(this.bin.resolve(command).toString());
        line.addAll(Arrays.asList(arguments));
        return run(line, true);
    }

    private static String run(List<String> command, boolean inTmp) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (inTmp) {
            // runuser keeps the working directory, which the postgres user may not be allowed to read.
            builder.directory(Path.of(System.getProperty("java.io.tmpdir")).toFile());
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue()
                        + "):\n" + text);
            }
            return text;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static Path binaries() {
        return findBinaries().orElseThrow(() -> new IllegalStateException("PostgreSQL's initdb and pg_ctl were not "
                + "found in PG_BIN, /usr/lib/postgresql/*/bin or the PATH: install Debian's postgresql package"));
    }

    private static Optional<Path> findBinaries() {
        String configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(PostgresServer::hasBinaries);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map((version) -> version.resolve("bin"))
                    .filter(PostgresServer::hasBinaries)
                    .max(Comparator.comparingInt(PostgresServer::version));
                if (newest.isPresent()) {
                    return newest;
                }
            }
            catch (IOException ex) {
                // Fall back to the PATH.
            }
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            .filter((entry) -> !entry.isEmpty())
            .map(Path::of)
            .filter(PostgresServer::hasBinaries)
            .findFirst();
    }

    private static boolean hasBinaries(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
