package dev.shop.gitops;

import dev.shop.cli.ExitCodes;
import dev.shop.gitops.support.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.shop.gitops.support.GitRepos.git;
import static dev.shop.gitops.support.GitRepos.write;
import static org.assertj.core.api.Assertions.assertThat;

/** GitFlow versions on a real repository: main tagged v1.2.0, develop ahead, release, hotfix and topic branches. */
class VersionCommandTest {

    @TempDir
    Path repo;

    private int commits;

    @BeforeEach
    void gitFlowHistory() {
        git(repo, "init", "--quiet", "-b", "main");
        git(repo, "config", "user.name", "Test");
        git(repo, "config", "user.email", "test@example.test");
        commit("initial");
        git(repo, "tag", "v1.2.0");
        git(repo, "checkout", "--quiet", "-b", "develop");
        commit("develop 1");
        commit("develop 2");
        commit("develop 3");
    }

    private void commit(String message) {
        write(repo.resolve("file.txt"), message + " " + commits++ + "\n");
        git(repo, "add", "-A");
        git(repo, "commit", "--quiet", "-m", message);
    }

    private String version(String... branch) {
        String[] args = branch.length == 0 ? new String[] {"version", "--repo", repo.toString()}
                : new String[] {"version", "--repo", repo.toString(), "--branch", branch[0]};
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String version = run.out().strip();
        assertThat(version).as("a valid image tag").matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
        return version;
    }

    @Test
    void developIsTheNextMinorAlphaCountingCommitsSinceTheTag() {
        assertThat(version()).isEqualTo("1.3.0-alpha.3");
        commit("develop 4");
        assertThat(version("develop")).isEqualTo("1.3.0-alpha.4");
    }

    @Test
    void releaseBranchIsARcOfItsVersionAndDevelopMovesPastIt() {
        git(repo, "checkout", "--quiet", "-b", "release/1.3");
        commit("fix on release");
        assertThat(version()).isEqualTo("1.3.0-rc.4");
        git(repo, "checkout", "--quiet", "develop");
        assertThat(version()).as("a release in flight moves develop on").isEqualTo("1.4.0-alpha.3");
    }

    @Test
    void mainGivesTheMergedReleaseVersionAndATaggedCommitItsTag() {
        git(repo, "checkout", "--quiet", "-b", "release/1.3");
        commit("release prep");
        git(repo, "checkout", "--quiet", "main");
        git(repo, "merge", "--quiet", "--no-ff", "-m", "Merge branch 'release/1.3'", "release/1.3");
        assertThat(version()).isEqualTo("1.3.0");
        git(repo, "tag", "v1.3.0");
        commit("hotfix straight on main");
        assertThat(version()).as("untagged commit after a release").isEqualTo("1.3.1");
        git(repo, "checkout", "--quiet", "v1.3.0");
        assertThat(version("main")).isEqualTo("1.3.0");
    }

    @Test
    void hotfixFeatureAndPullRequestBranches() {
        git(repo, "checkout", "--quiet", "-b", "hotfix/1.2.1", "v1.2.0");
        commit("fix");
        assertThat(version()).isEqualTo("1.2.1-rc.1");
        git(repo, "checkout", "--quiet", "-b", "feature/Add_Cart", "develop");
        commit("feature work");
        assertThat(version()).isEqualTo("1.3.0-add-cart.4");
        assertThat(version("pull/42/merge")).isEqualTo("1.3.0-pr.42.4");
        assertThat(version("refs/heads/develop")).isEqualTo("1.3.0-alpha.4");
    }

    @Test
    void aRepositoryWithoutTagsStartsAtZero() {
        git(repo, "tag", "-d", "v1.2.0");
        assertThat(version("develop")).isEqualTo("0.1.0-alpha.4");
    }

    @Test
    void aDetachedHeadWithoutABranchIsAUsageError() {
        git(repo, "checkout", "--quiet", "--detach");
        Cli.Run run = Cli.run("version", "--repo", repo.toString());
        // GITHUB_* variables are not set in this test JVM's environment unless CI sets them
        if (System.getenv("GITHUB_REF_NAME") == null && System.getenv("GITHUB_HEAD_REF") == null) {
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().strip()).contains("pass --branch").doesNotContain("\n");
        }
    }
}
