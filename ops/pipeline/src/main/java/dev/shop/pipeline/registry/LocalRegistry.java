package dev.shop.pipeline.registry;

import dev.shop.cli.CliException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real OCI registry on loopback: Debian's docker-registry (CNCF Distribution) with its own
 * storage folder and port, started and stopped by whoever needs it (the rehearsal, tests).
 */
public final class LocalRegistry implements AutoCloseable {

    public static final String BINARY = "docker-registry";

    private final Process process;
    private final int port;
    /** Stops the registry when the JVM is stopped by a signal, which skips finally blocks' close(). */
    private final Thread stopOnExit;

    private LocalRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
        this.stopOnExit = new Thread(process::destroy, "stop-registry");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    public static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, BINARY)));
    }

    public static LocalRegistry start(Path workDir) {
        if (!installed()) {
            throw CliException.environment(BINARY + " is not on the PATH: run ops/bin/install-rehearsal-deps");
        }
        int port = freePort();
        try {
            Files.createDirectories(workDir.resolve("storage"));
            Path config = workDir.resolve("config.yml");
            Files.writeString(config, String.join("\n",
                    "version: 0.1",
                    "log:",
                    "  level: warn",
                    "storage:",
                    "  filesystem:",
                    "    rootdirectory: " + workDir.resolve("storage").toAbsolutePath(),
                    "  delete:",
                    "    enabled: true",
                    "http:",
                    "  addr: 127.0.0.1:" + port,
                    ""));
            Process process = new ProcessBuilder(BINARY, "serve", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("registry.log").toFile())
                    .start();
            LocalRegistry registry = new LocalRegistry(process, port);
            registry.awaitUp(workDir.resolve("registry.log"));
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** host:port, the prefix of image names in this registry. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public RegistryClient client() {
        return RegistryClient.forHost(host(), null, null);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitUp(Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        RegistryClient client = client();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw CliException.environment("docker-registry exited: " + Files.readString(log).strip());
            }
            if (client.isUp()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw CliException.environment("docker-registry did not answer on " + host());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
