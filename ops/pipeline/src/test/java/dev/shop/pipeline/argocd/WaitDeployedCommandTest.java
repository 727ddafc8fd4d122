package dev.shop.pipeline.argocd;

import dev.shop.pipeline.PipelineCli;
import dev.shop.pipeline.TestOverlays;
import dev.shop.pipeline.github.GithubStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When the load test may start: Argo CD's commit status on a revision that pins this run's digests. */
class WaitDeployedCommandTest {

    static final String REPO = "shop-org/shop";
    static final String OVERLAY = "gitops-envs/envs/staging/kustomization.yaml";
    static final String NEW = "sha256:" + "a".repeat(64);
    static final String OLD = "sha256:" + "b".repeat(64);
    static final String ORDERS = "sha256:" + "c".repeat(64);
    static final String IMAGES = "{\"catalog\":{\"image\":\"r.example/shop/catalog\",\"tag\":\"1.4.0-rc.2\",\"digest\":\"" + NEW + "\"}}";

    private final GithubStub github = new GithubStub();

    @TempDir
    Path work;

    @AfterEach
    void stop() {
        github.close();
    }

    /** main's history, tip first: each commit and the catalog digest its staging overlay pins. */
    private void history(String... commitDigestPairs) {
        List<String> commits = new ArrayList<>();
        for (int i = 0; i + 1 < commitDigestPairs.length; i += 2) {
            commits.add(commitDigestPairs[i]);
            github.file(REPO, OVERLAY, commitDigestPairs[i],
                    TestOverlays.pinning("r.example/shop", "1.4.0-rc.2", "catalog", commitDigestPairs[i + 1], "orders", ORDERS));
        }
        github.commits(REPO, "main", commits);
    }

    /** Argo CD's commit status for shop-staging on a commit, set by its bot. */
    private void argoCd(String commit, String state, String description) {
        github.statuses(REPO, commit, "argocd/shop-staging", state, description, "shop-argocd[bot]");
    }

    private int waitDeployed(String... extra) {
        return waitDeployed(0, extra);
    }

    private int waitDeployed(int timeout, String... extra) {
        List<String> args = new ArrayList<>(List.of("wait-deployed", "--api-url", github.url(), "--repository", REPO,
                "--app", "shop-staging", "--env-dir", "gitops-envs/envs/staging", "--images", IMAGES,
                "--timeout", String.valueOf(timeout), "--interval", "0"));
        args.addAll(List.of(extra));
        return PipelineCli.commandLine().execute(args.toArray(String[]::new));
    }

    @Test
    void readyWhenArgoCdReportsSuccessOnACommitPinningTheDigestsAndPrintsEverythingStagingRuns() throws IOException {
        // tip: a dev write-back after ours; Argo CD synced staging at our write-back commit
        history("c3", NEW, "c2", NEW, "c1", OLD);
        argoCd("c2", "success", "");
        argoCd("c1", "success", "");
        Path output = work.resolve("output");
        assertThat(waitDeployed("--github-output", output.toString())).isZero();
        assertThat(Files.readString(output)).contains("revision=c2\n")
                .contains("digests={\"catalog\":\"" + NEW + "\",\"orders\":\"" + ORDERS + "\"}");
    }

    @Test
    void aStatusOnAnOlderImageSetOrAnotherAppDoesNotCount() {
        history("c2", NEW, "c1", OLD);
        github.statuses(REPO, "c2", "argocd/shop-dev", "success", "", "shop-argocd[bot]",
                "argocd/shop-staging", "pending", "", "shop-argocd[bot]");
        argoCd("c1", "success", "");
        assertThat(waitDeployed()).isEqualTo(1);
    }

    @Test
    void aDegradedOrFailedSyncFailsAtOnce() {
        history("c2", NEW);
        argoCd("c2", "failure", "Degraded");
        assertThat(waitDeployed(600)).isEqualTo(1);
    }

    @Test
    void anotherRunChangingTheOverlayAfterThisOneFailsInsteadOfTestingItsImages() {
        history("c3", OLD, "c2", NEW);
        argoCd("c2", "success", "");
        assertThat(waitDeployed(600)).isEqualTo(1);
    }

    @Test
    void withoutImagesItWaitsForWhatTheTipPins() {
        // prod after a promotion merge: the tip pins NEW, Argo CD has only reported the old set so far
        history("c2", NEW, "c1", OLD);
        argoCd("c1", "success", "");
        String[] args = {"wait-deployed", "--api-url", github.url(), "--repository", REPO, "--app", "shop-staging",
                "--env-dir", "gitops-envs/envs/staging", "--timeout", "0", "--interval", "0"};
        assertThat(PipelineCli.commandLine().execute(args)).isEqualTo(1);
        argoCd("c2", "success", "");
        assertThat(PipelineCli.commandLine().execute(args)).isZero();
    }

    @Test
    void badImagesJsonIsAUsageError() {
        assertThat(PipelineCli.commandLine().execute("wait-deployed", "--api-url", github.url(), "--repository", REPO,
                "--app", "shop-staging", "--env-dir", "x", "--images", "{\"catalog\":{\"digest\":\"latest\"}}")).isEqualTo(2);
        assertThat(PipelineCli.commandLine().execute("wait-deployed", "--api-url", github.url(), "--repository", "no-slash",
                "--app", "shop-staging", "--env-dir", "x")).isEqualTo(2);
    }
}
