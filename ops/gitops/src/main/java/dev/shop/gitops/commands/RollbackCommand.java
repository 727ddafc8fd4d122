package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.cli.CliFiles;
import dev.shop.cli.ExitCodes;
import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.DeploymentHistory;
import dev.shop.gitops.git.DeploymentHistory.Deployment;
import dev.shop.gitops.git.Ledger;
import dev.shop.gitops.images.Holds;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.images.KustomizationImages;
import dev.shop.gitops.kustomize.Kustomize;
import dev.shop.gitops.manifests.ManifestDiff;
import dev.shop.gitops.promotion.RenderedDiff;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {
            "Put an env back on images it ran before, and hold them there.",
            "Targets come from the env's deployment history (each commit that changed",
            "envs/ENV/kustomization.yaml on --branch); a version the env never ran is",
            "refused (exit 1). Without --service, --steps N undoes the env's last N",
            "deployments; with --service, each named service goes back N of its own",
            "images. The commit also writes envs/ENV/holds.yaml, so set-image",
            "and promote leave the rolled-back services alone until",
            "gitops release-hold lifts the hold. By default the commit goes on a new",
            "branch rollback/ENV-<time>-<hash> with a pull-request body; --direct",
            "commits on --branch. Then: gh pr create --head BRANCH --body-file FILE"})
public final class RollbackCommand extends EnvChange {

    private static final int HISTORY_COMMITS = 500;

    @Mixin
    ReviewOptions review;

    @Option(names = "--service", paramLabel = "SERVICE", description = "Service to roll back (repeatable). Default: whatever the undone deployments changed.")
    List<String> services;

    @ArgGroup(exclusive = true)
    Target target = new Target();

    static final class Target {
        @Option(names = "--to", paramLabel = "VERSION", description = "The version (tag) or digest to go back to; the env must have run it.")
        String version;

        @Option(names = "--steps", paramLabel = "N", defaultValue = "1",
                description = "Undo the env's last N deployments (with --service: go back N images of each named service). Default: ${DEFAULT-VALUE}.")
        int steps = 1;
    }

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the hold and the commit message (e.g. the incident).")
    String reason;

    /** One service going back: what it runs now, and the deployment it returns to. */
    record Step(String service, ImageEntry now, Deployment back) {
    }

    @Override
    public Integer call() {
        if (target.version == null && target.steps < 1) {
            throw CliException.usage("--steps must be at least 1");
        }
        WriteTarget writeTarget = write.target();
        List<String> selected = writeTarget.servicesOrAll(services);
        String envFile = writeTarget.envFile(env);
        String holdsPath = writeTarget.holdsFile(env);
        CommitWriter writer = writeTarget.writer();
        PrintWriter out = out();
        String since = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        String tip = writer.tip(write.branch);
        List<Step> steps = plan(writeTarget, tip, envFile, selected);
        if (steps.isEmpty()) {
            out.println("nothing to roll back: " + env + " already runs the requested images of " + String.join(", ", selected));
            if (review.pullRequest.branchFile != null && !write.dryRun) {
                CliFiles.writeAtomically(review.pullRequest.branchFile, "");
            }
            return ExitCodes.OK;
        }
        Map<String, String> planned = files(writeTarget, tip, envFile, holdsPath, steps, since);
        String body = body(writeTarget, tip, steps, planned);
        if (write.dryRun) {
            out.print(body);
            return ExitCodes.OK;
        }
        Proposals.Landed landed = Proposals.land(writeTarget, write, review, "rollback/" + env, String.join("\n", planned.values()), fetched -> {
            List<Step> onTip = plan(writeTarget, fetched, envFile, selected);
            if (!onTip.equals(steps)) {
                throw CliException.environment(env + " changed while rolling back (now: " + describe(onTip) + "); run again");
            }
            List<CommitWriter.FileChange> changes = new ArrayList<>();
            files(writeTarget, fetched, envFile, holdsPath, onTip, since).forEach((path, text) -> changes.add(new CommitWriter.FileChange(path, text)));
            return new CommitWriter.Change(changes, message(onTip));
        });
        CliFiles.writeOrPrint(review.pullRequest.prBody, body, out);
        err().println("rolled back " + describe(steps) + " in " + env + " on "
                + (review.direct ? write.branch : "branch " + landed.branch()) + " (commit " + landed.outcome().commit().substring(0, 12)
                + (write.noPush ? ", local only)" : ", pushed to " + write.remote + ")"));
        return ExitCodes.OK;
    }

