package dev.shop.gitops.kustomize;

import dev.shop.gitops.CliException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Renders overlays with the real kustomize: a {@code kustomize} binary on PATH, else
 * {@code kubectl kustomize} (kubectl carries kustomize built in).
 */
public final class Kustomize {

    /** Thrown when an overlay does not render: a finding about the overlay, not about the machine. */
    public static final class RenderException extends RuntimeException {
        public RenderException(String message) {
            super(message);
        }
    }

    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    /** Finds kustomize on the given PATH value; a one-line environment error (exit 3) when neither tool is there. */
    public static Kustomize locate(String pathVariable) {
        Path kustomize = onPath(pathVariable, "kustomize");
        if (kustomize != null) {
            return new Kustomize(List.of(kustomize.toString(), "build"));
        }
        Path kubectl = onPath(pathVariable, "kubectl");
        if (kubectl != null) {
            return new Kustomize(List.of(kubectl.toString(), "kustomize"));
        }
        throw CliException.environment("neither kustomize nor kubectl is on PATH: install one of them (kubectl 1.14+ has kustomize built in)");
    }

    public static Kustomize locate() {
        return locate(System.getenv().getOrDefault("PATH", ""));
    }

    /** The tool this instance runs, e.g. "kubectl kustomize". */
    public String describe() {
        return Path.of(command.get(0)).getFileName() + " " + command.get(1);
    }

    /** Renders dir and returns the multi-document YAML stream kustomize prints. */
    public String build(Path dir) {
        List<String> args = new ArrayList<>(command);
        args.add(dir.toString());
        Process process;
        try {
            process = new ProcessBuilder(args).start();
        } catch (IOException e) {
            throw CliException.environment("cannot run " + describe() + ": " + e.getMessage());
        }
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), Kustomize::daemonThread);
        String out = readAll(process.getInputStream());
        try {
            int code = process.waitFor();
            if (code != 0) {
                String reason = err.join().lines().map(String::strip).filter(l -> !l.isEmpty())
                        .reduce((first, second) -> first).orElse("exit " + code);
                throw new RenderException(reason.replaceFirst("^Error: ", ""));
            }
            return out;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw CliException.environment("interrupted while rendering " + dir);
        }
    }

    /** Each stderr reader gets its own thread: renders run in parallel and the common pool may be tiny. */
    private static void daemonThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "kustomize-stderr");
        thread.setDaemon(true);
        thread.start();
    }

    private static String readAll(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path onPath(String pathVariable, String name) {
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
