package dev.shop.pipeline.argocd;

import dev.shop.pipeline.PipelineCli;
import dev.shop.pipeline.github.GithubStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static String overlay(String catalog) {
        return """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                images:
                  - name: catalog
                    newName: r.example/shop/catalog
                    newTag: 1.4.0-rc.2
                    digest: %s
                  - name: orders
                    newName: r.example/shop/orders
                    newTag: 1.4.0-rc.1
                    digest: %s
                """.formatted(catalog, ORDERS);
    }

    private int waitDeployed(String... extra) {
        return waitDeployed(0, extra);
    }

    private int waitDeployed(int timeout, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("wait-deployed", "--api-url", github.url(), "--repository", REPO,
                "--app", "shop-staging", "--env-dir", "gitops-envs/envs/staging", "--images", IMAGES,
                "--timeout", String.valueOf(timeout), "--interval", "0"));
        args.addAll(List.of(extra));
        return PipelineCli.commandLine().execute(args.toArray(String[]::new));
    }

    @Test
    void readyWhenArgoCdReportsSuccessOnACommitPinningTheDigestsAndPrintsEverythingStagingRuns() throws IOException {
        // tip: a dev write-back after ours; Argo CD synced staging at our write-back commit
        github.commits(REPO, "main", List.of("c3", "c2", "c1"));
        github.file(REPO, OVERLAY, "c3", overlay(NEW));
        github.file(REPO, OVERLAY, "c2", overlay(NEW));
        github.file(REPO, OVERLAY, "c1", overlay(OLD));
        github.statuses(REPO, "c2", "argocd/shop-staging", "success", "", "shop-argocd[bot]");
        github.statuses(REPO, "c1", "argocd/shop-staging", "success", "", "shop-argocd[bot]");
        Path output = work.resolve("output");
        assertThat(waitDeployed("--github-output", output.toString())).isZero();
        assertThat(Files.readString(output)).contains("revision=c2\n")
                .contains("digests={\"catalog\":\"" + NEW + "\",\"orders\":\"" + ORDERS + "\"}");
    }

    @Test
    void aStatusOnAnOlderImageSetOrAnotherAppDoesNotCount() {
        github.commits(REPO, "main", List.of("c2", "c1"));
        github.file(REPO, OVERLAY, "c2", overlay(NEW));
        github.file(REPO, OVERLAY, "c1", overlay(OLD));
        github.statuses(REPO, "c2", "argocd/shop-dev", "success", "", "shop-argocd[bot]",
                "argocd/shop-staging", "pending", "", "shop-argocd[bot]");
        github.statuses(REPO, "c1", "argocd/shop-staging", "success", "", "shop-argocd[bot]");
        assertThat(waitDeployed()).isEqualTo(1);
    }

    @Test
    void aDegradedOrFailedSyncFailsAtOnce() {
        github.commits(REPO, "main", List.of("c2"));
        github.file(REPO, OVERLAY, "c2", overlay(NEW));
        github.statuses(REPO, "c2", "argocd/shop-staging", "failure", "Degraded", "shop-argocd[bot]");
        assertThat(waitDeployed(600)).isEqualTo(1);
    }

    @Test
    void anotherRunChangingTheOverlayAfterThisOneFailsInsteadOfTestingItsImages() {
        github.commits(REPO, "main", List.of("c3", "c2"));
        github.file(REPO, OVERLAY, "c3", overlay(OLD));
        github.file(REPO, OVERLAY, "c2", overlay(NEW));
        github.statuses(REPO, "c2", "argocd/shop-staging", "success", "", "shop-argocd[bot]");
        assertThat(waitDeployed(600)).isEqualTo(1);
    }

    @Test
    void withoutImagesItWaitsForWhatTheTipPins() {
        // prod after a promotion merge: the tip pins NEW, Argo CD has only reported the old set so far
        github.commits(REPO, "main", List.of("c2", "c1"));
        github.file(REPO, OVERLAY, "c2", overlay(NEW));
        github.file(REPO, OVERLAY, "c1", overlay(OLD));
        github.statuses(REPO, "c1", "argocd/shop-staging", "success", "", "shop-argocd[bot]");
        String[] args = {"wait-deployed", "--api-url", github.url(), "--repository", REPO, "--app", "shop-staging",
                "--env-dir", "gitops-envs/envs/staging", "--timeout", "0", "--interval", "0"};
        assertThat(PipelineCli.commandLine().execute(args)).isEqualTo(1);
        github.statuses(REPO, "c2", "argocd/shop-staging", "success", "", "shop-argocd[bot]");
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
