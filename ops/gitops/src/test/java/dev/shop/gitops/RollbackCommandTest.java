package dev.shop.gitops;

import dev.shop.cli.ExitCodes;
import dev.shop.gitops.support.Cli;
import dev.shop.gitops.support.GitRepos;
import dev.shop.gitops.support.SeededRemoteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.shop.gitops.support.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;

/** Rollback from the deployment history, and the hold that keeps automation from undoing it, on real git remotes. */
class RollbackCommandTest extends SeededRemoteTest {

    private static final String PROD = "gitops-envs/envs/prod/kustomization.yaml";
    private static final String HOLDS = "gitops-envs/envs/prod/holds.yaml";
    private static final String DIGEST_120 = "sha256:" + "a1".repeat(32);
    private static final String DIGEST_130 = "sha256:" + "b2".repeat(32);

    RollbackCommandTest() {
        super("ops");
    }

    /** prod ran catalog 1.1.0 (the seed), then 1.2.0, then 1.3.0. */
    @BeforeEach
    void prodWithThreeCatalogReleases() {
        deploy("1.2.0", DIGEST_120);
        deploy("1.3.0", DIGEST_130);
    }

    private void deploy(String version, String digest) {
        Cli.Run run = Cli.run("set-image", "--repo", clone.toString(), "--env", "prod", "--service", "catalog", "--digest", digest,
                "--tag", version, "--source-commit", git(clone, "rev-parse", "HEAD").strip(), "--source-repo", clone.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void opensARollbackBranchToThePreviousImageWithAHoldAndAPullRequestBody() throws Exception {
        String main = git(repos.remote(), "rev-parse", "main");
        Path body = temp.resolve("out/body.md");
        Path branchFile = temp.resolve("out/branch");

        Cli.Run run = Cli.run("rollback", "--repo", clone.toString(), "--env", "prod", "--service", "catalog",
                "--reason", "checkout errors after 1.3.0", "--pr-body", body.toString(), "--branch-file", branchFile.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String branch = Files.readString(branchFile).strip();
        assertThat(branch).startsWith("rollback/prod-");
        assertThat(git(repos.remote(), "rev-parse", "main")).as("main changes only by the pull request").isEqualTo(main);
        String rolledBack = repos.remoteFile(branch, PROD);
        assertThat(rolledBack).contains("newTag: 1.2.0\n    digest: " + DIGEST_120).doesNotContain(DIGEST_130);
        assertThat(repos.remoteFile(branch, HOLDS)).contains("service: \"catalog\"", "version: \"1.2.0\"", "checkout errors after 1.3.0");
        assertThat(Files.readString(body)).contains("## Roll back prod", "| catalog | 1.3.0@sha256:b2b2b2b2b2b2 | **1.2.0** | `sha256:a1a1a1a1a1a1`",
                "gitops release-hold --env prod", "Deployment/catalog");
        assertThat(git(repos.remote(), "log", "-1", "--format=%B", branch)).startsWith("rollback(prod): catalog 1.3.0@sha256:b2b2b2b2b2b2 -> 1.2.0@sha256:a1a1a1a1a1a1");
    }

    @Test
    void goesBackToANamedVersionOrManySteps() {
        Cli.Run toVersion = Cli.run("rollback", "--repo", clone.toString(), "--env", "prod", "--service", "catalog", "--to", "1.1.0", "--direct");
        assertThat(toVersion.exitCode()).as(toVersion.toString()).isZero();
        assertThat(repos.remoteFile("main", PROD)).contains("newTag: 1.1.0\n    digest: sha256:" + "7".repeat(64));

        Cli.Run steps = Cli.run("rollback", "--repo", clone.toString(), "--env", "prod", "--service", "orders", "--steps", "1", "--direct");
        assertThat(steps.exitCode()).as("orders never changed in prod").isEqualTo(ExitCodes.FINDINGS);
        assertThat(steps.err().strip()).isEqualTo("gitops: prod ran only 0 earlier image(s) of orders, not 1");
    }

    /** Without --service, a rollback undoes the env's last deployment: what it changed goes back, nothing else moves. */
    @Test
    void aWholeEnvRollbackUndoesTheLastDeploymentsOnly() {
        Cli.Run tooFar = Cli.run("rollback", "--repo", clone.toString(), "--env", "prod", "--steps", "3", "--direct");
        assertThat(tooFar.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(tooFar.err().strip()).isEqualTo("gitops: prod has 3 deployment(s) in its history: cannot undo 3");
        String before = repos.remoteFile("main", PROD);

        Cli.Run run = Cli.run("rollback", "--repo", clone.toString(), "--env", "prod", "--direct");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(repos.remoteFile("main", PROD)).isEqualTo(before.replace("newTag: 1.3.0\n    digest: " + DIGEST_130,
                "newTag: 1.2.0\n    digest: " + DIGEST_120));
        assertThat(repos.remoteFile("main", HOLDS)).contains("service: \"catalog\"").doesNotContain("orders", "storefront");
    }

    @Test
    void refusesAVersionTheEnvNeverRanAndChangesNothing() {
        String main = git(repos.remote(), "rev-parse", "main");
        Map<String, String> files = GitRepos.fingerprint(clone);

        Cli.Run run = Cli.run("rollback", "--repo", clone.toString(), "--env", "prod", "--service", "catalog", "--to", "1.2.5");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err().strip()).isEqualTo("gitops: prod never ran catalog 1.2.5 (it ran: 1.2.0@sha256:a1a1a1a1a1a1, 1.1.0@sha256:777777777777)");
        assertThat(git(repos.remote(), "for-each-ref", "refs/heads/rollback/")).isEmpty();
        assertThat(git(repos.remote(), "rev-parse", "main")).isEqualTo(main);
        assertThat(GitRepos.fingerprint(clone)).isEqualTo(files);
    }

    @Test
    void automationCannotUndoAMergedRollbackUntilTheHoldIsReleased() {
        Cli.Run rollback = Cli.run("rollback", "--repo", clone.toString(), "--env", "prod", "--service", "catalog", "--direct");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        String afterRollback = git(repos.remote(), "rev-parse", "main");

        Cli.Run writeBack = Cli.run("set-image", "--repo", clone.toString(), "--env", "prod", "--service", "catalog",
                "--digest", "sha256:" + "c3".repeat(32), "--tag", "1.4.0", "--no-shared");
        Cli.Run promotion = Cli.run("promote", "--repo", clone.toString(), "--from", "staging", "--to", "prod", "--service", "catalog",
                "--allow-downgrade");

        assertThat(writeBack.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(writeBack.err()).startsWith("gitops: catalog in prod is held at 1.2.0 since ")
                .contains("lift it with gitops release-hold --env prod --service catalog");
        assertThat(promotion.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(promotion.err()).contains("catalog in prod is held");
        assertThat(git(repos.remote(), "rev-parse", "main")).isEqualTo(afterRollback);

        Cli.Run release = Cli.run("release-hold", "--repo", clone.toString(), "--env", "prod", "--service", "catalog", "--direct");
        assertThat(release.exitCode()).as(release.toString()).isZero();
        assertThat(git(repos.remote(), "ls-tree", "--name-only", "main", "gitops-envs/envs/prod/")).doesNotContain("holds.yaml");
        Cli.Run again = Cli.run("set-image", "--repo", clone.toString(), "--env", "prod", "--service", "catalog",
                "--digest", "sha256:" + "c3".repeat(32), "--tag", "1.4.0", "--no-shared");
        assertThat(again.exitCode()).as(again.toString()).isZero();
    }

    /** A direct rollback racing write-backs to other envs is rebuilt on each new tip, like set-image: everything lands. */
    @Test
    void aDirectRollbackLandsWhileOtherEnvsAreWrittenConcurrently() throws Exception {
        int writers = 4;
        List<Path> clones = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            clones.add(repos.clone("writer" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Cli.Run>> runs = new ArrayList<>();
        runs.add(pool.submit(() -> {
            start.await();
            return Cli.run("rollback", "--repo", clone.toString(), "--env", "prod", "--service", "catalog", "--direct", "--max-attempts", "60");
        }));
        for (int i = 0; i < writers; i++) {
            Path writer = clones.get(i);
            String service = List.of("catalog", "orders", "storefront", "catalog").get(i);
            String env = i % 2 == 0 ? "dev" : "staging";
            runs.add(pool.submit(() -> {
                start.await();
                return Cli.run("set-image", "--repo", writer.toString(), "--env", env, "--service", service,
                        "--digest", "sha256:" + "d4".repeat(32), "--tag", "9.0.0", "--no-shared", "--max-attempts", "60");
            }));
        }
        start.countDown();
        for (Future<Cli.Run> run : runs) {
            assertThat(run.get().exitCode()).as(run.get().toString()).isZero();
        }
        pool.shutdown();

        assertThat(repos.remoteFile("main", PROD)).contains("newTag: 1.2.0\n    digest: " + DIGEST_120);
        assertThat(repos.remoteFile("main", "gitops-envs/envs/dev/kustomization.yaml")).contains("sha256:" + "d4".repeat(32));
        assertThat(repos.remoteFile("main", "gitops-envs/envs/staging/kustomization.yaml")).contains("sha256:" + "d4".repeat(32));
        assertThat(git(repos.remote(), "rev-list", "--merges", "--count", "main").strip()).isEqualTo("0");
        assertThat(git(repos.remote(), "log", "--format=%s", "main")).contains("rollback(prod): catalog");
    }

    @Test
    void holdIsANamedCommandToo() {
        Cli.Run hold = Cli.run("hold", "--repo", clone.toString(), "--env", "prod", "--service", "orders", "--reason", "payment provider migration",
                "--direct");
        assertThat(hold.exitCode()).as(hold.toString()).isZero();
        assertThat(repos.remoteFile("main", HOLDS)).contains("service: \"orders\"", "version: \"1.1.0\"", "payment provider migration");
        assertThat(git(repos.remote(), "log", "-1", "--format=%s", "main").strip()).isEqualTo("hold(prod): orders");

        Cli.Run twice = Cli.run("hold", "--repo", clone.toString(), "--env", "prod", "--service", "orders", "--reason", "again", "--direct");
        assertThat(twice.exitCode()).isZero();
        assertThat(twice.out()).startsWith("no change: orders in prod is already held");
    }
}
