package dev.shop.gitops;

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
        CommandLine cli = new CommandLine(new GitopsCli());
        cli.setOut(out);
        cli.setErr(err);
        documentExitCodes(cli);
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("gitops: " + e.getMessage().lines().findFirst().orElse("usage error")
                    + " (see: gitops " + commandPath(e.getCommandLine()) + "--help)");
            err.flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException failure) {
                err.println("gitops: " + failure.getMessage());
                err.flush();
                return failure.exitCode();
            }
            err.println("gitops: unexpected error: " + e + (System.getenv("GITOPS_DEBUG") == null ? " (set GITOPS_DEBUG=1 for details)" : ""));
            if (System.getenv("GITOPS_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.ENVIRONMENT;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Every verb's --help lists the same exit codes. */
    private static void documentExitCodes(CommandLine commandLine) {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (String entry : ExitCodes.HELP_LIST) {
            int colon = entry.indexOf(':');
            codes.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        commandLine.getSubcommands().values().forEach(GitopsCli::documentExitCodes);
    }

    private static String commandPath(CommandLine commandLine) {
        String qualified = commandLine.getCommandSpec().qualifiedName(" ");
        String verb = qualified.startsWith("gitops") ? qualified.substring("gitops".length()).strip() : qualified;
        return verb.isEmpty() ? "" : verb + " ";
    }
}
