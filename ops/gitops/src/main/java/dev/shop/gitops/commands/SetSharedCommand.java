package dev.shop.gitops.commands;

import dev.shop.cli.ExitCodes;
import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.Ledger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "set-shared", mixinStandardHelpOptions = true,
        description = {
            "Carry gitops-envs/base and components of a commit into one env's copy.",
            "What set-image does besides the image, for a push that changed only the",
            "shared manifests (no image was built): ENV's copy under envs/ENV/shared/",
            "becomes that of --source-commit, unless ENV already has a newer one.",
            "Committed and pushed like set-image (retried on the fetched tip)."})
public final class SetSharedCommand extends EnvChange {

    @Mixin
    SourceOptions sourceOptions;

    @Option(names = "--source-commit", paramLabel = "SHA",
            description = "Commit whose base/ and components/ to carry. Default: GITHUB_SHA, else HEAD of the working directory's repository.")
    String sourceCommit;

    @Override
    public Integer call() {
        WriteTarget target = write.target();
        target.envFile(env);
        String source = sourceCommit != null ? sourceCommit : SetImageCommand.defaultSourceCommit();
        SharedCarrier shared = SharedCarrier.fromBuild(target, sourceOptions.git(target.git()), source, env);
        PrintWriter out = out();
        if (write.dryRun) {
            int files = shared.changesOn(target.writer().tip(write.branch)).size();
            out.println(files == 0 ? "no change: " + env + "'s shared manifests are already those of " + source
                    : files + " file(s) of " + env + "'s shared manifests would change");
            return ExitCodes.OK;
        }
        CommitWriter.Outcome outcome = target.writer().commit(write.branch, write.branch, tip -> new CommitWriter.Change(shared.changesOn(tip),
                "deploy(" + env + "): shared manifests of " + source + "\n\n"
                        + "Carry gitops-envs/base and components of " + source + " into " + env + "'s copy.\n\n"
                        + Ledger.ENV + ": " + env + "\n" + Ledger.SOURCE_COMMIT + ": " + source + "\n"));
        out.println(outcome.changed()
                ? "set " + env + "'s shared manifests to those of " + source + ": commit " + outcome.commit().substring(0, 12)
                : "no change: " + env + "'s shared manifests are already those of " + source + " or newer");
        return ExitCodes.OK;
    }
}
