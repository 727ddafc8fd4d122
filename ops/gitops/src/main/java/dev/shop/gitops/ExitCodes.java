package dev.shop.gitops;

import java.util.List;

/** The exit codes every verb documents in its --help and in docs/gitops-cli.md. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int ENVIRONMENT = 3;

    /** picocli's exitCodeList format: shown under "Exit codes:" in every verb's help. */
    public static final List<String> HELP_LIST = List.of(
        "0:ok",
        "1:findings or refusal (violations, downgrade, held service, image or rollback target the env does not have)",
        "2:usage error (bad option, unknown env or service, malformed file)",
        "3:environment problem (missing kustomize, unreachable remote, git failure)");

    private ExitCodes() {
    }
}
