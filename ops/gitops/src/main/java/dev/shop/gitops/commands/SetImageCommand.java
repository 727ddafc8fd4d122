package dev.shop.gitops.commands;

import dev.shop.gitops.CliException;
import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.Git;
import dev.shop.gitops.git.Ledger;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.images.KustomizationImages;
import dev.shop.gitops.layout.GitopsLayout;
import dev.shop.gitops.manifests.ManifestDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "set-image", mixinStandardHelpOptions = true,
        description = {
            "Set one service's image in one env, commit and push.",
            "Only that images: entry changes; every other byte of the file stays. The",
            "commit is built on the fetched tip of --branch without touching the",
            "working tree; a push rejected because the remote moved is retried on the",
            "new tip (never a force-push). An unchanged image is a no-op: no commit.",
            "The commit message carries Gitops-* trailers that status and promote read."})
public final class SetImageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LayoutOptions layoutOptions;

    @Mixin
    WriteOptions write;

    @Mixin
    SupplyChainOptions supplyChain;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "Environment: a folder under envs/.")
    String env;

    @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "Service: a folder under base/ holding a Deployment.")
    String service;

    @Option(names = "--digest", required = true, paramLabel = "sha256:HEX", description = "Image digest (sha256: and 64 hex digits).")
    String digest;

    @Option(names = "--tag", paramLabel = "TAG", description = "Image tag, normally the output of `gitops version`.")
    String tag;

    @Option(names = "--image", paramLabel = "REPOSITORY", description = "Registry repository (newName), e.g. 111122223333.dkr.ecr.eu-central-1.amazonaws.com/shop/catalog.")
    String image;

    @Option(names = "--source-commit", paramLabel = "SHA",
            description = "Commit the image was built from. Default: GITHUB_SHA, else HEAD of the working directory's repository.")
    String sourceCommit;

    @Override
    public Integer call() {
        if (!ImageEntry.DIGEST.matcher(digest).matches()) {
            throw CliException.usage("bad digest '" + digest + "': expected sha256: followed by 64 lowercase hex digits");
        }
        if (tag != null && !ImageEntry.TAG.matcher(tag).matches()) {
            throw CliException.usage("bad tag '" + tag + "': an image tag is [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
        }
        if (image != null && !image.matches("[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)*")) {
            throw CliException.usage("bad image repository '" + image + "'");
        }
        GitopsLayout layout = layoutOptions.layout(write.repo);
        Path envFile = layout.envKustomization(env);
        layout.requireService(service);
        Path repo = write.repo != null ? write.repo : LayoutOptions.repositoryOf(layout);
        if (Git.topLevel(repo) == null) {
            throw CliException.usage(repo + " is not a git repository");
        }
        String path = LayoutOptions.repoPath(repo, envFile);
        Git git = new Git(repo);
        String source = sourceCommit != null ? sourceCommit : defaultSourceCommit();
        ImageEntry wanted = new ImageEntry(service, image, tag, digest);
        CommitWriter writer = write.writer(git);
        PrintWriter out = spec.commandLine().getOut();
        supplyChain.verify(service, () -> image != null ? image : currentRepository(writer, path), digest);

        if (write.dryRun) {
            String tip = writer.tip(write.branch);
            String before = requireFile(writer, tip, path);
            String after = KustomizationImages.parse(before, path).withImage(wanted);
            out.print(before.equals(after) ? "no change: " + service + " in " + env + " already runs " + wanted.display() + "\n"
                    : ManifestDiff.unified(path, before, after));
            return 0;
        }
        CommitWriter.Outcome outcome = writer.commit(write.branch, write.branch, tip -> {
            String before = requireFile(writer, tip, path);
            KustomizationImages images = KustomizationImages.parse(before, path);
            String after = images.withImage(wanted);
            if (after.equals(before)) {
                return new CommitWriter.Change(List.of(), "");
            }
            ImageEntry old = images.entry(service).orElse(new ImageEntry(service, null, null, null));
            return new CommitWriter.Change(List.of(new CommitWriter.FileChange(path, after)),
                    message(old, old.overlay(wanted), source));
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

    private String message(ImageEntry old, ImageEntry next, String source) {
        String oldVersion = old.newTag() == null ? "(none)" : old.newTag();
        String newVersion = next.newTag() == null ? "(untagged)" : next.newTag();
        return "deploy(" + env + "): " + service + " " + oldVersion + " -> " + newVersion + "\n\n"
                + "Set the image of " + service + " in " + env + ":\n"
                + "  old: " + old.display() + "\n"
                + "  new: " + next.display() + "\n"
                + "Built from source commit " + source + ".\n\n"
                + Ledger.ENV + ": " + env + "\n"
                + Ledger.SERVICE + ": " + service + "\n"
                + (next.newTag() == null ? "" : Ledger.VERSION + ": " + next.newTag() + "\n")
                + Ledger.DIGEST + ": " + next.digest() + "\n"
                + Ledger.SOURCE_COMMIT + ": " + source + "\n";
    }

    private String requireFile(CommitWriter writer, String tip, String path) {
        String text = writer.read(tip, path);
        if (text == null) {
            throw CliException.usage(path + " does not exist on " + write.branch + " at " + tip.substring(0, 12));
        }
        return text;
    }

    /** The newName the env's images: entry of the service has now, which an unchanged --image keeps. */
    private String currentRepository(CommitWriter writer, String path) {
        return KustomizationImages.parse(requireFile(writer, writer.tip(write.branch), path), path).entry(service)
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
