package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.cli.CliFiles;
import dev.shop.cli.ExitCodes;
import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.Ledger;
import dev.shop.gitops.kustomize.Kustomize;
import dev.shop.gitops.manifests.ManifestDiff;
import dev.shop.gitops.promotion.Move;
import dev.shop.gitops.promotion.PromotionBody;
import dev.shop.gitops.promotion.PromotionPlan;
import dev.shop.gitops.promotion.RenderedDiff;
import dev.shop.gitops.shared.SharedManifests;
import dev.shop.supplychain.sbom.PromotionDependencies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {
            "Promote env A's images to env B on a new branch, with a PR body.",
            "Copies A's digests and tags into B (all services or the named ones), and",
            "A's copy of the shared manifests (envs/A/shared/) into B's, in one",
            "commit on branch promote/B-from-A-<time>-<hash>, and writes a Markdown",
            "pull-request body: per service old -> new version and digest, the source",
            "commits between them, and a summary of the rendered manifest diff.",
            "Refuses an image A does not run, and a downgrade unless --allow-downgrade.",
            "Then: gh pr create --head BRANCH --body-file FILE"})
public final class PromoteCommand extends WritingVerb {

    @Mixin
    SupplyChainOptions supplyChain;

    @Option(names = "--from", required = true, paramLabel = "A", description = "Env whose images are promoted (e.g. staging).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "B", description = "Env that receives them (e.g. prod).")
    String to;

    @Option(names = "--service", paramLabel = "SERVICE", description = "Service to promote (repeatable). Default: every service.")
    List<String> services;

    @Option(names = "--allow-downgrade", description = "Promote even when B runs a higher version than A.")
    boolean allowDowngrade;

    @Mixin
    PullRequestOptions pullRequest;

    @Mixin
    SourceOptions sourceOptions;

    @Override
    public Integer call() {
        if (from.equals(to)) {
            throw CliException.usage("--from and --to name the same env: " + from);
        }
        WriteTarget target = write.target();
        List<String> selected = target.servicesOrAll(services);
        PromotionPlan.Envs envs = new PromotionPlan.Envs(from, to, target.envFile(from), target.envFile(to),
                target.envFolder(from), target.envFolder(to));
        CommitWriter writer = target.writer();
        Kustomize kustomize = Kustomize.locate();
        PrintWriter out = out();
        PrintWriter err = err();

        String tip = writer.tip(write.branch);
        PromotionPlan plan = PromotionPlan.make(writer, tip, envs, selected, allowDowngrade);
        plan.moves().forEach(move -> supplyChain.verify(move.service(), () -> move.next().newName(), move.next().digest()));
        if (plan.isEmpty()) {
            out.println("nothing to promote: " + to + " already runs " + from + "'s images of " + String.join(", ", selected)
                    + " and its copy of the shared manifests");
            if (pullRequest.branchFile != null && !write.dryRun) {
                CliFiles.writeAtomically(pullRequest.branchFile, "");
            }
            return ExitCodes.OK;
        }
        String branchName = branchName(plan);
        String body = body(target, plan, kustomize);

        if (write.dryRun) {
            out.print(ManifestDiff.unified(plan.targetPath(), plan.targetText(), plan.promotedText()));
            out.println();
            out.print(body);
            return ExitCodes.OK;
        }
        CommitWriter.Outcome outcome = writer.commit(write.branch, branchName, fetched -> {
            if (!fetched.equals(tip)) {
                // The branch moved between planning and committing; the body would describe another base.
                throw CliException.environment(write.branch + " moved while promoting; run again");
            }
            return new CommitWriter.Change(plan.files(), PromotionBody.commitMessage(plan));
        });
        CliFiles.writeOrPrint(pullRequest.prBody, body, out);
        if (pullRequest.branchFile != null) {
            CliFiles.writeAtomically(pullRequest.branchFile, branchName + "\n");
        }
        err.println("promoted " + plan.moves().size() + " service(s)" + (plan.sharedChanges().isEmpty() ? "" : " and the shared manifests")
                + " from " + from + " to " + to + " on branch " + branchName
                + " (commit " + outcome.commit().substring(0, 12) + (write.noPush ? ", local only)" : ", pushed to " + write.remote + ")"));
        return ExitCodes.OK;
    }

    private String body(WriteTarget target, PromotionPlan plan, Kustomize kustomize) {
        CommitWriter writer = target.writer();
        String tip = plan.tip();
        Ledger ledger = Ledger.read(target.git(), target.rootPath() + "/envs");
        String fromOrigin = SharedManifests.originCommit(writer.read(tip, originPath(target, from)));
        String toOrigin = SharedManifests.originCommit(writer.read(tip, originPath(target, to)));
        List<ManifestDiff.ObjectDiff> diffs = RenderedDiff.of(target.git(), tip, target.rootPath(), to, target.envFolder(to),
                plan.files(), kustomize);
        return PromotionBody.render(plan, ledger, sourceOptions.git(target.git()), fromOrigin, toOrigin, dependencies(plan.moves()), diffs);
    }

    private static String originPath(WriteTarget target, String env) {
        return target.envFolder(env) + "/" + SharedManifests.FOLDER + "/" + SharedManifests.ORIGIN_FILE;
    }

    /** With --sbom-diff: per service, the dependencies the promoted image adds, removes and changes. */
    private String dependencies(List<Move> moves) {
        if (!supplyChain.sbomDiff) {
            return "";
        }
        StringBuilder section = new StringBuilder("\n" + PromotionDependencies.HEADING + "\n\n");
        for (Move move : moves) {
            String running = move.old().digest() == null || move.old().newName() == null ? null : move.old().newName() + "@" + move.old().digest();
            section.append(supplyChain.dependencies(move.service(), running, move.next().newName() + "@" + move.next().digest())).append('\n');
        }
        return section.toString();
    }

    /** promote/prod-from-staging-20261126-143000-1a2b3c4: readable, and unique by time and content. */
    private String branchName(PromotionPlan plan) {
        StringBuilder content = new StringBuilder(plan.promotedText());
        plan.sharedChanges().forEach(change -> content.append(change.path()).append('\0').append(change.content()));
        return Proposals.branchName("promote/" + to + "-from-" + from, content.toString());
    }
}
