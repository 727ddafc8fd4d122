package dev.shop.gitops.commands;

import dev.shop.gitops.CliException;
import dev.shop.gitops.ExitCodes;
import dev.shop.gitops.git.CommitWriter;
import dev.shop.gitops.git.Git;
import dev.shop.gitops.git.Ledger;
import dev.shop.gitops.git.TreeExport;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.images.KustomizationImages;
import dev.shop.gitops.kustomize.Kustomize;
import dev.shop.gitops.layout.GitopsLayout;
import dev.shop.gitops.manifests.ManifestDiff;
import dev.shop.gitops.manifests.Manifests;
import dev.shop.gitops.semver.SemVer;
import dev.shop.supplychain.sbom.PromotionDependencies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {
            "Promote env A's images to env B on a new branch, with a PR body.",
            "Copies A's digests and tags into B (all services or the named ones) in one",
            "commit on branch promote/B-from-A-<time>-<hash>, and writes a Markdown",
            "pull-request body: per service old -> new version and digest, the source",
            "commits between them, and a summary of the rendered manifest diff.",
            "Refuses an image A does not run, and a downgrade unless --allow-downgrade.",
            "Then: gh pr create --head BRANCH --body-file FILE"})
public final class PromoteCommand implements Callable<Integer> {

    private static final int MAX_COMMITS_LISTED = 50;
    private static final int MAX_PATCH_CHARS = 40_000;

    @Spec
    CommandSpec spec;

    @Mixin
    LayoutOptions layoutOptions;

    @Mixin
    WriteOptions write;

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

    @Option(names = "--pr-body", paramLabel = "FILE", description = "Write the pull-request body here ('-' for stdout). Default: stdout.")
    Path prBody;

    @Option(names = "--branch-file", paramLabel = "FILE",
            description = "Write the promotion branch's name here, for the workflow that opens the pull request (empty when there is nothing to promote).")
    Path branchFile;

    @Option(names = "--source-repo", paramLabel = "DIR",
            description = "Repository of the services' source, for the commit lists. Default: the working directory's repository, else --repo.")
    Path sourceRepo;

    /** One service's move from B's current image to A's. */
    record Move(String service, ImageEntry old, ImageEntry next) {
    }

    @Override
    public Integer call() throws IOException {
        if (from.equals(to)) {
            throw CliException.usage("--from and --to name the same env: " + from);
        }
        GitopsLayout layout = layoutOptions.layout(write.repo);
        Path fromFile = layout.envKustomization(from);
        Path toFile = layout.envKustomization(to);
        List<String> selected = services == null || services.isEmpty() ? layout.services() : services;
        selected.forEach(layout::requireService);
        Path repo = write.repo != null ? write.repo : LayoutOptions.repositoryOf(layout);
        Git git = new Git(repo);
        String fromPath = LayoutOptions.repoPath(repo, fromFile);
        String toPath = LayoutOptions.repoPath(repo, toFile);
        String rootPath = LayoutOptions.repoPath(repo, layout.root());
        CommitWriter writer = write.writer(git);
        Kustomize kustomize = Kustomize.locate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        String tip = writer.tip(write.branch);
        KustomizationImages source = KustomizationImages.parse(read(writer, tip, fromPath), fromPath);
        String targetText = read(writer, tip, toPath);
        KustomizationImages target = KustomizationImages.parse(targetText, toPath);
        List<Move> moves = plan(source, target, selected);
        moves.forEach(move -> supplyChain.verify(move.service(), () -> move.next().newName(), move.next().digest()));
        if (moves.isEmpty()) {
            out.println("nothing to promote: " + to + " already runs " + from + "'s images of " + String.join(", ", selected));
            if (branchFile != null && !write.dryRun) {
                writeAtomically(branchFile, "");
            }
            return ExitCodes.OK;
        }
        String promoted = targetText;
        for (Move move : moves) {
            promoted = KustomizationImages.parse(promoted, toPath).withImage(move.next());
        }
        String branchName = branchName(promoted);
        String body = prBody(git, tip, rootPath, toPath, targetText, promoted, moves, kustomize);

        if (write.dryRun) {
            out.print(ManifestDiff.unified(toPath, targetText, promoted));
            out.println();
            out.print(body);
            return ExitCodes.OK;
        }
        String finalText = promoted;
        CommitWriter.Outcome outcome = writer.commit(write.branch, branchName, ignored -> new CommitWriter.Change(
                List.of(new CommitWriter.FileChange(toPath, finalText)), message(moves)));
        if (!outcome.base().equals(tip)) {
            // The branch moved between planning and committing; the body would describe another base.
            throw CliException.environment(write.branch + " moved while promoting; run again");
        }
        writeBody(body, out);
        if (branchFile != null) {
            writeAtomically(branchFile, branchName + "\n");
        }
        err.println("promoted " + moves.size() + " service(s) from " + from + " to " + to + " on branch " + branchName
                + " (commit " + outcome.commit().substring(0, 12) + (write.noPush ? ", local only)" : ", pushed to " + write.remote + ")"));
        return ExitCodes.OK;
    }

