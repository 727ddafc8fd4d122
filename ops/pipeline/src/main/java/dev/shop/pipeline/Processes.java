package dev.shop.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Runs external programs (git, terraform, kubectl, podman, mvnw, gitops) and captures their output. */
public final class Processes {

    /** Own threads: the common pool has one thread on two cores, and stdout and stderr must drain together. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "process-output");
        thread.setDaemon(true);
        return thread;
    });

    private Processes() {
    }

    public record Result(List<String> command, int exitCode, String stdout, String stderr) {

        public boolean ok() {
            return exitCode == 0;
        }

        /** The result itself when the command succeeded, else an environment failure naming it. */
        public Result orThrow() {
            if (!ok()) {
                String detail = stderr.isBlank() ? stdout : stderr;
                throw PipelineException.environment(String.join(" ", command) + " failed (exit " + exitCode + "): "
                        + lastLines(detail, 20));
            }
            return this;
        }
    }

    public static Result run(List<String> command, Path workDir, Duration timeout) {
        return run(command, workDir, Map.of(), null, timeout);
    }

    public static Result run(List<String> command, Path workDir, Map<String, String> env, String stdin,
                             Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw PipelineException.environment(command.get(0) + " cannot be started: " + e.getMessage());
        }
        CompletableFuture<String> out = readAsync(process.getInputStream());
        CompletableFuture<String> err = readAsync(process.getErrorStream());
        try {
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw PipelineException.environment(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(command, process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw PipelineException.environment("interrupted while running " + command.get(0));
        }
    }

    public static String lastLines(String text, int count) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, READERS);
    }
}
