package dev.shop.gitops.git;

import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Makes a commit on top of a branch tip without touching any working tree, then pushes it.
 * <p>
 * The commit is built with plumbing (a private index, write-tree, commit-tree) on the tip just
 * fetched, so a CI job checked out on develop can write to main, and a push rejected because the
 * remote moved is answered by fetching and building the change again on the new tip. Never a
 * force-push: a rejected push only ever leads to a retry on top of what others pushed.
 */
public final class CommitWriter {

    /** A new content for one file, by its path inside the repository; null content removes the file. */
    public record FileChange(String path, String content) {
        public static FileChange delete(String path) {
            return new FileChange(path, null);
        }
    }

    /** What to commit on a given tip: the changes (empty for "nothing to do") and the message. */
    public record Change(List<FileChange> files, String message) {
        public boolean isEmpty() {
            return files.isEmpty();
        }
    }

    /** The outcome: the new commit (null when there was nothing to change) and its base. */
    public record Outcome(String commit, String base, Change change, int attempts) {
        public boolean changed() {
            return commit != null;
        }
    }

    private final Git git;
    private final String remote;
    private final boolean push;
    private final int maxAttempts;

    public CommitWriter(Git git, String remote, boolean push, int maxAttempts) {
        this.git = git;
        this.remote = remote;
        this.push = push;
        this.maxAttempts = maxAttempts;
    }

    /** The tip a change is built on: the remote branch just fetched, or the local branch without --push. */
    public String tip(String branch) {
        if (!push) {
            String local = git.resolve("refs/heads/" + branch);
            if (local == null) {
                throw CliException.usage("no local branch '" + branch + "' in " + git.dir());
            }
            return local;
        }
        ProcessRunner.Result fetch = git.exec("fetch", "--quiet", "--no-tags", remote, "refs/heads/" + branch);
        if (!fetch.ok()) {
            throw CliException.environment("cannot fetch " + branch + " from " + remote + ": " + fetch.firstErrorLine());
        }
        return git.run("rev-parse", "FETCH_HEAD^{commit}").strip();
    }

    /** The files under a folder at a commit (recursively, as paths inside the repository); empty when there is none. */
    public List<String> files(String commit, String folder) {
        String listing = git.run("ls-tree", "-r", "-z", "--name-only", commit, "--", folder + "/");
        return listing.isEmpty() ? List.of() : List.of(listing.split("\0"));
    }

    /** The content of a file at a commit, or null when the file is not there. */
    public String read(String commit, String path) {
        ProcessRunner.Result show = git.exec("cat-file", "blob", commit + ":" + path);
        return show.ok() ? show.stdout() : null;
    }

    /**
     * Builds the change on the tip of sourceBranch and lands it on targetBranch (the same branch
     * for write-back; a new branch for a promotion). Retries on a rejected push, up to maxAttempts.
     */
    public Outcome commit(String sourceBranch, String targetBranch, Function<String, Change> changeOnTip) {
        for (int attempt = 1; ; attempt++) {
            String tip = tip(sourceBranch);
            Change change = changeOnTip.apply(tip);
            if (change.isEmpty()) {
                return new Outcome(null, tip, change, attempt);
            }
            String commit = commitTree(tip, change);
            if (!push) {
                moveLocalBranch(targetBranch, commit, true);
                return new Outcome(commit, tip, change, attempt);
            }
            ProcessRunner.Result pushed = git.exec("push", "--porcelain", remote, commit + ":refs/heads/" + targetBranch);
            if (pushed.ok()) {
                moveLocalBranch(targetBranch, commit, false);
                return new Outcome(commit, tip, change, attempt);
            }
            if (!isRaceLost(pushed)) {
                throw CliException.environment("push to " + remote + " " + targetBranch + " failed: " + pushed.firstErrorLine());
            }
            if (attempt >= maxAttempts || !sourceBranch.equals(targetBranch)) {
                throw CliException.environment("push to " + remote + " " + targetBranch + " was rejected " + attempt
                        + " time(s) because the remote moved; giving up (raise --max-attempts to wait longer)");
            }
            backOff(attempt);
        }
    }

