package dev.shop.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the ops CLIs run another program (git, kustomize, terraform, podman, mvnw): output
 * read on its own threads, optional stdin, and a deadline, so that a stalled {@code git fetch}
 * fails the job with a one-line reason (exit 3) instead of holding a CI runner until the platform
 * kills it.
 */
public final class ProcessRunner {

    /** The outcome of one command; {@link #ok()} when it exited 0. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** The first non-blank line of stderr, for one-line error messages. */
        public String firstErrorLine() {
            return stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("exit " + exitCode);
        }

        /** The result itself when the command succeeded, else an environment failure naming it and its last output. */
        public Result orThrow() {
            if (!ok()) {
                String detail = stderr.isBlank() ? stdout : stderr;
                throw CliException.environment(String.join(" ", command) + " failed (exit " + exitCode + "): "
                        + lastLines(detail, 20));
            }
            return this;
        }
    }

    /** Pipe readers get their own threads: the common pool may have one thread on a small machine. */
    private static final ExecutorService PIPE_READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "process-pipe");
        thread.setDaemon(true);
        return thread;
    });

    private ProcessRunner() {
    }

    /** Runs command in dir (null: the current directory) without extra environment or stdin. */
    public static Result run(List<String> command, Path dir, Duration timeout) {
        return run(command, dir, Map.of(), null, timeout);
    }

    /**
     * Runs command in dir with extra environment variables and stdin (null for none). A command
     * still running at the deadline is killed with its children and reported as an environment
     * problem naming the command and the time it was given.
     */
    public static Result run(List<String> command, Path dir, Map<String, String> env, String stdin, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw CliException.environment("cannot run " + command.get(0) + " (is it installed and on PATH?): " + e.getMessage());
        }
        CompletableFuture<String> out = readAsync(process.getInputStream());
        CompletableFuture<String> err = readAsync(process.getErrorStream());
        try (var input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the program may exit before reading its input; its exit code and stderr tell why
        }
        String name = describe(command);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw CliException.environment(name + " did not finish within " + timeout.toSeconds() + " s; stopped it");
            }
            return new Result(List.copyOf(command), process.exitValue(), finish(out), finish(err));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw CliException.environment("interrupted while running " + name);
        }
    }

    /** The last count lines of text, for failure messages that quote a long output. */
    public static String lastLines(String text, int count) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static String describe(List<String> command) {
        String program = String.valueOf(Path.of(command.get(0)).getFileName());
        return command.size() > 1 ? program + " " + command.get(1) : program;
    }

    /** Children first (ssh, remote helpers): they would keep the pipes open after the program itself is gone. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The process has exited; a grandchild that kept the pipe open must not block us either. */
    private static String finish(CompletableFuture<String> output) {
        try {
            return output.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException e) {
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, PIPE_READERS);
    }
}
