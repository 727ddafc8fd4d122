package dev.shop.pipeline.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.cli.ProcessRunner;
import dev.shop.pipeline.PipelineCli;
import dev.shop.pipeline.TestOverlays;
import dev.shop.pipeline.github.GithubApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The GitHub stand-in answers the real pipeline wait-deployed from a git repository and what runs. */
class LocalGithubTest {

    private static final String REPO = "shop-org/shop";
    private static final String PINNED = "sha256:" + "a".repeat(64);
    private static final String OTHER = "sha256:" + "b".repeat(64);

    @TempDir
    Path remote;

    @Test
    void waitDeployedReturnsOnceStagingRunsWhatTheOverlayPinsAndIsReady() throws IOException {
        String sha = commitOverlay(PINNED);
        try (LocalGithub github = new LocalGithub(remote, List.of("staging", "prod"),
                env -> env.equals("staging") ? Optional.of(new LocalGithub.Live(Map.of("catalog", PINNED), true, false)) : Optional.empty())) {

            assertThat(waitDeployed(github)).isZero();
            assertThat(stagingState(github, sha)).isEqualTo("success");
            assertThat(api(github).status(sha, "argocd/shop-staging").map(GithubApi.CommitStatus::creator)).contains(LocalGithub.CREATOR);
            assertThat(api(github).status(sha, "argocd/shop-prod")).isEmpty();
        }
    }

    @Test
    void anEnvRunningOtherDigestsOrNotReadyIsPendingAndTheWaitTimesOut() throws IOException {
        String sha = commitOverlay(PINNED);
        for (LocalGithub.Live live : List.of(new LocalGithub.Live(Map.of("catalog", OTHER), true, false),
                new LocalGithub.Live(Map.of("catalog", PINNED, "orders", OTHER), true, false),
                new LocalGithub.Live(Map.of("catalog", PINNED), false, false))) {
            try (LocalGithub github = new LocalGithub(remote, List.of("staging"), env -> Optional.of(live))) {

                assertThat(stagingState(github, sha)).isEqualTo("pending");
                assertThat(waitDeployed(github)).isEqualTo(1);
            }
        }
    }

    @Test
    void aFailedRolloutIsAFailureStatusAndTheWaitFails() throws IOException {
        String sha = commitOverlay(PINNED);
        try (LocalGithub github = new LocalGithub(remote, List.of("staging"),
                env -> Optional.of(new LocalGithub.Live(Map.of(), false, true)))) {

            assertThat(stagingState(github, sha)).isEqualTo("failure");
            assertThat(waitDeployed(github)).isEqualTo(1);
        }
    }

    @Test
    void aFileOrBranchThatDoesNotExistIsNotFound() throws IOException {
        String sha = commitOverlay(PINNED);
        try (LocalGithub github = new LocalGithub(remote, List.of("staging"), env -> Optional.empty())) {
            assertThat(api(github).file("no/such/file", sha)).isEmpty();
            assertThat(api(github).file("gitops-envs/envs/staging/kustomization.yaml", sha)).get().asString().contains(PINNED);
            assertThat(api(github).commits("main", 5)).containsExactly(sha);
            assertThat(PipelineCli.commandLine().execute("wait-deployed", "--api-url", github.url(), "--repository", REPO,
                    "--branch", "no-such-branch", "--app", "shop-staging", "--env-dir", "gitops-envs/envs/staging",
                    "--timeout", "0", "--interval", "0")).isEqualTo(3);
        }
    }

    @Test
    void aContainerThatIsGoneIsAFailedRolloutThatRunsNothing() throws IOException {
        assumeTrue(podmanWorks(), "podman is not installed (ops/bin/install-rehearsal-deps)");
        var state = new ObjectMapper().readTree("""
                {"application": "shop-staging", "services": [
                  {"service": "catalog", "container": "shop-rehearsal-no-such-container-%d",
                   "image": "127.0.0.1:5000/shop/catalog@%s", "ready": "http://127.0.0.1:9/q/health/ready"}]}
                """.formatted(ProcessHandle.current().pid(), PINNED));

        LocalGithub.Live live = LocalGithub.live(state, new Podman());

        assertThat(live.failed()).isTrue();
        assertThat(live.ready()).isFalse();
        assertThat(live.digests()).isEmpty();
    }

    private int waitDeployed(LocalGithub github) {
        return PipelineCli.commandLine().execute("wait-deployed", "--api-url", github.url(), "--repository", REPO,
                "--app", "shop-staging", "--env-dir", "gitops-envs/envs/staging", "--digests", "{\"catalog\":\"" + PINNED + "\"}",
                "--timeout", "0", "--interval", "0");
    }

    private static String stagingState(LocalGithub github, String sha) {
        return api(github).status(sha, "argocd/shop-staging").map(GithubApi.CommitStatus::state).orElse("none");
    }

    private static GithubApi api(LocalGithub github) {
        return new GithubApi(github.url(), REPO, "test");
    }

    /** A main branch whose staging overlay pins catalog to the digest; returns the commit. */
    private String commitOverlay(String digest) throws IOException {
        Path overlay = remote.resolve("gitops-envs/envs/staging/kustomization.yaml");
        Files.createDirectories(overlay.getParent());
        Files.writeString(overlay, TestOverlays.pinning("127.0.0.1:5000/shop", "1.1.0-rc.1", "catalog", digest));
        RehearsalRepository.git(remote, "init", "--quiet", "--initial-branch=main");
        RehearsalRepository.git(remote, "add", "-A");
        RehearsalRepository.git(remote, "commit", "--quiet", "-m", "staging pins catalog");
        return RehearsalRepository.git(remote, "rev-parse", "HEAD").stdout().strip();
    }

    private static boolean podmanWorks() {
        try {
            return ProcessRunner.run(List.of("podman", "--version"), null, Duration.ofSeconds(30)).ok();
        } catch (RuntimeException notInstalled) {
            return false;
        }
    }
}
