package dev.shop.gitops;

import dev.shop.cli.ExitCodes;
import dev.shop.gitops.support.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HelpAndExitCodesTest {

    /** Every verb the CLI has, read from the CLI itself: a new verb cannot miss its help. */
    static java.util.stream.Stream<String> verbs() {
        return new picocli.CommandLine(new GitopsCli()).getSubcommands().keySet().stream().filter(verb -> !verb.equals("help"));
    }

    @Test
    void theVerbsOfTheDeliveryFlowAreThere() {
        assertThat(verbs()).contains("version", "set-image", "promote", "rollback", "hold", "release-hold", "diff", "verify", "status");
    }

    @ParameterizedTest
    @MethodSource("verbs")
    void everyVerbHasHelpWithTheExitCodes(String verb) {
        Cli.Run run = Cli.run(verb, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: gitops " + verb)
                .contains("Exit codes:", "0   ok", "1   findings or refusal", "2   usage error", "3   environment problem");
    }

    @Test
    void anUnknownVerbOrOptionIsAUsageError() {
        Cli.Run verb = Cli.run("deploy");
        assertThat(verb.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(verb.err().strip()).doesNotContain("\n").startsWith("gitops: Unmatched argument");

        Cli.Run option = Cli.run("verify", "--colour");
        assertThat(option.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(option.err().strip()).contains("Unknown option: '--colour'").endsWith("(see: gitops verify --help)");

        assertThat(Cli.run().exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    /** Image coordinates are checked by picocli converters while parsing: exit 2 before the verb looks at any repository. */
    @Test
    void malformedImageCoordinatesAreUsageErrorsBeforeAnythingRuns() {
        String missing = "/nonexistent/repository";
        String digest = "sha256:" + "ab".repeat(32);
        Cli.Run badDigest = Cli.run("set-image", "--repo", missing, "--env", "dev", "--service", "catalog", "--digest", "sha256:ABC");
        Cli.Run badTag = Cli.run("set-image", "--repo", missing, "--env", "dev", "--service", "catalog", "--digest", digest, "--tag", "-1");
        Cli.Run badImage = Cli.run("set-image", "--repo", missing, "--env", "dev", "--service", "catalog", "--digest", digest,
                "--image", "Registry.example/Shop");

        assertThat(List.of(badDigest, badTag, badImage)).allSatisfy(run -> {
            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().strip()).doesNotContain("\n").doesNotContain(missing).endsWith("(see: gitops set-image --help)");
        });
        assertThat(badDigest.err()).contains("bad digest 'sha256:ABC'");
        assertThat(badTag.err()).contains("bad tag '-1'");
        assertThat(badImage.err()).contains("bad image repository 'Registry.example/Shop'");
    }
}
