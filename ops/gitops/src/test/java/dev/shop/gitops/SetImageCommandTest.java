package dev.shop.gitops;

import dev.shop.gitops.support.Cli;
import dev.shop.gitops.support.GitRepos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.shop.gitops.support.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;

class SetImageCommandTest {

    private static final String ENV_FILE = "gitops-envs/envs/dev/kustomization.yaml";
    private static final String NEW_DIGEST = "sha256:" + "ab".repeat(32);
    private static final String SOURCE = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path temp;

    private GitRepos repos;
    private Path clone;

    @BeforeEach
    void remoteWithFixtureOverlays() {
        repos = GitRepos.seeded(temp, GitRepos.FIXTURES.resolve("gitops-envs"));
        clone = repos.clone("ci");
    }

    private Cli.Run setImage(String... extra) {
        String[] base = {"set-image", "--repo", clone.toString(), "--env", "dev", "--service", "catalog",
                "--digest", NEW_DIGEST, "--tag", "1.3.0-alpha.8", "--source-commit", SOURCE};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void commitsOnlyThatImageEntryWithTrailersAndPushes() {
        String before = repos.remoteFile("main", ENV_FILE);

        Cli.Run run = setImage();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String after = repos.remoteFile("main", ENV_FILE);
        String oldCatalog = "newTag: 1.3.0-alpha.7\n    digest: sha256:" + "1".repeat(64);
        assertThat(after).isEqualTo(before.replace(oldCatalog, "newTag: 1.3.0-alpha.8\n    digest: " + NEW_DIGEST));
        String message = git(repos.remote(), "log", "-1", "--format=%B", "main");
        assertThat(message).startsWith("deploy(dev): catalog 1.3.0-alpha.7 -> 1.3.0-alpha.8")
                .contains("Gitops-Service: catalog", "Gitops-Env: dev", "Gitops-Digest: " + NEW_DIGEST, "Gitops-Source-Commit: " + SOURCE);
        assertThat(git(repos.remote(), "show", "--name-only", "--format=", "main").strip()).isEqualTo(ENV_FILE);
        assertThat(git(clone, "rev-parse", "HEAD")).as("the checked-out main follows").isEqualTo(git(repos.remote(), "rev-parse", "main"));
    }

    @Test
    void anUnchangedImageMakesNoCommit() {
        assertThat(setImage().exitCode()).isZero();
        String head = git(repos.remote(), "rev-parse", "main");

        Cli.Run again = setImage();

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("no change");
        assertThat(git(repos.remote(), "rev-parse", "main")).isEqualTo(head);
    }

    @Test
    void dryRunPrintsTheDiffAndChangesNothing() {
        String head = git(repos.remote(), "rev-parse", "main");
        Map<String, String> files = GitRepos.fingerprint(clone);

        Cli.Run run = setImage("--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("-    newTag: 1.3.0-alpha.7", "+    newTag: 1.3.0-alpha.8", "+    digest: " + NEW_DIGEST);
        assertThat(git(repos.remote(), "rev-parse", "main")).isEqualTo(head);
        assertThat(GitRepos.fingerprint(clone)).isEqualTo(files);
    }

    @Test
    void noPushCommitsOnTheLocalBranchOnly() {
        String remoteHead = git(repos.remote(), "rev-parse", "main");

        Cli.Run run = setImage("--no-push");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(git(repos.remote(), "rev-parse", "main")).isEqualTo(remoteHead);
        assertThat(git(clone, "log", "-1", "--format=%s")).contains("catalog 1.3.0-alpha.7 -> 1.3.0-alpha.8");
        assertThat(Files.exists(clone.resolve(ENV_FILE))).isTrue();
        assertThat(git(clone, "status", "--porcelain")).as("working tree follows the commit").isEmpty();
    }

    @Test
    void landsOnTopOfWhatOthersPushedMeanwhile() {
        Path other = repos.clone("other");
        assertThat(Cli.run("set-image", "--repo", other.toString(), "--env", "prod", "--service", "orders",
                "--digest", "sha256:" + "cd".repeat(32), "--tag", "1.1.1", "--source-commit", SOURCE).exitCode()).isZero();

        Cli.Run run = setImage();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(git(repos.remote(), "rev-list", "--count", "main").strip()).isEqualTo("3");
        assertThat(git(repos.remote(), "rev-list", "--merges", "--count", "main").strip()).isEqualTo("0");
        assertThat(repos.remoteFile("main", "gitops-envs/envs/prod/kustomization.yaml")).contains("sha256:" + "cd".repeat(32));
    }

    @Test
    void badInputIsAOneLineUsageErrorAndTouchesNothing() {
        String head = git(repos.remote(), "rev-parse", "main");
        Map<String, String> files = GitRepos.fingerprint(clone);

        assertUsageError(Cli.run("set-image", "--repo", clone.toString(), "--env", "qa", "--service", "catalog", "--digest", NEW_DIGEST), "unknown env 'qa'");
        assertUsageError(Cli.run("set-image", "--repo", clone.toString(), "--env", "dev", "--service", "billing", "--digest", NEW_DIGEST), "unknown service 'billing'");
        assertUsageError(Cli.run("set-image", "--repo", clone.toString(), "--env", "dev", "--service", "catalog", "--digest", "sha256:xyz"), "bad digest");
        assertUsageError(Cli.run("set-image", "--repo", clone.toString(), "--env", "dev", "--service", "catalog", "--digest", NEW_DIGEST, "--tag", "1.0+build"), "bad tag");
        assertUsageError(Cli.run("set-image", "--repo", clone.toString(), "--env", "dev", "--service", "catalog"), "Missing required option");
        assertUsageError(Cli.run("set-image", "--repo", clone.toString(), "--env", "../dev", "--service", "catalog", "--digest", NEW_DIGEST), "unknown env");

        assertThat(git(repos.remote(), "rev-parse", "main")).isEqualTo(head);
        assertThat(GitRepos.fingerprint(clone)).isEqualTo(files);
    }

    @Test
    void aMalformedKustomizationIsRefusedAndNothingChanges() {
        Path writer = repos.clone("writer");
        GitRepos.write(writer.resolve(ENV_FILE), "images:\n  - name: catalog\n    newTag: [unclosed\n");
        git(writer, "commit", "--quiet", "-am", "break dev");
        git(writer, "push", "--quiet", "origin", "main");
        git(clone, "pull", "--quiet", "origin", "main");
        String head = git(repos.remote(), "rev-parse", "main");
        Map<String, String> files = GitRepos.fingerprint(clone);

        Cli.Run run = setImage();

        assertUsageError(run, "malformed YAML in " + ENV_FILE);
        assertThat(git(repos.remote(), "rev-parse", "main")).isEqualTo(head);
        assertThat(GitRepos.fingerprint(clone)).isEqualTo(files);
    }

    @Test
    void anUnreachableRemoteIsAnEnvironmentProblem() {
        git(clone, "remote", "set-url", "origin", temp.resolve("gone.git").toString());

        Cli.Run run = setImage();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err().strip()).startsWith("gitops: cannot fetch main from origin").doesNotContain("\n");
    }

    static void assertUsageError(Cli.Run run, String reason) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip()).as("one line").doesNotContain("\n").contains(reason);
        assertThat(run.out()).isEmpty();
    }
}
