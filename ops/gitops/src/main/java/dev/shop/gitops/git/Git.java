package dev.shop.gitops.git;

import dev.shop.gitops.CliException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one way this CLI talks to Git: the {@code git} command, so that credentials CI puts
 * in git config (actions/checkout's http.extraheader) and the user's own setup apply.
 */
public final class Git {

    /** The outcome of one git command; {@link #ok()} when it exited 0. */
    public record Result(int exitCode, String out, String err) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** The first non-blank line of stderr, for one-line error messages. */
        public String firstErrorLine() {
            return err.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("exit " + exitCode);
        }
    }

    /** Pipe readers get their own threads: the common pool may have one thread on a small machine. */
    private static final ExecutorService PIPE_READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "git-pipe");
        thread.setDaemon(true);
        return thread;
    });

    private final Path dir;
    private final Map<String, String> env;

    public Git(Path dir) {
        this(dir, Map.of());
    }

    private Git(Path dir, Map<String, String> env) {
        this.dir = dir.toAbsolutePath();
        this.env = env;
    }

    public Path dir() {
        return dir;
    }

    /** The same repository with extra environment variables (GIT_INDEX_FILE, identities). */
    public Git withEnv(Map<String, String> extra) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(extra);
        return new Git(dir, merged);
    }

    /** Runs git and returns stdout; any non-zero exit is an environment problem (exit 3). */
    public String run(String... args) {
        return runWithInput(null, args);
    }

    public String runWithInput(String stdin, String... args) {
        Result result = execWithInput(stdin, args);
        if (!result.ok()) {
            throw CliException.environment("git " + args[0] + " failed in " + dir + ": " + result.firstErrorLine());
        }
        return result.out();
    }

    /** Runs git and hands back the result whatever the exit code, for callers that expect failures. */
    public Result exec(String... args) {
        return execWithInput(null, args);
    }

    public Result execWithInput(String stdin, String... args) {
        List<String> command = new ArrayList<>(args.length + 1);
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        // Stable English messages (push rejections are recognised by text) and never a prompt in CI.
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw CliException.environment("cannot run git (is it installed and on PATH?): " + e.getMessage());
        }
        CompletableFuture<String> out = readAsync(process.getInputStream());
        CompletableFuture<String> err = readAsync(process.getErrorStream());
        try (var input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // git may exit before reading its input; its exit code and stderr tell why.
        }
        try {
            int code = process.waitFor();
            return new Result(code, out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw CliException.environment("interrupted while running git " + args[0]);
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

    /** The commit a revision names, or null when it does not resolve. */
    public String resolve(String revision) {
        Result result = exec("rev-parse", "--verify", "--quiet", revision + "^{commit}");
        return result.ok() ? result.out().strip() : null;
    }

    public boolean isAncestor(String ancestor, String descendant) {
        return exec("merge-base", "--is-ancestor", ancestor, descendant).ok();
    }

    /** The repository's top folder, or null when dir is not inside a git work tree. */
    public static Path topLevel(Path dir) {
        Result result = new Git(dir).exec("rev-parse", "--show-toplevel");
        return result.ok() ? Path.of(result.out().strip()) : null;
    }
}
