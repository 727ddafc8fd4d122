package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.cli.CliFiles;
import dev.shop.cli.ExitCodes;
import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.Ledger;
import dev.shop.gitops.images.Holds;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.images.KustomizationImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/** gitops hold and gitops release-hold: the two named ways to put and lift a hold (envs/ENV/holds.yaml). */
public final class HoldCommands {

    private HoldCommands() {
    }

    /** Options and the commit both verbs share. */
    abstract static class HoldChange extends EnvChange {

        @Mixin
        ReviewOptions review;

        @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "Service.")
        String service;

        /** The holds after this verb, given the holds and the service's image on a tip; null when nothing changes. */
        abstract Holds next(Holds holds, ImageEntry running);

        abstract String verb();

        @Override
        public Integer call() {
            WriteTarget target = write.targetFor(service);
            String envFile = target.envFile(env);
            String holdsPath = target.holdsFile(env);
            Function<String, Holds> onTip = tip -> {
                ImageEntry running = KustomizationImages.parse(target.read(tip, envFile), envFile).entry(service)
                        .orElse(new ImageEntry(service, null, null, null));
                return next(Holds.parse(target.writer().read(tip, holdsPath), holdsPath), running);
            };
            String tip = target.writer().tip(write.branch);
            Holds planned = onTip.apply(tip);
            if (planned == null) {
                out().println("no change: " + service + " in " + env + (verb().equals("hold") ? " is already held" : " is not held"));
                if (review.pullRequest.branchFile != null && !write.dryRun) {
                    CliFiles.writeAtomically(review.pullRequest.branchFile, "");
                }
                return ExitCodes.OK;
            }
            String subject = verb() + "(" + env + "): " + service;
            if (write.dryRun) {
                out().print(planned.text() == null ? "remove " + holdsPath + "\n" : planned.text());
                return ExitCodes.OK;
            }
            Proposals.Landed landed = Proposals.land(target, write, review, verb() + "/" + env + "-" + service, subject, fetched -> {
                Holds next = onTip.apply(fetched);
                if (next == null) {
                    return new CommitWriter.Change(List.of(), "");
                }
                return new CommitWriter.Change(List.of(new CommitWriter.FileChange(holdsPath, next.text())),
                        subject + "\n\n" + describe() + "\n\n" + Ledger.ENV + ": " + env + "\n" + Ledger.SERVICE + ": " + service + "\n");
            });
            CliFiles.writeOrPrint(review.pullRequest.prBody, "## " + subject + "\n\n" + describe() + "\n\n_Made by `gitops " + verb() + "`._\n",
                    out());
            err().println(subject + " on " + (review.direct ? write.branch : "branch " + landed.branch())
                    + (landed.outcome().changed() ? " (commit " + landed.outcome().commit().substring(0, 12) + ")" : " (nothing to commit)"));
            return ExitCodes.OK;
        }

        abstract String describe();
    }

    @Command(name = "hold", mixinStandardHelpOptions = true,
            description = {
                "Hold one service of one env at the image it runs now.",
                "set-image and promote refuse to change a held service (exit 1) until",
                "gitops release-hold lifts the hold. rollback holds what it rolls back."})
    public static final class Hold extends HoldChange {

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (shown in every refusal).")
        String reason;

        @Override
        Holds next(Holds holds, ImageEntry running) {
            if (running.digest() == null) {
                throw CliException.usage(env + " does not run " + service + ": nothing to hold");
            }
            if (holds.of(service).isPresent()) {
                return null;
            }
            return holds.with(new Holds.Hold(service, running.newTag(), reason, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        }

        @Override
        String verb() {
            return "hold";
        }

        @Override
        String describe() {
            return "Hold " + service + " in " + env + " at what it runs now: " + reason + ".";
        }
    }

    @Command(name = "release-hold", mixinStandardHelpOptions = true,
            description = {
                "Lift the hold on one service of one env.",
                "After it lands, set-image and promote change the service again: the",
                "next build or promotion replaces the rolled-back image."})
    public static final class ReleaseHold extends HoldChange {

        @Override
        Holds next(Holds holds, ImageEntry running) {
            return holds.of(service).isPresent() ? holds.without(service) : null;
        }

        @Override
        String verb() {
            return "release-hold";
        }

        @Override
        String describe() {
            return "Lift the hold on " + service + " in " + env + ": automation may change it again.";
        }
    }
}
