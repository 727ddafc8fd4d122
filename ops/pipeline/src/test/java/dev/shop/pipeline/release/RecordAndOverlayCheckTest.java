package dev.shop.pipeline.release;

import dev.shop.cli.ProcessRunner;
import dev.shop.pipeline.PipelineCli;
import dev.shop.pipeline.github.GithubStub;
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

/** The load test's record, and the prod promotion branch carrying exactly what was tagged (real git remote). */
class RecordAndOverlayCheckTest {

    static final String TAGGED = "sha256:" + "a".repeat(64);
    static final String NEWER = "sha256:" + "d".repeat(64);

    @TempDir
    Path work;

    @Test
    void theRecordCarriesTheFingerprintReleaseCheckCompares() {
        try (GithubStub github = new GithubStub()) {
            String digests = "{\"orders\":\"" + NEWER + "\",\"catalog\":\"" + TAGGED + "\"}";
            assertThat(PipelineCli.commandLine().execute("record-load-test", "--api-url", github.url(), "--repository", "o/r",
                    "--sha", "abc123", "--digests", digests, "--target-url", "https://example.test/run/1")).isZero();
            assertThat(github.posts()).singleElement().asString()
                    .startsWith("/repos/o/r/statuses/abc123 ")
                    .contains("\"state\":\"success\"", "\"context\":\"shop/staging-load-test\"",
                            "\"description\":\"" + ReleaseProof.describe(Map.of("catalog", TAGGED, "orders", NEWER)) + "\"");
            assertThat(PipelineCli.commandLine().execute("record-load-test", "--api-url", github.url(), "--repository", "o/r",
                    "--sha", "abc123", "--digests", "{}")).isEqualTo(2);
        }
    }

    @Test
    void aPromotionBranchWithOtherDigestsThanTheTaggedOnesIsRefused() throws IOException {
        Path remote = work.resolve("remote.git");
        Path clone = work.resolve("clone");
        git(work, "init", "--quiet", "--bare", "--initial-branch=main", remote.toString());
        git(work, "clone", "--quiet", remote.toString(), clone.toString());
        git(clone, "config", "user.email", "ci@example.test");
        git(clone, "config", "user.name", "ci");
        git(clone, "checkout", "--quiet", "-b", "promote/prod-from-staging");
        Path overlay = clone.resolve("gitops-envs/envs/prod/kustomization.yaml");
        Files.createDirectories(overlay.getParent());
        Files.writeString(overlay, "images:\n  - name: catalog\n    newName: r.example/shop/catalog\n    digest: " + NEWER + "\n");
        git(clone, "add", "-A");
        git(clone, "commit", "--quiet", "-m", "promote");
        git(clone, "push", "--quiet", "origin", "promote/prod-from-staging");

        String[] check = {"overlay-check", "--repo", clone.toString(), "--branch", "promote/prod-from-staging",
                "--env-dir", "gitops-envs/envs/prod", "--digests", "{\"catalog\":\"" + TAGGED + "\"}"};
        assertThat(PipelineCli.commandLine().execute(check)).isEqualTo(1);
        check[check.length - 1] = "{\"catalog\":\"" + NEWER + "\"}";
        assertThat(PipelineCli.commandLine().execute(check)).isZero();
    }

    private static void git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessRunner.run(command, dir, Duration.ofSeconds(30)).orThrow();
    }
}
