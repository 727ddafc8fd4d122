package dev.shop.gitops.git;

import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way this CLI talks to Git: the {@code git} command, so that credentials CI puts
 * in git config (actions/checkout's http.extraheader) and the user's own setup apply.
 */
public final class Git {

    /**
     * How long one git command may run. Long enough for a fetch of a big repository over a slow
     * link; short enough that a stalled connection fails the job. GITOPS_GIT_TIMEOUT_SECONDS overrides.
     */
    static Duration defaultTimeout() {
        String seconds = System.getenv().getOrDefault("GITOPS_GIT_TIMEOUT_SECONDS", "300");
        if (!seconds.matches("[1-9][0-9]{0,5}")) {
            throw CliException.usage("GITOPS_GIT_TIMEOUT_SECONDS must be a whole number of seconds (1 to 999999), not '" + seconds + "'");
        }
        return Duration.ofSeconds(Long.parseLong(seconds));
    }

    private final Path dir;
    private final Map<String, String> env;
    private final Duration timeout;

    public Git(Path dir) {
        this(dir, Map.of(), defaultTimeout());
    }

    private Git(Path dir, Map<String, String> env, Duration timeout) {
        this.dir = dir.toAbsolutePath();
        this.env = env;
        this.timeout = timeout;
    }

    public Path dir() {
        return dir;
    }

    /** The same repository with extra environment variables (GIT_INDEX_FILE, identities). */
    public Git withEnv(Map<String, String> extra) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(extra);
        return new Git(dir, merged, timeout);
    }

    /** The same repository with another deadline per command. */
    public Git withTimeout(Duration perCommand) {
        return new Git(dir, env, perCommand);
    }

    /** Runs git and returns stdout; any non-zero exit is an environment problem (exit 3). */
    public String run(String... args) {
        return runWithInput(null, args);
    }

    public String runWithInput(String stdin, String... args) {
        ProcessRunner.Result result = execWithInput(stdin, args);
        if (!result.ok()) {
            throw CliException.environment("git " + args[0] + " failed in " + dir + ": " + result.firstErrorLine());
        }
        return result.stdout();
    }

    /** Runs git and hands back the result whatever the exit code, for callers that expect failures. */
    public ProcessRunner.Result exec(String... args) {
        return execWithInput(null, args);
    }

    public ProcessRunner.Result execWithInput(String stdin, String... args) {
        List<String> command = new ArrayList<>(args.length + 1);
        command.add("git");
        command.addAll(List.of(args));
        Map<String, String> environment = new HashMap<>();
        // Stable English messages (push rejections are recognised by text) and never a prompt in CI.
        environment.put("LC_ALL", "C");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.putAll(env);
        return ProcessRunner.run(command, dir, environment, stdin, timeout);
    }

    /** The commit a revision names, or null when it does not resolve. */
    public String resolve(String revision) {
        ProcessRunner.Result result = exec("rev-parse", "--verify", "--quiet", revision + "^{commit}");
        return result.ok() ? result.stdout().strip() : null;
    }

    public boolean isAncestor(String ancestor, String descendant) {
        return exec("merge-base", "--is-ancestor", ancestor, descendant).ok();
    }

    /** The repository's top folder, or null when dir is not inside a git work tree. */
    public static Path topLevel(Path dir) {
        ProcessRunner.Result result = new Git(dir).exec("rev-parse", "--show-toplevel");
        return result.ok() ? Path.of(result.stdout().strip()) : null;
    }
}
