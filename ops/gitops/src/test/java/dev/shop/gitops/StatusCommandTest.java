package dev.shop.gitops;

import dev.shop.gitops.support.Cli;
import dev.shop.gitops.support.GitRepos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCommandTest {

    @TempDir
    Path temp;

    @Test
    void tableOfServiceByEnvWithSourceCommitsFromTheLedger() throws Exception {
        GitRepos repos = GitRepos.seeded(temp, GitRepos.FIXTURES.resolve("gitops-envs"));
        Path clone = repos.clone("ops");
        String source = "feedbeef".repeat(5);
        Cli.Run set = Cli.run("set-image", "--repo", clone.toString(), "--env", "staging", "--service", "orders",
                "--digest", "sha256:" + "e".repeat(64), "--tag", "1.2.0-rc.4", "--source-commit", source, "--no-shared");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        GitRepos.git(clone, "pull", "--quiet", "origin", "main");
        Path html = temp.resolve("site/status.html");

        Cli.Run run = Cli.run("status", "--root", clone.resolve("gitops-envs").toString(), "--html", html.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().toList()).hasSize(4);
        assertThat(run.out().lines().findFirst().orElseThrow()).matches("SERVICE +DEV +STAGING +PROD");
        assertThat(run.out()).containsPattern("orders +1\\.3\\.0-alpha\\.7 sha256:222222222222 @- +1\\.2\\.0-rc\\.4 sha256:eeeeeeeeeeee @feedbeeffeed +1\\.1\\.0 sha256:888888888888 @-");
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<style>", "<th>staging</th>", "1.2.0-rc.4", "feedbeeffeed")
                .doesNotContain("<script");
        Cli.Run json = Cli.run("status", "--root", clone.resolve("gitops-envs").toString(), "--output", "json");
        assertThat(json.out()).contains("\"deployedBy\" : \"" + GitRepos.git(clone, "rev-parse", "HEAD").strip() + "\"",
                "\"sharedManifestsFrom\" : \"" + "0".repeat(40) + "\"", "\"recentDeployments\"");
    }

    @Test
    void jsonOutput() {
        Cli.Run run = Cli.run("status", "--root", GitRepos.FIXTURES.resolve("gitops-envs").toString(), "--output", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"service\" : \"catalog\"", "\"version\" : \"1.1.0\"", "\"digest\" : \"sha256:" + "7".repeat(64) + "\"");
    }
}
