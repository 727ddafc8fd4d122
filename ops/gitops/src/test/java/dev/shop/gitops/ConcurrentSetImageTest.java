package dev.shop.gitops;

import dev.shop.cli.ExitCodes;
import dev.shop.gitops.semver.SemVer;
import dev.shop.gitops.support.Cli;
import dev.shop.gitops.support.GitRepos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static dev.shop.gitops.support.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;

/** 20 write-backs race for one branch, each from its own clone: all land, none is lost, history stays linear. */
class ConcurrentSetImageTest {

    private static final int RUNS = 20;
    private static final List<String> SERVICES = List.of("catalog", "orders", "storefront");

    @TempDir
    Path temp;

    @Test
    void twentyConcurrentWriteBacksAllLand() throws Exception {
        Path tree = temp.resolve("tree");
        GitRepos.copyTree(GitRepos.FIXTURES.resolve("gitops-envs"), tree);
        // seven envs x three services: every run writes its own images: entry
        for (int i = 1; i <= 4; i++) {
            GitRepos.copyTree(tree.resolve("envs/dev"), tree.resolve("envs/qa" + i));
        }
        GitRepos repos = GitRepos.seeded(temp, tree);
        List<String> envs = List.of("dev", "staging", "prod", "qa1", "qa2", "qa3", "qa4");
        List<Path> clones = clones(repos, "clone", RUNS);
        List<Cli.Run> results = atOnce(RUNS, run -> Cli.run("set-image", "--repo", clones.get(run).toString(),
                "--env", envs.get(run % envs.size()), "--service", SERVICES.get(run / envs.size()), "--digest", digest(run),
                "--tag", "2.0.0-alpha." + run, "--source-commit", git(clones.get(run), "rev-parse", "HEAD").strip(),
                "--source-repo", clones.get(run).toString(), "--max-attempts", "60"));
        for (Cli.Run result : results) {
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }

        assertThat(git(repos.remote(), "rev-list", "--count", "main").strip()).isEqualTo(String.valueOf(RUNS + 1));
        assertThat(git(repos.remote(), "rev-list", "--merges", "--count", "main").strip()).isEqualTo("0");
        Set<String> recorded = new HashSet<>(git(repos.remote(), "log", "--format=%(trailers:key=Gitops-Digest,valueonly)", "main")
                .lines().filter(l -> !l.isBlank()).toList());
        for (int i = 0; i < RUNS; i++) {
            String env = envs.get(i % envs.size());
            String file = repos.remoteFile("main", "gitops-envs/envs/" + env + "/kustomization.yaml");
            assertThat(file).as("run " + i + " landed in " + env).contains("digest: " + digest(i));
            assertThat(recorded).contains(digest(i));
        }
    }

    /**
     * Builds of one service finishing in any order: the env ends on the highest version, whatever
     * order they land in, because each attempt compares against the tip it just fetched.
     */
    @Test
    void concurrentBuildsOfOneServiceEndOnTheHighestVersion() throws Exception {
        GitRepos repos = GitRepos.seeded(temp, GitRepos.FIXTURES.resolve("gitops-envs"));
        int builds = 8;
        List<Path> clones = clones(repos, "build", builds);
        List<Cli.Run> results = atOnce(builds, build -> Cli.run("set-image", "--repo", clones.get(build).toString(),
                "--env", "dev", "--service", "orders", "--digest", digest(100 + build), "--tag", "1.4.0-alpha." + (10 + build),
                "--source-commit", git(clones.get(build), "rev-parse", "HEAD").strip(), "--source-repo", clones.get(build).toString(),
                "--max-attempts", "60"));
        for (Cli.Run result : results) {
            assertThat(result.exitCode()).as(result.toString()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
            if (result.exitCode() == ExitCodes.FINDINGS) {
                assertThat(result.err()).as(result.toString()).contains("downgrade of orders in dev");
            }
        }

        String dev = repos.remoteFile("main", "gitops-envs/envs/dev/kustomization.yaml");
        assertThat(dev).contains("newTag: 1.4.0-alpha." + (10 + builds - 1), "digest: " + digest(100 + builds - 1));
        List<String> landed = git(repos.remote(), "log", "--reverse", "--format=%(trailers:key=Gitops-Version,valueonly)", "main")
                .lines().filter(l -> !l.isBlank()).toList();
        assertThat(landed).as("versions only ever go up").isSortedAccordingTo(
                java.util.Comparator.comparing(v -> SemVer.parse(v).orElseThrow()));
    }

    private static List<Path> clones(GitRepos repos, String prefix, int count) {
        List<Path> clones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clones.add(repos.clone(prefix + i));
        }
        return clones;
    }

    /** Runs count commands in threads released at the same moment, so they really race; their results in order. */
    private static List<Cli.Run> atOnce(int count, IntFunction<Cli.Run> command) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Cli.Run>> runs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                runs.add(pool.submit(() -> {
                    start.await();
                    return command.apply(index);
                }));
            }
            start.countDown();
            List<Cli.Run> results = new ArrayList<>();
            for (Future<Cli.Run> run : runs) {
                results.add(run.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static String digest(int run) {
        return "sha256:" + String.format(Locale.ROOT, "%064x", run + 1);
    }
}
