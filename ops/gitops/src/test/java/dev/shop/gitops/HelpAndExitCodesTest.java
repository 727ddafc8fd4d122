package dev.shop.gitops;

import dev.shop.gitops.support.Cli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HelpAndExitCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"version", "set-image", "promote", "diff", "verify", "status"})
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
}
