package dev.shop.gitops;

import dev.shop.cli.ExitCodes;
import dev.shop.gitops.support.Cli;
import dev.shop.gitops.support.GitRepos;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {

    private static final String ROOT = GitRepos.FIXTURES.resolve("gitops-envs").toString();

    @Test
    void showsVersionsPerServiceThenPerObjectDiffs() {
        Cli.Run run = Cli.run("diff", "--root", ROOT, "staging", "prod");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Versions (staging -> prod):")
                .containsPattern("catalog +1\\.2\\.0-rc\\.3@sha256:444444444444 +-> 1\\.1\\.0@sha256:777777777777")
                .contains("Rendered manifests: 3 object(s) differ")
                .contains("## Deployment/catalog (changed, +1 -1)")
                .contains("-        image: 111122223333.dkr.ecr.eu-central-1.amazonaws.com/shop/catalog:1.2.0-rc.3@sha256:" + "4".repeat(64))
                .contains("+        image: 111122223333.dkr.ecr.eu-central-1.amazonaws.com/shop/catalog:1.1.0@sha256:" + "7".repeat(64))
                .doesNotContain("namespace: shop-");
    }

    @Test
    void anEnvAgainstItselfHasNoDifferences() {
        Cli.Run run = Cli.run("diff", "--root", ROOT, "dev", "dev");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("catalog +1\\.3\\.0-alpha\\.7@sha256:111111111111 +== 1\\.3\\.0-alpha\\.7@sha256:111111111111")
                .containsPattern("shared +base@000000000000 +== base@000000000000")
                .contains("Rendered manifests: identical apart from the namespace");
    }

    @Test
    void unknownEnvAndMissingArgumentAreUsageErrors() {
        assertThat(Cli.run("diff", "--root", ROOT, "dev", "qa").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Run missing = Cli.run("diff", "--root", ROOT, "dev");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err().strip()).doesNotContain("\n").contains("Missing required parameter");
    }
}
