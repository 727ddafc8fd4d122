package dev.shop.gitops;

import dev.shop.cli.CliErrors;
import dev.shop.cli.ExitCodes;
import dev.shop.gitops.commands.DiffCommand;
import dev.shop.gitops.commands.HoldCommands;
import dev.shop.gitops.commands.PromoteCommand;
import dev.shop.gitops.commands.RollbackCommand;
import dev.shop.gitops.commands.SetImageCommand;
import dev.shop.gitops.commands.SetSharedCommand;
import dev.shop.gitops.commands.StatusCommand;
import dev.shop.gitops.commands.VerifyCommand;
import dev.shop.gitops.commands.VersionCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Entry point of {@code ops/bin/gitops}: one verb per step of the delivery flow. */
@Command(name = "gitops",
        mixinStandardHelpOptions = true,
        version = "gitops CLI 1.0",
        description = "Versions from Git, image write-back, promotion, diff, verification and status of gitops-envs/.",
        subcommands = {
            VersionCommand.class, SetImageCommand.class, SetSharedCommand.class, PromoteCommand.class, RollbackCommand.class,
            HoldCommands.Hold.class, HoldCommands.ReleaseHold.class,
            DiffCommand.class, VerifyCommand.class, StatusCommand.class, CommandLine.HelpCommand.class})
public final class GitopsCli implements Runnable {

    /** Shown under "Exit codes:" in every verb's help, and in docs/gitops-cli.md. */
    public static final List<String> EXIT_CODES = List.of(
        "0:ok",
        "1:findings or refusal (violations, downgrade, held service, image or rollback target the env does not have)",
        "2:usage error (bad option, unknown env or service, malformed file)",
        "3:environment problem (missing kustomize, unreachable remote, git failure)");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a verb: version, set-image, set-shared, promote, rollback, hold, release-hold, diff, verify or status");
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: the output echoes manifests and git text, which are UTF-8
        System.exit(run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args));
    }

    /** Runs the CLI with the given streams and returns the exit code; tests call this in-process. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = CliErrors.install(new CommandLine(new GitopsCli()), CliErrors.Speaker.CLI);
        cli.setOut(out);
        cli.setErr(err);
        ExitCodes.documentIn(cli, EXIT_CODES);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
