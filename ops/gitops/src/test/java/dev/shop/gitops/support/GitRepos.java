package dev.shop.gitops.support;

import dev.shop.gitops.git.Git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Real git repositories for tests: a bare remote in a temp folder seeded with a gitops-envs
 * tree, and clones of it, each with its own identity.
 */
public final class GitRepos {

    public static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

    private final Path base;
    private final Path remote;

    private GitRepos(Path base, Path remote) {
        this.base = base;
        this.remote = remote;
    }

    /** A bare remote whose main holds gitops-envs/ copied from the given fixture tree. */
    public static GitRepos seeded(Path base, Path gitopsEnvs) {
        Path remote = base.resolve("remote.git");
        git(base, "init", "--quiet", "--bare", "-b", "main", remote.toString());
        GitRepos repos = new GitRepos(base, remote);
        Path seed = repos.clone("seed");
        copyTree(gitopsEnvs, seed.resolve("gitops-envs"));
        write(seed.resolve("app/catalog/README.md"), "catalog\n");
        git(seed, "add", "-A");
        git(seed, "commit", "--quiet", "-m", "seed");
        git(seed, "push", "--quiet", "origin", "main");
        return repos;
    }

    public Path remote() {
        return remote;
    }

    /** A fresh clone of the remote, on main when main exists. */
    public Path clone(String name) {
        Path dir = base.resolve(name);
        git(base, "clone", "--quiet", remote.toString(), dir.toString());
        git(dir, "config", "user.name", "Test " + name);
        git(dir, "config", "user.email", name + "@example.test");
        return dir;
    }

    public static String git(Path dir, String... args) {
        return new Git(dir).run(args);
    }

    /** A file of main on the remote, as git stores it. */
    public String remoteFile(String branch, String path) {
        return git(remote, "show", branch + ":" + path);
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every working-tree file under dir (not .git) with its bytes, to prove a failed command changed nothing. */
    public static Map<String, byte[]> snapshot(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : paths.filter(Files::isRegularFile).filter(f -> !dir.relativize(f).startsWith(".git")).toList()) {
                files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Comparable form of a snapshot (byte arrays compare by identity). */
    public static Map<String, String> fingerprint(Path dir) {
        Map<String, String> result = new HashMap<>();
        snapshot(dir).forEach((name, bytes) -> result.put(name, java.util.HexFormat.of().formatHex(bytes)));
        return result;
    }
}
