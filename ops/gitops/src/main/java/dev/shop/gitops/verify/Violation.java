package dev.shop.gitops.verify;

/**
 * One finding: where (env name or file), which object, which rule, what is wrong and how to fix it.
 */
public record Violation(String where, String object, String rule, String message, String hint) {

    /** The one-line form printed by {@code gitops verify}. */
    public String line() {
        return where + " " + object + " [" + rule + "] " + message + " (fix: " + hint + ")";
    }
}
