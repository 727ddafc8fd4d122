package dev.shop.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CliErrorsTest {

    @Command(name = "demo", subcommands = Fail.class)
    static final class Demo {
    }

    @Command(name = "fail")
    static final class Fail extends Verb {
        @Option(names = "--how", required = true)
        String how;

        @Override
        public Integer call() {
            switch (how) {
                case "findings" -> throw CliException.findings("two violations");
                case "environment" -> throw CliException.environment("registry unreachable");
                case "bug" -> throw new IllegalStateException("a bug");
                default -> {
                    out().println("fine");
                    return ExitCodes.OK;
                }
            }
        }
    }

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    @Test
    void aCliExceptionExitsWithItsCodeAndOneLineNamingTheCli() {
        Run findings = run(CliErrors.install(new CommandLine(new Demo()), CliErrors.Speaker.CLI), "fail", "--how", "findings");
        assertThat(findings.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(findings.err()).isEqualTo("demo: two violations" + System.lineSeparator());

        Run environment = run(CliErrors.install(new CommandLine(new Demo()), CliErrors.Speaker.CLI), "fail", "--how", "environment");
        assertThat(environment.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(environment.err().lines()).containsExactly("demo: registry unreachable");
    }

    @Test
    void theVerbSpeaksWhenInstalledSo() {
        Run run = run(CliErrors.install(new CommandLine(new Demo()), CliErrors.Speaker.VERB), "fail", "--how", "findings");
        assertThat(run.err().lines()).containsExactly("fail: two violations");
    }

    @Test
    void aBadOptionIsAOneLineUsageErrorPointingAtTheVerbsHelp() {
        Run run = run(CliErrors.install(new CommandLine(new Demo()), CliErrors.Speaker.CLI), "fail", "--no-such-option");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .startsWith("demo: ").endsWith("(see: demo fail --help)");
    }

    @Test
    void anythingElseIsAnEnvironmentProblemInOneLineWithoutAStackTrace() {
        Run run = run(CliErrors.install(new CommandLine(new Demo()), CliErrors.Speaker.CLI), "fail", "--how", "bug");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err().lines()).hasSize(1).first().asString()
                .startsWith("demo: unexpected error: java.lang.IllegalStateException: a bug");
    }

    @Test
    void aVerbWritesToTheStreamsTheCliWasGiven() {
        Run run = run(CliErrors.install(new CommandLine(new Demo()), CliErrors.Speaker.CLI), "fail", "--how", "not");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().lines()).containsExactly("fine");
        assertThat(run.err()).isEmpty();
    }
}
