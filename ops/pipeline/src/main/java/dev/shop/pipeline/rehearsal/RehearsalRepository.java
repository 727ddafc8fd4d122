package dev.shop.pipeline.rehearsal;

import dev.shop.cli.ProcessRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * The repository as GitHub would hold it, made from the working tree as it is now (committed or
 * not): a bare remote with main (tagged with the last release) and develop one commit ahead, and
 * a CI checkout of develop cloned from it.
 */
final class RehearsalRepository {

    static final String LAST_RELEASE = "v1.0.0";

    final Path remote;
    final Path checkout;

    private RehearsalRepository(Path remote, Path checkout) {
        this.remote = remote;
        this.checkout = checkout;
    }

    static RehearsalRepository create(Path source, Path workDir) throws IOException {
        Path seed = workDir.resolve("seed");
        Path remote = workDir.resolve("remote.git");
        Path checkout = workDir.resolve("checkout");
        Files.createDirectories(seed);
        // tracked and untracked files that are not ignored: what a commit of the tree would hold
        String files = git(source, "ls-files", "--cached", "--others", "--exclude-standard", "-z").stdout();
        for (String file : files.split("\0")) {
            Path from = source.resolve(file);
            if (file.isEmpty() || !Files.isRegularFile(from)) {
                continue;
            }
            Path to = seed.resolve(file);
            Path parent = to.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
        git(seed, "init", "--quiet", "--initial-branch=main");
        git(seed, "add", "--all");
        git(seed, "commit", "--quiet", "-m", "Release " + LAST_RELEASE);
        git(seed, "tag", "--annotate", "-m", "Release " + LAST_RELEASE, LAST_RELEASE);
        git(seed, "checkout", "--quiet", "-b", "develop");
        git(seed, "commit", "--quiet", "--allow-empty", "-m", "A change merged into develop");
        git(workDir, "clone", "--quiet", "--bare", seed.toString(), remote.toString());
        git(workDir, "clone", "--quiet", "--branch", "develop", remote.toString(), checkout.toString());
        return new RehearsalRepository(remote, checkout);
    }

    /** The content of a file on a branch of the remote (after the CLI pushed to it). */
    String readOnRemote(String branch, String path) {
        return git(remote, "show", branch + ":" + path).stdout();
    }

    /** A fresh checkout of a remote branch, for commands that read a whole tree (verify, kustomize). */
    Path checkoutOf(String branch, Path into) {
        git(into.getParent(), "clone", "--quiet", "--branch", branch, remote.toString(), into.toString());
        return into;
    }

    List<String> remoteBranches() {
        return git(remote, "for-each-ref", "--format=%(refname:short)", "refs/heads").stdout().lines().toList();
    }

    static ProcessRunner.Result git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Rehearsal",
                "-c", "user.email=rehearsal@shop.invalid", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"));
        command.addAll(List.of(args));
        return ProcessRunner.run(command, dir, Duration.ofMinutes(2)).orThrow();
    }
}
