package dev.shop.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * How every ops CLI reports a failure: one line on stderr and a documented exit code. A bad
 * option or argument is a usage error (2) naming the verb's --help; a {@link CliException}
 * exits with its own code; anything else is an unexpected environment problem (3), with the
 * stack trace only when {@code <CLI>_DEBUG} is set (GITOPS_DEBUG, PIPELINE_DEBUG, SUPPLY_CHAIN_DEBUG).
 */
public final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Who a failure line names first: the CLI ("gitops: ...") or the verb that failed ("affected: ..."). */
    public enum Speaker { CLI, VERB }

    private final Speaker speaker;

    private CliErrors(Speaker speaker) {
        this.speaker = speaker;
    }

    /** Installs both handlers on the command line (its verbs inherit them) and returns it. */
    public static CommandLine install(CommandLine commandLine, Speaker speaker) {
        CliErrors errors = new CliErrors(speaker);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        return commandLine;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        String message = e.getMessage() == null ? "usage error" : e.getMessage().lines().findFirst().orElse("usage error");
        report(failed, message + " (see: " + failed.getCommandSpec().qualifiedName(" ") + " --help)");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof CliException failure) {
            report(commandLine, failure.getMessage());
            return failure.exitCode();
        }
        String debugVariable = cliName(commandLine).toUpperCase(Locale.ROOT).replace('-', '_') + "_DEBUG";
        boolean debug = System.getenv(debugVariable) != null;
        report(commandLine, "unexpected error: " + e + (debug ? "" : " (set " + debugVariable + "=1 for details)"));
        if (debug) {
            e.printStackTrace(commandLine.getErr());
            commandLine.getErr().flush();
        }
        return ExitCodes.ENVIRONMENT;
    }

    private void report(CommandLine commandLine, String message) {
        PrintWriter err = commandLine.getErr();
        err.println((speaker == Speaker.VERB ? commandLine.getCommandName() : cliName(commandLine)) + ": " + message);
        err.flush();
    }

    private static String cliName(CommandLine commandLine) {
        return commandLine.getCommandSpec().root().name();
    }
}