    private List<Move> plan(KustomizationImages source, KustomizationImages target, List<String> selected) {
        List<Move> moves = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (String service : selected) {
            Optional<ImageEntry> next = source.entry(service);
            if (next.isEmpty() || next.get().digest() == null) {
                refusals.add(from + " does not run " + service + " (no images: entry with a digest)");
                continue;
            }
            ImageEntry old = target.entry(service).orElse(new ImageEntry(service, null, null, null));
            ImageEntry copied = new ImageEntry(service, next.get().newName(), next.get().newTag(), next.get().digest());
            if (old.overlay(copied).equals(old)) {
                continue;
            }
            Optional<SemVer> newVersion = SemVer.parse(copied.newTag());
            Optional<SemVer> oldVersion = SemVer.parse(old.newTag());
            if (!allowDowngrade && newVersion.isPresent() && oldVersion.isPresent() && newVersion.get().compareTo(oldVersion.get()) < 0) {
                refusals.add("downgrade of " + service + " in " + to + " from " + old.newTag() + " to " + copied.newTag()
                        + " refused (pass --allow-downgrade to roll back on purpose)");
                continue;
            }
            moves.add(new Move(service, old, old.overlay(copied)));
        }
        if (!refusals.isEmpty()) {
            throw CliException.refusal(String.join("; ", refusals));
        }
        return moves;
    }

    private String message(List<Move> moves) {
        StringBuilder message = new StringBuilder("promote(" + to + "): ");
        List<String> parts = new ArrayList<>();
        for (Move move : moves) {
            parts.add(move.service() + " " + orNone(move.old().newTag()) + " -> " + orNone(move.next().newTag()));
        }
        message.append(String.join(", ", parts)).append("\n\nPromote the images " + from + " runs to " + to + ".\n\n");
        message.append(Ledger.ENV).append(": ").append(to).append('\n');
        message.append(Ledger.PROMOTED_FROM).append(": ").append(from).append('\n');
        for (Move move : moves) {
            message.append(Ledger.SERVICE).append(": ").append(move.service()).append('\n');
        }
        return message.toString();
    }

