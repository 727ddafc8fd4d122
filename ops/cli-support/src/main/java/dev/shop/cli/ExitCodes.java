package dev.shop.cli;

import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The exit codes of every ops CLI (gitops, pipeline, supply-chain), declared once. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Findings or a refusal: the input is well-formed but not acceptable. */
    public static final int FINDINGS = 1;
    /** A usage error: bad option, unknown name, malformed file. */
    public static final int USAGE = 2;
    /** An environment problem: missing program, unreachable remote or registry, a failing tool. */
    public static final int ENVIRONMENT = 3;

    private ExitCodes() {
    }

    /**
     * Lists the exit codes under "Exit codes:" in the help of the command and every subcommand.
     * Each entry is picocli's exitCodeList format, {@code "1:what exit 1 means"}.
     */
    public static void documentIn(CommandLine commandLine, List<String> entries) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            codes.put(entry.substring(0, colon), entry.substring(colon + 1));
        }
        document(commandLine, codes);
    }

    private static void document(CommandLine commandLine, Map<String, String> codes) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        commandLine.getSubcommands().values().forEach(sub -> document(sub, codes));
    }
}
