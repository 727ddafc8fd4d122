package dev.shop.supplychain.cli;

import dev.shop.cli.CliErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar supply-chain.jar <command>}: what the workflows and the rehearsal run.
 * Exit codes: 0 ok, 1 refusal or findings, 2 usage, 3 environment (registry, files).
 */
@Command(name = "supply-chain", mixinStandardHelpOptions = true,
        description = "SBOMs and signatures of the shop's images in an OCI registry.",
        subcommands = {KeygenCommand.class, AttachSbomCommand.class, AttachSbomsCommand.class, SignCommand.class, VerifyCommand.class,
            SbomDiffCommand.class, CheckIgnoreFileCommand.class})
public final class SupplyChainCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return CliErrors.install(new CommandLine(new SupplyChainCli()), CliErrors.Speaker.CLI);
    }
}
