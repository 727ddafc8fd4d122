package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.Git;
import dev.shop.gitops.git.Ledger;
import dev.shop.gitops.images.Holds;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.images.KustomizationImages;
import dev.shop.gitops.manifests.ManifestDiff;
import dev.shop.gitops.semver.SemVer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Command(name = "set-image", mixinStandardHelpOptions = true,
        description = {
            "Set one service's image in one env, commit and push.",
            "Only that images: entry changes; every other byte of the file stays. The",
            "commit is built on the fetched tip of --branch without touching the",
            "working tree; a push rejected because the remote moved is retried on the",
            "new tip (never a force-push). An unchanged image is a no-op: no commit.",
            "The commit message carries Gitops-* trailers that status and promote read.",
            "Refuses (exit 1) a lower version than ENV runs unless --allow-downgrade,",
            "and a service held in ENV (gitops hold, rollback) until gitops release-hold.",
            "Carries gitops-envs/base and components of --source-commit into ENV's copy",
            "(envs/ENV/shared/) unless ENV already has a newer one (ADR 0205)."})
public final class SetImageCommand extends EnvChange {

    @Mixin
    SupplyChainOptions supplyChain;

    @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "Service: a folder under base/ holding a Deployment.")
    String service;

    @Option(names = "--digest", required = true, paramLabel = "sha256:HEX", converter = ImageConverters.Digest.class,
            description = "Image digest (sha256: and 64 hex digits).")
    String digest;

    @Option(names = "--tag", paramLabel = "TAG", converter = ImageConverters.Tag.class,
            description = "Image tag, normally the output of `gitops version`.")
    String tag;

    @Option(names = "--image", paramLabel = "REPOSITORY", converter = ImageConverters.Repository.class,
            description = "Registry repository (newName), e.g. 111122223333.dkr.ecr.eu-central-1.amazonaws.com/shop/catalog.")
    String image;

    @Option(names = "--source-commit", paramLabel = "SHA",
            description = "Commit the image was built from. Default: GITHUB_SHA, else HEAD of the working directory's repository.")
    String sourceCommit;

    @Mixin
    SourceOptions sourceOptions;

    @Option(names = "--no-shared",
            description = "Set only the image; leave ENV's copy of base/ and components/ as it is (images built outside this repository).")
    boolean noShared;

    @Option(names = "--allow-downgrade", description = "Write even when ENV runs a higher version (SemVer precedence) than --tag.")
    boolean allowDowngrade;

    @Override
    public Integer call() {
        WriteTarget target = write.targetFor(service);
        String path = target.envFile(env);
        String holdsPath = target.holdsFile(env);
        String source = sourceCommit != null ? sourceCommit : defaultSourceCommit();
        ImageEntry wanted = new ImageEntry(service, image, tag, digest);
        CommitWriter writer = target.writer();
        PrintWriter out = out();
        supplyChain.verify(service, () -> image != null ? image : currentRepository(target, writer, path), digest);
        SharedCarrier shared = noShared ? null : SharedCarrier.fromBuild(target, sourceOptions.git(target.git()), source, env);

        if (write.dryRun) {
            String tip = writer.tip(write.branch);
            String before = target.read(tip, path);
            KustomizationImages images = KustomizationImages.parse(before, path);
            String after = images.withImage(wanted);
            if (!after.equals(before)) {
                refuseHeldOrOlder(writer, tip, holdsPath, images.entry(service).orElse(new ImageEntry(service, null, null, null)));
            }
            out.print(before.equals(after) ? "no change: " + service + " in " + env + " already runs " + wanted.display() + "\n"
                    : ManifestDiff.unified(path, before, after));
            return 0;
        }
        // Every check runs on each fetched tip: a newer image or a hold that landed meanwhile wins.
        CommitWriter.Outcome outcome = writer.commit(write.branch, write.branch, tip -> {
            String before = target.read(tip, path);
            KustomizationImages images = KustomizationImages.parse(before, path);
            String after = images.withImage(wanted);
            List<CommitWriter.FileChange> files = new ArrayList<>(shared == null ? List.of() : shared.changesOn(tip));
            if (after.equals(before) && files.isEmpty()) {
                return new CommitWriter.Change(List.of(), "");
            }
            ImageEntry old = images.entry(service).orElse(new ImageEntry(service, null, null, null));
            boolean sharedChanged = !files.isEmpty();
            if (!after.equals(before)) {
                refuseHeldOrOlder(writer, tip, holdsPath, old);
                files.add(new CommitWriter.FileChange(path, after));
            }
            return new CommitWriter.Change(files, message(old, old.overlay(wanted), source, sharedChanged));
        });
        if (!outcome.changed()) {
            out.println("no change: " + service + " in " + env + " already runs " + wanted.display());
        } else {
            out.println("set " + service + " in " + env + " to " + wanted.display() + ": commit " + outcome.commit().substring(0, 12)
                    + (write.noPush ? " on local " + write.branch : " pushed to " + write.remote + "/" + write.branch)
                    + (outcome.attempts() > 1 ? " after " + outcome.attempts() + " attempts" : ""));
        }
        return 0;
    }

    /** A held service, or a lower version than the env runs, is refused (exit 1) unless --allow-downgrade. */
    private void refuseHeldOrOlder(CommitWriter writer, String tip, String holdsPath, ImageEntry old) {
        Holds.parse(writer.read(tip, holdsPath), holdsPath).of(service).ifPresent(hold -> {
            throw CliException.findings(Holds.refusal(env, hold));
        });
        Optional<SemVer> running = SemVer.parse(old.newTag());
        Optional<SemVer> next = SemVer.parse(tag);
        if (!allowDowngrade && running.isPresent() && next.isPresent() && next.get().compareTo(running.get()) < 0) {
            throw CliException.findings("downgrade of " + service + " in " + env + " from " + old.newTag() + " to " + tag
                    + " refused: " + env + " already runs a newer build (pass --allow-downgrade to write it anyway)");
        }
    }

    private String message(ImageEntry old, ImageEntry next, String source, boolean sharedChanged) {
        String oldVersion = old.newTag() == null ? "(none)" : old.newTag();
        String newVersion = next.newTag() == null ? "(untagged)" : next.newTag();
        return "deploy(" + env + "): " + service + " " + oldVersion + " -> " + newVersion + (sharedChanged ? ", shared manifests" : "") + "\n\n"
                + "Set the image of " + service + " in " + env + ":\n"
                + "  old: " + old.display() + "\n"
                + "  new: " + next.display() + "\n"
                + "Built from source commit " + source + (sharedChanged ? "; " + env + "'s copy of base/ and components/ is now that commit's" : "")
                + ".\n\n"
                + Ledger.ENV + ": " + env + "\n"
                + Ledger.SERVICE + ": " + service + "\n"
                + (next.newTag() == null ? "" : Ledger.VERSION + ": " + next.newTag() + "\n")
                + Ledger.DIGEST + ": " + next.digest() + "\n"
                + Ledger.SOURCE_COMMIT + ": " + source + "\n";
    }

    /** The newName the env's images: entry of the service has now, which an unchanged --image keeps. */
    private String currentRepository(WriteTarget target, CommitWriter writer, String path) {
        return KustomizationImages.parse(target.read(writer.tip(write.branch), path), path).entry(service)
                .map(ImageEntry::newName).orElse(null);
    }

    static String defaultSourceCommit() {
        String sha = System.getenv("GITHUB_SHA");
        if (sha != null && !sha.isBlank()) {
            return sha;
        }
        Path top = Git.topLevel(Path.of(""));
        String head = top == null ? null : new Git(top).resolve("HEAD");
        return head == null ? "unknown" : head;
    }
}
