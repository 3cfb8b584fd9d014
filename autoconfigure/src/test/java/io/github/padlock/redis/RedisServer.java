package io.github.padlock.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis for tests, from Debian's {@code redis-server} package, with no Docker and no mock: a
 * {@code redis-server} process on 127.0.0.1 and a free port, with no persistence (no RDB snapshot, no AOF), no Unix
 * socket and a throwaway working directory, stopped and its directory deleted by {@link #close()}, or by a JVM shutdown
 * hook if a test run ends before it.
 * <p>
 * {@link #stop()} and {@link #startAgain()} stop and start a server on the same port, for tests of an outage; the data
 * does not survive (nothing is persisted), as after a real Redis restart without persistence. {@link #flushAll()}
 * empties it between tests. The binary is {@code REDIS_SERVER} if set, else {@code redis-server} on the {@code PATH}
 * or in {@code /usr/bin}. Without it the tests that need Redis are skipped, except on CI ({@code CI=true}), where
 * {@code .ci/run} installs the package and they fail.
 */
public final class RedisServer implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 30_000;

    private static RedisServer shared;

    private final Path binary;

    private final Path directory;

    private final int port;

    private final Thread shutdownHook;

    private Process process;

    private RedisServer(Path binary, Path directory, int port) {
        this.binary = binary;
        this.directory = directory;
        this.port = port;
        this.shutdownHook = new Thread(this::destroy, "redis-" + port + "-shutdown");
    }

    /**
     * Creates and starts a server of its own, to be closed by the caller.
     * @return the running server
     */
    public static RedisServer start() {
        Path binary = binary();
        Path directory;
        try {
            directory = Files.createTempDirectory("padlock-redis");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        RedisServer server = new RedisServer(binary, directory, freePort());
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.startAgain();
        }
        catch (RuntimeException ex) {
            server.close();
            throw ex;
        }
        return server;
    }

    /**
     * One server for the whole test JVM, started at the first call and stopped by the shutdown hook. A test class
     * empties it first ({@link #flushAll()}); a test that stops it starts it again before it ends ({@code finally}).
     * @return the running server
     */
    public static synchronized RedisServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /**
     * Skips the calling test when Redis is not installed, except on CI, where it fails.
     */
    public static void assumeInstalled() {
        boolean installed = findBinary().isPresent();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs redis-server (Debian's redis-server package, which .ci/run "
                    + "installs)");
        }
        Assumptions.assumeTrue(installed, "Redis (Debian's redis-server package) is not installed");
    }

    /** Starts the server on its port (again, after {@link #stop()}), empty, and waits until it answers PING. */
    public synchronized void startAgain() {
        if (this.process != null && this.process.isAlive()) {
            return;
        }
        List<String> command = List.of(this.binary.toString(), "--bind", "127.0.0.1", "--port",
                Integer.toString(this.port), "--unixsocket", "", "--save", "", "--appendonly", "no", "--dir",
                this.directory.toString(), "--daemonize", "no", "--protected-mode", "yes", "--loglevel", "warning",
                "--logfile", this.directory.resolve("redis.log").toString());
        try {
            this.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(this.directory.resolve("redis.out").toFile())
                .start();
            this.process.getOutputStream().close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (true) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException("redis-server exited (" + this.process.exitValue() + "): "
                        + log());
            }
            try {
                if ("+PONG".equals(command("PING"))) {
                    return;
                }
            }
            catch (IOException ex) {
                // Not listening yet.
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("redis-server did not answer PING on port " + this.port + ": "
                        + log());
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
    }

    /** Stops the server at once (SIGKILL), as a crash or an outage would; its data is lost. */
    public synchronized void stop() {
        if (this.process != null) {
            this.process.destroyForcibly();
            try {
                this.process.waitFor(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            this.process = null;
        }
    }

    /** {@return whether the server runs} */
    public synchronized boolean isRunning() {
        return this.process != null && this.process.isAlive();
    }

    /** {@return the port it listens on, on 127.0.0.1} */
    public int port() {
        return this.port;
    }

    /** {@return the host, {@code 127.0.0.1}} */
    public String host() {
        return "127.0.0.1";
    }

    /** {@return a {@code redis://} URL for {@code spring.data.redis.url}} */
    public String url() {
        return "redis://127.0.0.1:" + this.port;
    }

    /** Deletes every key of every database. */
    public void flushAll() {
        try {
            String reply = command("FLUSHALL");
            if (!"+OK".equals(reply)) {
                throw new IllegalStateException("FLUSHALL answered " + reply);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Sends one command of plain words (no spaces inside an argument) and reads the first line of its reply, for
     * tests that look at what a store left in Redis without a client library ({@code DBSIZE} answers {@code :3}).
     * @param words the command and its arguments
     * @return the reply's first line, such as {@code +PONG}, {@code :3} or {@code $-1}
     * @throws IOException when the server does not answer
     */
    public String command(String... words) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1000);
            socket.setSoTimeout(5000);
            StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
            for (String word : words) {
                byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
                request.append('$').append(bytes.length).append("\r\n").append(word).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int read;
            while ((read = in.read()) != -1 && read != '\n') {
                if (read != '\r') {
                    line.append((char) read);
                }
            }
            if (read == -1 && line.isEmpty()) {
                throw new IOException("Connection closed");
            }
            return line.toString();
        }
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
        stop();
        try (Stream<Path> paths = Files.walk(this.directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException ex) {
            // Best effort: a temporary directory.
        }
    }

    private String log() {
        try {
            Path log = this.directory.resolve("redis.log");
            Path out = this.directory.resolve("redis.out");
            return (Files.exists(log) ? Files.readString(log) : "") + (Files.exists(out) ? Files.readString(out) : "");
        }
        catch (IOException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    private static Path binary() {
        return findBinary().orElseThrow(() -> new IllegalStateException("redis-server was not found in "
                + "REDIS_SERVER, the PATH or /usr/bin: install Debian's redis-server package"));
    }

    private static Optional<Path> findBinary() {
        String configured = System.getenv("REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)),
                Stream.of("/usr/bin", "/usr/local/bin"))
            .filter((entry) -> !entry.isEmpty())
            .map((entry) -> Path.of(entry, "redis-server"))
            .filter(Files::isExecutable)
            .findFirst();
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
