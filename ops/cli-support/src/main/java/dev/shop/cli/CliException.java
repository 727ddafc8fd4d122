package dev.shop.cli;

/**
 * A failure an ops CLI reports as one line on stderr with one of the {@link ExitCodes}.
 * The factory methods name the three kinds of failure the exit codes distinguish; the libraries
 * the CLIs share (supply-chain inside gitops) throw it too, so no caller translates exit codes.
 */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Findings or a refusal (exit 1): violations, a downgrade, an unsigned image. */
    public static CliException findings(String message) {
        return new CliException(ExitCodes.FINDINGS, message);
    }

    /** A usage error (exit 2): unknown env or service, malformed option or file. */
    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    /** An environment problem (exit 3): missing program, unreachable remote, a failing tool. */
    public static CliException environment(String message) {
        return new CliException(ExitCodes.ENVIRONMENT, message);
    }
}
