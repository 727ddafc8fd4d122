package dev.shop.pipeline;

import dev.shop.cli.CliErrors;
import dev.shop.pipeline.affected.AffectedCommand;
import dev.shop.pipeline.argocd.WaitDeployedCommand;
import dev.shop.pipeline.registry.ImageDigestsCommand;
import dev.shop.pipeline.registry.MissingImagesCommand;
import dev.shop.pipeline.registry.TagReleaseCommand;
import dev.shop.pipeline.rehearsal.RehearseCommand;
import dev.shop.pipeline.release.OverlayCheckCommand;
import dev.shop.pipeline.release.RecordLoadTestCommand;
import dev.shop.pipeline.release.ReleaseCheckCommand;
import dev.shop.pipeline.terraform.TerraformCheckCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The pipeline steps the GitHub workflows run besides {@code gitops}, and the local rehearsal.
 * Exit codes as the gitops CLI: 0 ok, 1 findings, 2 usage, 3 environment.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Pipeline steps for the GitHub workflows, and the local rehearsal of a push to develop.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:ok", "1:findings", "2:usage error", "3:environment problem"},
        subcommands = {AffectedCommand.class, MissingImagesCommand.class, ImageDigestsCommand.class,
                WaitDeployedCommand.class, RecordLoadTestCommand.class, ReleaseCheckCommand.class,
                TagReleaseCommand.class, OverlayCheckCommand.class, TerraformCheckCommand.class, RehearseCommand.class})
public final class PipelineCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command model, also used by the workflow tests to check every call's verb and flags. */
    public static CommandLine commandLine() {
        return CliErrors.install(new CommandLine(new PipelineCli()), CliErrors.Speaker.VERB);
    }
}
