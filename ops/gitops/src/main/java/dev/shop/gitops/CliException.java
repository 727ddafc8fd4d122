package dev.shop.gitops;

/**
 * A failure the CLI reports as one line on stderr with a documented exit code.
 * The factory methods name the three kinds of failure the exit codes distinguish.
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

    /** Findings or a refusal (exit 1): the input is well-formed but not acceptable. */
    public static CliException refusal(String message) {
        return new CliException(ExitCodes.FINDINGS, message);
    }

    /** A usage error (exit 2): unknown env or service, malformed option or file. */
    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    /** An environment problem (exit 3): missing binary, unreachable remote, git failure. */
    public static CliException environment(String message) {
        return new CliException(ExitCodes.ENVIRONMENT, message);
    }
}
