package dev.shop.supplychain;

/**
 * A failure reported as one line with the exit code of its kind (the project's convention:
 * 1 findings or refusal, 2 usage, 3 environment). Callers such as the gitops CLI map the kind
 * onto their own exception without parsing the message.
 */
public class SupplyChainException extends RuntimeException {

    public enum Kind {
        REFUSAL(1), USAGE(2), ENVIRONMENT(3);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;

    public SupplyChainException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The input is well-formed but not acceptable: unsigned, tampered, expired. */
    public static SupplyChainException refusal(String message) {
        return new SupplyChainException(Kind.REFUSAL, message);
    }

    public static SupplyChainException usage(String message) {
        return new SupplyChainException(Kind.USAGE, message);
    }

    /** The registry is unreachable or answers something unexpected; a key file cannot be read. */
    public static SupplyChainException environment(String message) {
        return new SupplyChainException(Kind.ENVIRONMENT, message);
    }
}
