package dev.shop.gitops;

import dev.shop.cli.ExitCodes;
import dev.shop.gitops.support.Cli;
import dev.shop.gitops.support.GitRepos;
import dev.shop.gitops.support.SeededRemoteTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.shop.gitops.support.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;

/** Promotion staging -> prod on a real remote: a branch, a commit, and a reviewable PR body. */
class PromoteCommandTest extends SeededRemoteTest {

    private static final String PROD = "gitops-envs/envs/prod/kustomization.yaml";
    private static final String STAGING_CATALOG = "sha256:" + "4".repeat(64);

    PromoteCommandTest() {
        super("ops");
    }

    @Test
    void promotesStagingIntoProdOnANewBranchWithAPullRequestBody() throws Exception {
        Path sources = sourceHistory();
        Path body = temp.resolve("out/pr-body.md");
        Path branchFile = temp.resolve("out/branch");
        String mainBefore = git(repos.remote(), "rev-parse", "main");

        Cli.Run run = Cli.run("promote", "--repo", clone.toString(), "--from", "staging", "--to", "prod",
                "--service", "catalog", "--pr-body", body.toString(), "--branch-file", branchFile.toString(),
                "--source-repo", sources.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(git(repos.remote(), "rev-parse", "main")).as("main is changed only by the PR").isEqualTo(mainBefore);
        String branch = git(repos.remote(), "for-each-ref", "--format=%(refname:short)", "refs/heads/promote/").strip();
        assertThat(branch).matches("promote/prod-from-staging-\\d{8}-\\d{6}-[0-9a-f]{7}");
        assertThat(run.err()).contains(branch);
        assertThat(Files.readString(branchFile)).isEqualTo(branch + "\n");
        String promoted = repos.remoteFile(branch, PROD);
        String before = repos.remoteFile("main", PROD);
        assertThat(promoted).isEqualTo(before.replace("newTag: 1.1.0\n    digest: sha256:" + "7".repeat(64),
                "newTag: 1.2.0-rc.3\n    digest: " + STAGING_CATALOG));
        assertThat(git(repos.remote(), "log", "-1", "--format=%B", branch))
                .startsWith("promote(prod): catalog 1.1.0 -> 1.2.0-rc.3").contains("Gitops-Promoted-From: staging");

        String markdown = Files.readString(body);
        assertThat(markdown).contains("## Promote staging → prod", "| catalog | 1.1.0 → **1.2.0-rc.3** |",
                "`sha256:777777777777` → `sha256:444444444444`",
                "catalog: new endpoint", "catalog: fix price rounding")
                .doesNotContain("orders: unrelated")
                .contains("| Deployment/catalog | changed | +1 −1 |", "```diff");
        assertThat(markdown).doesNotContain("| orders |");
    }

    @Test
    void dryRunCreatesNoBranch() {
        Cli.Run run = Cli.run("promote", "--repo", clone.toString(), "--from", "staging", "--to", "prod", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("+    newTag: 1.2.0-rc.3", "## Promote staging → prod", "| orders |", "| storefront |");
        assertThat(git(repos.remote(), "for-each-ref", "refs/heads/promote/")).isEmpty();
    }

    @Test
    void refusesADowngradeUnlessAllowed() {
        Map<String, String> files = GitRepos.fingerprint(clone);

        Cli.Run refused = Cli.run("promote", "--repo", clone.toString(), "--from", "prod", "--to", "staging", "--service", "orders");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(refused.err().strip()).isEqualTo("gitops: downgrade of orders in staging from 1.2.0-rc.3 to 1.1.0 refused (pass --allow-downgrade to roll back on purpose)");
        assertThat(git(repos.remote(), "for-each-ref", "refs/heads/promote/")).isEmpty();
        assertThat(GitRepos.fingerprint(clone)).isEqualTo(files);

        Cli.Run allowed = Cli.run("promote", "--repo", clone.toString(), "--from", "prod", "--to", "staging", "--service", "orders", "--allow-downgrade");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(git(repos.remote(), "for-each-ref", "refs/heads/promote/")).contains("promote/staging-from-prod-");
    }

    /**
     * A base change on develop reaches dev with set-shared (no image was built), and staging only
     * through the promotion, which carries dev's copy; prod and main's own base stay as they were.
     */
    @Test
    void aBaseChangeReachesTheNextEnvOnlyThroughItsPromotion() throws Exception {
        String hpa = "gitops-envs/base/orders/hpa.yaml";
        git(clone, "checkout", "--quiet", "-b", "develop");
        GitRepos.write(clone.resolve(hpa), read(clone.resolve(hpa)).replace("averageUtilization: 70", "averageUtilization: 60"));
        git(clone, "commit", "--quiet", "-am", "orders: scale earlier");
        String build = git(clone, "rev-parse", "HEAD").strip();
        assertThat(read(clone.resolve(hpa))).contains("averageUtilization: 60");

        Cli.Run carried = Cli.run("set-shared", "--repo", clone.toString(), "--env", "dev", "--source-commit", build,
                "--source-repo", clone.toString());
        assertThat(carried.exitCode()).as(carried.toString()).isZero();
        assertThat(repos.remoteFile("main", "gitops-envs/envs/dev/shared/base/orders/hpa.yaml")).contains("averageUtilization: 60");
        assertThat(repos.remoteFile("main", "gitops-envs/envs/staging/shared/base/orders/hpa.yaml")).contains("averageUtilization: 70");

        Path body = temp.resolve("out/body.md");
        Cli.Run run = Cli.run("promote", "--repo", clone.toString(), "--from", "dev", "--to", "staging", "--service", "orders",
                "--allow-downgrade", "--pr-body", body.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String branch = git(repos.remote(), "for-each-ref", "--format=%(refname:short)", "refs/heads/promote/").strip();
        assertThat(repos.remoteFile(branch, "gitops-envs/envs/staging/shared/base/orders/hpa.yaml")).contains("averageUtilization: 60");
        assertThat(repos.remoteFile(branch, "gitops-envs/envs/staging/shared/origin.yaml")).contains("commit: " + build);
        assertThat(git(repos.remote(), "diff", "--name-only", "main", branch).lines().toList())
                .allSatisfy(path -> assertThat(path).startsWith("gitops-envs/envs/staging/"));
        assertThat(repos.remoteFile(branch, "gitops-envs/envs/prod/shared/base/orders/hpa.yaml")).contains("averageUtilization: 70");
        assertThat(repos.remoteFile(branch, hpa)).as("main's own base is not what deploys").contains("averageUtilization: 70");
        assertThat(Files.readString(body)).contains("### Shared manifests (base, components)", "moves from `000000000000` to `" + build.substring(0, 12) + "`",
                "HorizontalPodAutoscaler/orders", "-        averageUtilization: 70", "+        averageUtilization: 60");
    }

    @Test
    void refusesAnImageTheSourceEnvDoesNotRun() {
        Path writer = repos.clone("writer");
        Path staging = writer.resolve("gitops-envs/envs/staging/kustomization.yaml");
        GitRepos.write(staging, dropImage(read(staging), "storefront"));
        git(writer, "commit", "--quiet", "-am", "staging without storefront");
        git(writer, "push", "--quiet", "origin", "main");

        Cli.Run run = Cli.run("promote", "--repo", clone.toString(), "--from", "staging", "--to", "prod");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.err()).contains("staging does not run storefront");
        assertThat(git(repos.remote(), "for-each-ref", "refs/heads/promote/")).isEmpty();
    }

    @Test
    void nothingToPromoteIsANoOp() throws Exception {
        Cli.Run run = Cli.run("promote", "--repo", clone.toString(), "--from", "dev", "--to", "dev2");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);

        assertThat(Cli.run("promote", "--repo", clone.toString(), "--from", "staging", "--to", "prod", "--service", "catalog").exitCode()).isZero();
        git(clone, "fetch", "--quiet", "origin");
        String branch = git(clone, "for-each-ref", "--format=%(refname:short)", "refs/remotes/origin/promote/").strip();
        git(clone, "push", "--quiet", "origin", branch.replace("origin/", "refs/remotes/origin/") + ":refs/heads/main");

        Path branchFile = temp.resolve("branch");
        Files.writeString(branchFile, "left over from an earlier run\n");
        Cli.Run again = Cli.run("promote", "--repo", clone.toString(), "--from", "staging", "--to", "prod", "--service", "catalog",
                "--branch-file", branchFile.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("nothing to promote");
        assertThat(Files.readString(branchFile)).as("no branch to open a pull request from").isEmpty();
    }

    /**
     * A source history for catalog's two images, recorded in the ledger as write-back commits:
     * prod's image built from the first commit, staging's from the last.
     */
    private Path sourceHistory() {
        Path app = temp.resolve("app");
        git(temp, "init", "--quiet", "-b", "develop", app.toString());
        git(app, "config", "user.name", "Dev");
        git(app, "config", "user.email", "dev@example.test");
        GitRepos.write(app.resolve("app/catalog/src.txt"), "v1\n");
        git(app, "add", "-A");
        git(app, "commit", "--quiet", "-m", "catalog: first");
        String prodSource = git(app, "rev-parse", "HEAD").strip();
        GitRepos.write(app.resolve("app/catalog/src.txt"), "v2\n");
        git(app, "commit", "--quiet", "-am", "catalog: new endpoint");
        GitRepos.write(app.resolve("app/orders/src.txt"), "o\n");
        git(app, "add", "-A");
        git(app, "commit", "--quiet", "-m", "orders: unrelated");
        GitRepos.write(app.resolve("app/catalog/src.txt"), "v3\n");
        git(app, "commit", "--quiet", "-am", "catalog: fix price rounding");
        String stagingSource = git(app, "rev-parse", "HEAD").strip();

        Path ci = repos.clone("ledger");
        // re-set both images so the ledger records their source commits (values unchanged otherwise)
        record(ci, "prod", "1.1.0-build", "sha256:" + "7".repeat(64), prodSource);
        record(ci, "prod", "1.1.0", "sha256:" + "7".repeat(64), prodSource);
        record(ci, "staging", "1.2.0-rc.2", STAGING_CATALOG, stagingSource);
        record(ci, "staging", "1.2.0-rc.3", STAGING_CATALOG, stagingSource);
        git(clone, "pull", "--quiet", "origin", "main");
        return app;
    }

    private static void record(Path ci, String env, String tag, String digest, String source) {
        Cli.Run run = Cli.run("set-image", "--repo", ci.toString(), "--env", env, "--service", "catalog", "--digest", digest,
                "--tag", tag, "--source-commit", source, "--no-shared", "--allow-downgrade");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private static String dropImage(String text, String service) {
        return text.replaceAll("(?m)^  - name: " + service + "[^\\n]*\\n(    [^\\n]*\\n)*", "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