    private static boolean isRaceLost(ProcessRunner.Result pushed) {
        String text = pushed.stdout() + pushed.stderr();
        return text.contains("[rejected]") || text.contains("non-fast-forward") || text.contains("fetch first")
                || text.contains("failed to update ref") || text.contains("cannot lock ref") || text.contains("stale info");
    }

    /** Exponential back-off with jitter so that many writers racing for one branch spread out. */
    private static void backOff(int attempt) {
        long ceiling = Math.min(2000, 50L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.environment("interrupted while waiting to retry the push");
        }
    }

    private String commitTree(String tip, Change change) {
        Path index;
        try {
            index = Files.createTempFile("gitops-index", "");
            Files.delete(index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Map<String, String> env = new HashMap<>(identity());
            env.put("GIT_INDEX_FILE", index.toString());
            Git isolated = git.withEnv(env);
            isolated.run("read-tree", tip);
            for (FileChange file : change.files()) {
                if (file.content() == null) {
                    isolated.run("update-index", "--force-remove", "--", file.path());
                    continue;
                }
                String blob = isolated.runWithInput(file.content(), "hash-object", "-w", "--stdin").strip();
                isolated.run("update-index", "--add", "--cacheinfo", mode(tip, file.path()) + "," + blob + "," + file.path());
            }
            String tree = isolated.run("write-tree").strip();
            return isolated.runWithInput(change.message(), "commit-tree", tree, "-p", tip, "-F", "-").strip();
        } finally {
            try {
                Files.deleteIfExists(index);
            } catch (IOException e) {
                // a leftover temp file is harmless
            }
        }
    }

    private String mode(String tip, String path) {
        String entry = git.run("ls-tree", tip, "--", path).strip();
        return entry.isEmpty() ? "100644" : entry.substring(0, entry.indexOf(' '));
    }

    /** CI machines often have no git identity: fall back to a bot identity rather than fail. */
    private Map<String, String> identity() {
        Map<String, String> env = new HashMap<>();
        if (!git.exec("config", "user.email").ok() && System.getenv("GIT_AUTHOR_EMAIL") == null) {
            env.put("GIT_AUTHOR_NAME", "gitops-cli");
            env.put("GIT_AUTHOR_EMAIL", "gitops-cli@users.noreply.shop.dev");
            env.put("GIT_COMMITTER_NAME", "gitops-cli");
            env.put("GIT_COMMITTER_EMAIL", "gitops-cli@users.noreply.shop.dev");
        }
        return env;
    }

    /**
     * Brings the local branch to the new commit when that is a fast-forward: through merge --ff-only
     * when it is checked out (so the working tree follows), else by moving the ref. Without a push
     * this is where the commit lands, so failing to move is an error; after a push it is a courtesy.
     */
    private void moveLocalBranch(String branch, String commit, boolean required) {
        String ref = "refs/heads/" + branch;
        String local = git.resolve(ref);
        if (local != null && !git.isAncestor(local, commit)) {
            if (required) {
                throw CliException.environment("local branch " + branch + " moved while committing; run again");
            }
            return;
        }
        ProcessRunner.Result head = git.exec("symbolic-ref", "-q", "HEAD");
        boolean checkedOut = head.ok() && head.stdout().strip().equals(ref) && !isBare();
        ProcessRunner.Result moved = checkedOut
                ? git.exec("merge", "--ff-only", "--quiet", commit)
                : git.exec("update-ref", ref, commit, local == null ? "" : local);
        if (!moved.ok()) {
            String reason = "cannot move local branch " + branch + " to " + commit.substring(0, 12) + ": " + moved.firstErrorLine();
            if (required) {
                throw CliException.environment(reason);
            }
            System.err.println("warning: " + reason);
        }
    }

    private boolean isBare() {
        return git.run("rev-parse", "--is-bare-repository").strip().equals("true");
    }
}
