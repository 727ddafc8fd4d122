package dev.shop.pipeline;

/** A failure reported as one line on stderr with one of the documented exit codes. */
public class PipelineException extends RuntimeException {

    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int ENVIRONMENT = 3;

    private final int exitCode;

    public PipelineException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public PipelineException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static PipelineException findings(String message) {
        return new PipelineException(FINDINGS, message);
    }

    public static PipelineException usage(String message) {
        return new PipelineException(USAGE, message);
    }

    public static PipelineException environment(String message) {
        return new PipelineException(ENVIRONMENT, message);
    }
}