    private String prBody(Git git, String tip, String rootPath, String toPath, String before, String after,
                          List<Move> moves, Kustomize kustomize) throws IOException {
        Ledger ledger = Ledger.read(git, rootPath + "/envs");
        Git sources = sourceGit(git);
        StringBuilder body = new StringBuilder();
        body.append("## Promote ").append(from).append(" → ").append(to).append("\n\n");
        body.append("Copies the image digests that `").append(from).append("` runs into `").append(toPath)
                .append("`. Nothing is rebuilt: `").append(to).append("` will run the exact images `").append(from).append("` tested.\n\n");
        body.append("| service | version | digest |\n|---|---|---|\n");
        for (Move move : moves) {
            body.append("| ").append(move.service()).append(" | ").append(orNone(move.old().newTag())).append(" → **")
                    .append(orNone(move.next().newTag())).append("** | `").append(ImageEntry.shortDigest(move.old().digest()))
                    .append("` → `").append(ImageEntry.shortDigest(move.next().digest())).append("` |\n");
        }
        body.append("\n### Commits\n");
        for (Move move : moves) {
            body.append("\n**").append(move.service()).append("**");
            String oldSource = ledger.sourceCommit(move.old().digest());
            String newSource = ledger.sourceCommit(move.next().digest());
            body.append(commitList(sources, move.service(), oldSource, newSource));
        }
        body.append(dependencies(moves));
        body.append("\n### Rendered manifests of ").append(to).append("\n\n");
        List<ManifestDiff.ObjectDiff> diffs = renderedDiff(git, tip, rootPath, toPath, before, after, kustomize);
        if (diffs.isEmpty()) {
            body.append("No rendered object changes.\n");
        } else {
            body.append("| object | change | lines |\n|---|---|---|\n");
            for (ManifestDiff.ObjectDiff diff : diffs) {
                body.append("| ").append(diff.object()).append(" | ").append(diff.status()).append(" | +")
                        .append(diff.added()).append(" −").append(diff.removed()).append(" |\n");
            }
            StringBuilder patch = new StringBuilder();
            diffs.forEach(d -> patch.append(d.patch()));
            String text = patch.length() > MAX_PATCH_CHARS ? patch.substring(0, MAX_PATCH_CHARS) + "\n… (cut; run gitops diff)\n" : patch.toString();
            body.append("\n<details><summary>Full rendered diff</summary>\n\n```diff\n").append(text).append("```\n\n</details>\n");
        }
        body.append("\n_Made by `gitops promote --from ").append(from).append(" --to ").append(to).append("`._\n");
        return body.toString();
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

    private String commitList(Git sources, String service, String oldSource, String newSource) {
        if (newSource == null) {
            return ": source commit of the new image unknown (no write-back record with its digest).\n";
        }
        if (oldSource == null) {
            return ": built from `" + shortSha(newSource) + "`; the previous image's source commit is unknown.\n";
        }
        if (sources == null || sources.resolve(oldSource) == null || sources.resolve(newSource) == null) {
            return ": `" + shortSha(oldSource) + "..." + shortSha(newSource) + "` (commits not available in this checkout).\n";
        }
        List<String> args = new ArrayList<>(List.of("log", "--no-merges", "--format=- %h %s (%an)", "-n", String.valueOf(MAX_COMMITS_LISTED + 1),
                oldSource + ".." + newSource));
        String servicePath = "app/" + service;
        if (sources.exec("cat-file", "-e", newSource + ":" + servicePath).ok()) {
            args.add("--");
            args.add(servicePath);
        }
        List<String> lines = sources.run(args.toArray(String[]::new)).lines().toList();
        StringBuilder text = new StringBuilder(": `" + shortSha(oldSource) + "..." + shortSha(newSource) + "`\n\n");
        if (lines.isEmpty()) {
            text.append("- no commits between them").append(args.contains("--") ? " under " + servicePath : "").append('\n');
        }
        lines.stream().limit(MAX_COMMITS_LISTED).forEach(line -> text.append(line).append('\n'));
        if (lines.size() > MAX_COMMITS_LISTED) {
            text.append("- … more\n");
        }
        return text.toString();
    }

    /** Renders B as committed at tip and as promoted, from an exported copy of the tree. */
    private List<ManifestDiff.ObjectDiff> renderedDiff(Git git, String tip, String rootPath, String toPath, String before,
                                                       String after, Kustomize kustomize) throws IOException {
        Path scratch = Files.createTempDirectory("gitops-promote");
        try {
            Path tree = scratch.resolve("tree");
            TreeExport.export(git, tip, rootPath, tree, scratch.resolve("index"));
            Path envFolder = Path.of(toPath).getParent();
            Path envDir = envFolder == null ? tree : tree.resolve(envFolder);
            List<ObjectNode> old = render(kustomize, envDir, "before");
            Files.writeString(tree.resolve(toPath), after, StandardCharsets.UTF_8);
            List<ObjectNode> promoted = render(kustomize, envDir, "after");
            return ManifestDiff.compare(old, promoted, to + "-now", to + "-promoted");
        } finally {
            ManifestDiff.deleteTree(scratch);
        }
    }

    private List<ObjectNode> render(Kustomize kustomize, Path envDir, String which) {
        try {
            return Manifests.parseAll(kustomize.build(envDir), "rendered " + to + " (" + which + ")");
        } catch (Kustomize.RenderException e) {
            throw CliException.usage("env " + to + " does not render (" + which + " the promotion): " + e.getMessage());
        }
    }

    private Git sourceGit(Git gitopsRepo) {
        if (sourceRepo != null) {
            Path top = Git.topLevel(sourceRepo);
            if (top == null) {
                throw CliException.usage("--source-repo " + sourceRepo + " is not a git repository");
            }
            return new Git(top);
        }
        Path here = Git.topLevel(Path.of(""));
        return here != null ? new Git(here) : gitopsRepo;
    }

    private void writeBody(String body, PrintWriter out) throws IOException {
        if (prBody == null || prBody.toString().equals("-")) {
            out.print(body);
            return;
        }
        writeAtomically(prBody, body);
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            throw CliException.usage(file + " is a root folder, not a file to write");
        }
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".gitops", ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** promote/prod-from-staging-20261126-143000-1a2b3c4: readable, and unique by time and content. */
    private String branchName(String promotedText) {
        String time = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(promotedText.getBytes(StandardCharsets.UTF_8));
            return "promote/" + to + "-from-" + from + "-" + time + "-" + HexFormat.of().formatHex(hash).substring(0, 7);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(CommitWriter writer, String tip, String path) {
        String text = writer.read(tip, path);
        if (text == null) {
            throw CliException.usage(path + " does not exist at " + tip.substring(0, 12));
        }
        return text;
    }

    private static String orNone(String text) {
        return text == null ? "(none)" : text;
    }

    private static String shortSha(String sha) {
        return sha.substring(0, Math.min(12, sha.length()));
    }
}
