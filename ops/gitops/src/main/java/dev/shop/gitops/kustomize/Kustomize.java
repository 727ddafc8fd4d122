package dev.shop.gitops.kustomize;

import dev.shop.cli.CliException;

import dev.shop.cli.ProcessRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** A render takes about a second; minutes mean kustomize is stuck (e.g. fetching a remote base). */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

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
        ProcessRunner.Result result = ProcessRunner.run(args, null, Map.of(), null, TIMEOUT);
        if (!result.ok()) {
            throw new RenderException(result.firstErrorLine().replaceFirst("^Error: ", ""));
        }
        return result.stdout();
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