    private List<Step> plan(WriteTarget writeTarget, String tip, String envFile, List<String> selected) {
        Map<String, ImageEntry> running = KustomizationImages.parse(writeTarget.read(tip, envFile), envFile).entries();
        Ledger ledger = Ledger.read(writeTarget.git(), writeTarget.rootPath() + "/envs");
        DeploymentHistory history = DeploymentHistory.read(writeTarget.git(), tip, envFile, ledger, HISTORY_COMMITS);
        List<Step> steps = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        boolean wholeEnv = services == null || services.isEmpty();
        Set<String> undone = wholeEnv && target.version == null ? lastDeployments(history, refusals) : Set.of();
        for (String service : selected) {
            ImageEntry now = running.get(service);
            if (now == null || now.digest() == null) {
                if (!wholeEnv) {
                    refusals.add(env + " does not run " + service);
                }
                continue;
            }
            List<Deployment> earlier = earlierImages(history.of(service), now.digest());
            if (target.version != null) {
                if (target.version.equals(now.newTag()) || target.version.equals(now.digest())) {
                    continue;
                }
                Optional<Deployment> match = earlier.stream()
                        .filter(d -> target.version.equals(d.image().newTag()) || target.version.equals(d.image().digest())).findFirst();
                if (match.isPresent()) {
                    steps.add(new Step(service, now, match.get()));
                } else if (!wholeEnv) {
                    refusals.add(env + " never ran " + service + " " + target.version + " (it ran: "
                            + String.join(", ", earlier.stream().map(d -> d.image().display()).toList()) + ")");
                }
            } else if (wholeEnv) {
                // what the service ran before the undone deployments
                Optional<Deployment> before = history.of(service).stream().filter(d -> !undone.contains(d.commit())).findFirst();
                if (before.isEmpty()) {
                    refusals.add(service + " first came to " + env + " in the deployments to undo: there is nothing to go back to");
                } else if (!before.get().image().digest().equals(now.digest())) {
                    steps.add(new Step(service, now, before.get()));
                }
            } else if (earlier.size() < target.steps) {
                refusals.add(env + " ran only " + earlier.size() + " earlier image(s) of " + service + ", not " + target.steps);
            } else {
                steps.add(new Step(service, now, earlier.get(target.steps - 1)));
            }
        }
        if (wholeEnv && target.version != null && steps.isEmpty() && running.values().stream().noneMatch(i -> target.version.equals(i.newTag()))) {
            refusals.add(env + " never ran " + target.version + " of any service");
        }
        if (!refusals.isEmpty()) {
            throw CliException.findings(String.join("; ", refusals));
        }
        return steps;
    }

    /** The commits of the env's last --steps deployments, or a refusal when its history is shorter. */
    private Set<String> lastDeployments(DeploymentHistory history, List<String> refusals) {
        List<String> commits = history.all().stream().map(Deployment::commit).distinct().toList();
        if (commits.size() <= target.steps) {
            refusals.add(env + " has " + commits.size() + " deployment(s) in its history: cannot undo " + target.steps);
            return Set.of();
        }
        return Set.copyOf(commits.subList(0, target.steps));
    }

    /** The images the service ran before the current one, newest first, each digest once. */
    private static List<Deployment> earlierImages(List<Deployment> newestFirst, String currentDigest) {
        Map<String, Deployment> byDigest = new LinkedHashMap<>();
        for (Deployment deployment : newestFirst) {
            if (!deployment.image().digest().equals(currentDigest)) {
                byDigest.putIfAbsent(deployment.image().digest(), deployment);
            }
        }
        return List.copyOf(byDigest.values());
    }

