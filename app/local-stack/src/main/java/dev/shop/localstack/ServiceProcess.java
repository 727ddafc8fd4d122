package dev.shop.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One Quarkus service started from its packaged {@code quarkus-run.jar} as a child process, configured
 * only by environment variables, exactly as a container would be.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(25);

    private final String name;
    private final Path runJar;
    private final int port;
    private final Map<String, String> environment;
    private final Consumer<String> output;
    private Process process;
    private Duration lastStartToReady;

    public ServiceProcess(String name, Path runJar, int port, Map<String, String> environment, Consumer<String> output) {
        this.name = name;
        this.runJar = runJar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.output = output;
    }

    /** Starts the service and waits until {@code /q/health/ready} answers 200. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(runJar)) {
            throw new IllegalStateException(name + " is not built: " + runJar
                    + " is missing (run ./mvnw -B package -DskipTests first)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a modest heap: five processes share a small machine
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(runJar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Instant started = Instant.now();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        pipeOutput(process);
        awaitReady(started);
    }

    /** Stops the service with SIGTERM (graceful shutdown), then kills it if it does not stop in time. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The process id, for reading its memory use; -1 when not running. Locked: stop() may run on another thread. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** How long the last start took until the service was ready. */
    public synchronized Duration lastStartToReady() {
        return lastStartToReady;
    }

    @Override
    public void close() {
        stop();
    }

    private void pipeOutput(Process started) {
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.accept("[" + name + "] " + line);
                }
            } catch (IOException ignored) {
                // the process ended; nothing more to read
            }
        }, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    private void awaitReady(Instant started) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        Instant deadline = started.plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready (its output is above)");
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    lastStartToReady = Duration.between(started, Instant.now());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(200));
        }
        stop();
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
