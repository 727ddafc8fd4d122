package dev.shop.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A verb of an ops CLI. It writes to the streams its CLI was given (tests pass their own) and
 * reports failures by throwing {@link CliException}; {@link CliErrors} turns those into one line
 * and an exit code, so no verb catches them itself.
 */
public abstract class Verb implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    protected final CommandSpec spec() {
        return spec;
    }

    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
