package dev.shop.pipeline.release;

import dev.shop.cli.ProcessRunner;
import dev.shop.pipeline.PipelineCli;
import dev.shop.pipeline.TestOverlays;
import dev.shop.pipeline.github.GithubStub;
import dev.shop.pipeline.registry.OverlayImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What main may tag, over a real git repository laid out as Git Flow leaves it: a write-back commit
 * on main with its ledger trailers, a release branch merged with a merge commit, and the load
 * test's commit status on the release head (GitHub's API answered by a loopback stub).
 */
class ReleaseCheckCommandTest {

    static final String REPO = "shop-org/shop";
    static final String OVERLAY = "gitops-envs/envs/staging/kustomization.yaml";
    static final String TESTED = "sha256:" + "a".repeat(64);
    static final String OLD = "sha256:" + "b".repeat(64);

    @TempDir
    Path repo;
    private final GithubStub github = new GithubStub();
    private String releaseHead;

    @BeforeEach
    void gitFlow() throws IOException {
        git("init", "--quiet", "--initial-branch=main");
        git("config", "user.email", "ci@example.test");
        git("config", "user.name", "ci");
        writeOverlay(OLD);
        git("add", "-A");
        git("commit", "--quiet", "-m", "initial");
        git("tag", "v1.3.0");
        releaseHead = branchWithOneCommit("release/1.4", "main", "service.txt", "release 1.4 work");
        // the statuses link to run 42: the release workflow on the release branch at its head
        github.run(REPO, ".github/workflows/release.yml", "release/1.4", releaseHead);
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void aMergedReleaseWhoseHeadPassedTheLoadTestOnExactlyStagingsImagesIsReleased() throws IOException {
        String merge = writeBackAndMergeRelease();
        loadTestPassedOn(TESTED);
        Path output = repo.resolve("output");
        assertThat(check("--github-output", output.toString())).isZero();
        assertThat(Files.readString(output)).contains("release=true\n").contains("digests={\"catalog\":\"" + TESTED + "\"}");
        assertThat(merge).isNotBlank();
    }

    @Test
    void stagingHoldingOtherDigestsThanTheTestedOnesIsRefused() throws IOException {
        writeBackAndMergeRelease();
        loadTestPassedOn(OLD);
        assertThat(check()).isEqualTo(1);
    }

    @Test
    void aFailedTestOrAStatusSetByAPersonIsRefused() throws IOException {
        writeBackAndMergeRelease();
        String proof = ReleaseProof.describe(Map.of("catalog", TESTED));
        github.statuses(REPO, releaseHead, ReleaseProof.CONTEXT, "success", proof, "some-writer");
        assertThat(check()).isEqualTo(1);
        github.statuses(REPO, releaseHead, ReleaseProof.CONTEXT, "failure", proof, "github-actions[bot]");
        assertThat(check()).isEqualTo(1);
    }

    @Test
    void aStatusSetByAnyOtherWorkflowRunIsRefused() throws IOException {
        writeBackAndMergeRelease();
        loadTestPassedOn(TESTED);
        // a writer's own workflow on a feature branch sets the same status with its GITHUB_TOKEN
        github.run(REPO, ".github/workflows/release.yml", "feature/fake", releaseHead);
        assertThat(check()).isEqualTo(1);
        github.run(REPO, ".github/workflows/sneaky.yml", "release/1.4", releaseHead);
        assertThat(check()).isEqualTo(1);
        github.run(REPO, ".github/workflows/release.yml", "release/1.4", releaseHead);
        assertThat(check()).isZero();
    }

    @Test
    void anImageBuiltFromAnotherBranchIsRefusedEvenWithAMatchingTest() throws IOException {
        String hotfixHead = branchWithOneCommit("hotfix/1.3.1", "v1.3.0", "fix.txt", "hotfix work");
        writeBack(TESTED, hotfixHead);
        mergeRelease();
        loadTestPassedOn(TESTED);
        assertThat(check()).isEqualTo(1);
    }

    @Test
    void aReleaseMergeWithoutATestFailsAndOtherCommitsAreNoRelease() throws IOException {
        writeBack(TESTED, releaseHead);
        Path output = repo.resolve("output");
        assertThat(check("--github-output", output.toString())).isZero();
        assertThat(Files.readString(output)).isEqualTo("release=false\n");
        mergeRelease();
        assertThat(check()).isEqualTo(1);

        branchWithOneCommit("feature/ci", "main", "ci.txt", "ci change");
        git("merge", "--quiet", "--no-ff", "-m", "Merge pull request #9 from shop-org/feature/ci", "feature/ci");
        Files.delete(output);
        assertThat(check("--github-output", output.toString())).isZero();
        assertThat(Files.readString(output)).isEqualTo("release=false\n");
    }

    /** The release workflow's load-test status on the release head: passed on staging running catalog at digest. */
    private void loadTestPassedOn(String digest) {
        github.statuses(REPO, releaseHead, ReleaseProof.CONTEXT, "success", ReleaseProof.describe(Map.of("catalog", digest)), "github-actions[bot]");
    }

    private int check(String... extra) {
        List<String> args = new ArrayList<>(List.of("release-check", "--api-url", github.url(), "--repository", REPO,
                "--repo", repo.toString()));
        args.addAll(List.of(extra));
        return PipelineCli.commandLine().execute(args.toArray(String[]::new));
    }

    /** staging deploys the tested image built from the release head, then the release is merged into main. */
    private String writeBackAndMergeRelease() throws IOException {
        writeBack(TESTED, releaseHead);
        return mergeRelease();
    }

    private String mergeRelease() {
        git("merge", "--quiet", "--no-ff", "-m", "Merge pull request #7 from shop-org/release/1.4", "release/1.4");
        return git("rev-parse", "HEAD").strip();
    }

    /** A write-back commit as gitops set-image makes it: the overlay change and the ledger trailers. */
    private void writeBack(String digest, String sourceCommit) throws IOException {
        writeOverlay(digest);
        git("add", "-A");
        git("commit", "--quiet", "-m", "deploy(staging): catalog\n\nGitops-Env: staging\nGitops-Service: catalog\n"
                + "Gitops-Digest: " + digest + "\nGitops-Source-Commit: " + sourceCommit + "\n");
    }

    private void writeOverlay(String digest) throws IOException {
        Path file = repo.resolve(OVERLAY);
        Files.createDirectories(file.getParent());
        Files.writeString(file, TestOverlays.pinning("r.example/shop", "1.4.0-rc.1", "catalog", digest));
        assertThat(OverlayImages.digests(OverlayImages.parse(Files.readString(file), OVERLAY))).containsEntry("catalog", digest);
    }

    /** A branch from start with one commit adding file; back on main afterwards. Returns the branch head. */
    private String branchWithOneCommit(String branch, String start, String file, String message) throws IOException {
        git("checkout", "--quiet", "-b", branch, start);
        Files.writeString(repo.resolve(file), message + "\n");
        git("add", "-A");
        git("commit", "--quiet", "-m", message);
        String head = git("rev-parse", "HEAD").strip();
        git("checkout", "--quiet", "main");
        return head;
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return ProcessRunner.run(command, repo, Duration.ofSeconds(30)).orThrow().stdout();
    }
}