    /** The new kustomization and holds file for these steps on this tip. */
    private Map<String, String> files(WriteTarget writeTarget, String tip, String envFile, String holdsPath, List<Step> steps, String since) {
        String text = writeTarget.read(tip, envFile);
        Holds holds = Holds.parse(writeTarget.writer().read(tip, holdsPath), holdsPath);
        for (Step step : steps) {
            ImageEntry back = step.back().image();
            text = KustomizationImages.parse(text, envFile).withImage(new ImageEntry(step.service(), back.newName(), back.newTag(), back.digest()));
            String why = reason != null ? reason : "rolled back from " + step.now().display() + " to " + back.display();
            holds = holds.with(new Holds.Hold(step.service(), back.newTag(), why, since));
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(envFile, text);
        files.put(holdsPath, holds.text());
        return files;
    }

    private String message(List<Step> steps) {
        StringBuilder message = new StringBuilder("rollback(" + env + "): " + describe(steps) + "\n\n");
        message.append("Put ").append(env).append(" back on images it ran before and hold them there until gitops release-hold.\n");
        if (reason != null) {
            message.append("Reason: ").append(reason).append('\n');
        }
        message.append('\n').append(Ledger.ENV).append(": ").append(env).append('\n');
        for (Step step : steps) {
            message.append(Ledger.SERVICE).append(": ").append(step.service()).append('\n');
        }
        return message.toString();
    }

    private String body(WriteTarget writeTarget, String tip, List<Step> steps, Map<String, String> planned) {
        StringBuilder body = new StringBuilder("## Roll back " + env + "\n\n");
        body.append("Puts `").append(env).append("` back on images it ran before (from its deployment history on `").append(write.branch)
                .append("`). Nothing is rebuilt.").append(reason == null ? "" : " Reason: " + reason + ".").append("\n\n");
        body.append("| service | now | back to | digest | it ran since | deployed by | source commit |\n|---|---|---|---|---|---|---|\n");
        for (Step step : steps) {
            Deployment back = step.back();
            body.append("| ").append(step.service()).append(" | ").append(step.now().display()).append(" | **")
                    .append(orDash(back.image().newTag())).append("** | `").append(ImageEntry.shortDigest(back.image().digest()))
                    .append("` | ").append(back.when()).append(" | `").append(back.commit(), 0, 12).append("` ").append(back.subject())
                    .append(" | `").append(back.sourceCommit() == null ? "unknown" : back.sourceCommit().substring(0, Math.min(12, back.sourceCommit().length())))
                    .append("` |\n");
        }
        body.append("\n### Hold\n\n`envs/").append(env).append("/").append(Holds.FILE_NAME).append("` holds ")
                .append(String.join(", ", steps.stream().map(Step::service).toList()))
                .append(": `set-image` and `promote` refuse to change them in `").append(env).append("` until `gitops release-hold --env ")
                .append(env).append(" --service SERVICE` is merged.\n");
        List<CommitWriter.FileChange> changes = new ArrayList<>();
        planned.forEach((path, text) -> changes.add(new CommitWriter.FileChange(path, text)));
        List<ManifestDiff.ObjectDiff> diffs = RenderedDiff.of(writeTarget.git(), tip, writeTarget.rootPath(), env, writeTarget.envFolder(env),
                changes, Kustomize.locate());
        body.append("\n### Rendered manifests of ").append(env).append("\n\n").append(RenderedDiff.markdown(diffs));
        body.append("\n_Made by `gitops rollback --env ").append(env).append("`._\n");
        return body.toString();
    }

    private static String describe(List<Step> steps) {
        return String.join(", ", steps.stream().map(s -> s.service() + " " + s.now().display() + " -> " + s.back().image().display()).toList());
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
