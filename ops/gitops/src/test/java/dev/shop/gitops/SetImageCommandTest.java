package dev.shop.gitops;

import dev.shop.cli.ExitCodes;
import dev.shop.gitops.support.Cli;
import dev.shop.gitops.support.GitRepos;
import dev.shop.gitops.support.SeededRemoteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.shop.gitops.support.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;

class SetImageCommandTest extends SeededRemoteTest {

    private static final String ENV_FILE = "gitops-envs/envs/dev/kustomization.yaml";
    private static final String NEW_DIGEST = "sha256:" + "ab".repeat(32);

    SetImageCommandTest() {
        super("ci");
    }

    /** The build's commit: a real commit of the clone, whose gitops-envs/base set-image carries. */
    private String source;

    @BeforeEach
    void buildCommit() {
        source = git(clone, "rev-parse", "HEAD").strip();
    }

    private Cli.Run setImage(String... extra) {
        String[] base = {"set-image", "--repo", clone.toString(), "--env", "dev", "--service", "catalog",
                "--digest", NEW_DIGEST, "--tag", "1.3.0-alpha.8", "--source-commit", source, "--source-repo", clone.toString()};
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
                .contains("Gitops-Service: catalog", "Gitops-Env: dev", "Gitops-Digest: " + NEW_DIGEST, "Gitops-Source-Commit: " + source);
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
                "--digest", "sha256:" + "cd".repeat(32), "--tag", "1.1.1", "--source-commit", source, "--source-repo", other.toString()).exitCode()).isZero();

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

    @Test
    void refusesALowerVersionThanTheEnvRunsUnlessAllowed() {
        String head = git(repos.remote(), "rev-parse", "main");
        Map<String, String> files = GitRepos.fingerprint(clone);
        String[] older = {"set-image", "--repo", clone.toString(), "--env", "dev", "--service", "catalog", "--digest", NEW_DIGEST,
                "--tag", "1.3.0-alpha.6", "--source-commit", source, "--source-repo", clone.toString()};

        Cli.Run refused = Cli.run(older);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(refused.err().strip()).doesNotContain("\n")
                .startsWith("gitops: downgrade of catalog in dev from 1.3.0-alpha.7 to 1.3.0-alpha.6 refused");
        String[] dryRun = java.util.Arrays.copyOf(older, older.length + 1);
        dryRun[older.length] = "--dry-run";
        assertThat(Cli.run(dryRun).exitCode()).as("a dry run says the same").isEqualTo(ExitCodes.FINDINGS);
        assertThat(git(repos.remote(), "rev-parse", "main")).isEqualTo(head);
        assertThat(GitRepos.fingerprint(clone)).isEqualTo(files);

        String[] allowed = java.util.Arrays.copyOf(older, older.length + 1);
        allowed[older.length] = "--allow-downgrade";
        Cli.Run run = Cli.run(allowed);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(repos.remoteFile("main", ENV_FILE)).contains("newTag: 1.3.0-alpha.6");
    }

    /** A base change made on develop reaches dev with the build of that commit, and no other env. */
    @Test
    void carriesTheBaseOfTheBuildsCommitIntoThatEnvOnly() {
        String config = "gitops-envs/base/catalog/kustomization.yaml";
        git(clone, "checkout", "--quiet", "-b", "develop");
        GitRepos.write(clone.resolve(config), read(clone.resolve(config)).replace("QUARKUS_LOG_CONSOLE_JSON=true",
                "QUARKUS_LOG_CONSOLE_JSON=true\n      - SHOP_FEATURE=on"));
        git(clone, "rm", "--quiet", "gitops-envs/base/catalog/servicemonitor.yaml");
        GitRepos.write(clone.resolve(config), read(clone.resolve(config)).replace("  - servicemonitor.yaml\n", ""));
        git(clone, "commit", "--quiet", "-am", "catalog: feature flag, no ServiceMonitor");
        String build = git(clone, "rev-parse", "HEAD").strip();

        Cli.Run run = Cli.run("set-image", "--repo", clone.toString(), "--env", "dev", "--service", "catalog", "--digest", NEW_DIGEST,
                "--tag", "1.3.0-alpha.8", "--source-commit", build, "--source-repo", clone.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String copy = "gitops-envs/envs/dev/shared/";
        assertThat(repos.remoteFile("main", copy + "base/catalog/kustomization.yaml")).contains("SHOP_FEATURE=on");
        assertThat(git(repos.remote(), "ls-tree", "-r", "--name-only", "main", copy)).doesNotContain("servicemonitor.yaml\ngitops-envs/envs/dev/shared/base/orders")
                .doesNotContain("dev/shared/base/catalog/servicemonitor.yaml");
        assertThat(repos.remoteFile("main", copy + "origin.yaml")).contains("commit: " + build);
        assertThat(repos.remoteFile("main", "gitops-envs/envs/staging/shared/base/catalog/kustomization.yaml")).doesNotContain("SHOP_FEATURE");
        assertThat(repos.remoteFile("main", config)).as("main's own base is not what deploys").doesNotContain("SHOP_FEATURE");
        assertThat(git(repos.remote(), "log", "-1", "--format=%B", "main"))
                .startsWith("deploy(dev): catalog 1.3.0-alpha.7 -> 1.3.0-alpha.8, shared manifests").contains("Gitops-Source-Commit: " + build);

        // A build of the earlier commit finishing later sets its image but keeps the newer base.
        Cli.Run late = Cli.run("set-image", "--repo", clone.toString(), "--env", "dev", "--service", "orders",
                "--digest", "sha256:" + "ef".repeat(32), "--tag", "1.3.0-alpha.9", "--source-commit", source, "--source-repo", clone.toString());
        assertThat(late.exitCode()).as(late.toString()).isZero();
        assertThat(repos.remoteFile("main", copy + "base/catalog/kustomization.yaml")).contains("SHOP_FEATURE=on");
        assertThat(repos.remoteFile("main", "gitops-envs/envs/dev/kustomization.yaml")).contains("sha256:" + "ef".repeat(32));
    }

    @Test
    void aSourceCommitWithoutTheBaseIsRefusedUnlessOnlyTheImageIsAskedFor() {
        Path app = temp.resolve("app-only");
        git(temp, "init", "--quiet", "-b", "develop", app.toString());
        GitRepos.write(app.resolve("app/catalog/src.txt"), "v1\n");
        git(app, "add", "-A");
        git(app, "-c", "user.name=Dev", "-c", "user.email=dev@example.test", "commit", "--quiet", "-m", "app only");
        String appCommit = git(app, "rev-parse", "HEAD").strip();
        String[] args = {"set-image", "--repo", clone.toString(), "--env", "dev", "--service", "catalog", "--digest", NEW_DIGEST,
                "--tag", "1.3.0-alpha.8", "--source-commit", appCommit, "--source-repo", app.toString()};

        assertUsageError(Cli.run(args), "has no gitops-envs/base");

        String[] imageOnly = java.util.Arrays.copyOf(args, args.length + 1);
        imageOnly[args.length] = "--no-shared";
        Cli.Run run = Cli.run(imageOnly);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(git(repos.remote(), "show", "--name-only", "--format=", "main").strip()).isEqualTo(ENV_FILE);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertUsageError(Cli.Run run, String reason) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip()).as("one line").doesNotContain("\n").contains(reason);
        assertThat(run.out()).isEmpty();
    }
}
