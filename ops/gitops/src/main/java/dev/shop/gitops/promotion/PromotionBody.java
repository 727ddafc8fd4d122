package dev.shop.gitops.promotion;

import dev.shop.gitops.git.Git;
import dev.shop.gitops.git.Ledger;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.manifests.ManifestDiff;
import dev.shop.gitops.shared.SharedManifests;

import java.util.ArrayList;
import java.util.List;

/** The Markdown pull-request body of a promotion: versions and digests, source commits, shared manifests, rendered diff. */
public final class PromotionBody {

    private static final int MAX_COMMITS_LISTED = 50;

    private PromotionBody() {
    }

    /** dependencies: the supply-chain section (empty without --sbom-diff), placed after the commits. */
    public static String render(PromotionPlan plan, Ledger ledger, Git sources, String fromOrigin, String toOrigin,
                                String dependencies, List<ManifestDiff.ObjectDiff> diffs) {
        String from = plan.from();
        String to = plan.to();
        StringBuilder body = new StringBuilder();
        body.append("## Promote ").append(from).append(" → ").append(to).append("\n\n");
        body.append("Copies the image digests that `").append(from).append("` runs into `").append(plan.targetPath())
                .append("`. Nothing is rebuilt: `").append(to).append("` will run the exact images `").append(from).append("` tested.\n\n");
        if (plan.moves().isEmpty()) {
            body.append("No image changes.\n");
        } else {
            body.append("| service | version | digest |\n|---|---|---|\n");
            for (Move move : plan.moves()) {
                body.append("| ").append(move.service()).append(" | ").append(orNone(move.old().newTag())).append(" → **")
                        .append(orNone(move.next().newTag())).append("** | `").append(ImageEntry.shortDigest(move.old().digest()))
                        .append("` → `").append(ImageEntry.shortDigest(move.next().digest())).append("` |\n");
            }
        }
        body.append("\n### Shared manifests (base, components)\n\n");
        if (plan.sharedChanges().isEmpty()) {
            body.append("`").append(to).append("` already has `").append(from).append("`'s copy (from `").append(shortSha(fromOrigin)).append("`).\n");
        } else {
            body.append("`").append(to).append("`'s copy moves from `").append(shortSha(toOrigin)).append("` to `").append(shortSha(fromOrigin))
                    .append("` (").append(plan.sharedChanges().size()).append(" file(s) under `").append(SharedManifests.FOLDER).append("/`).\n");
        }
        if (!plan.moves().isEmpty()) {
            body.append("\n### Commits\n");
            for (Move move : plan.moves()) {
                body.append("\n**").append(move.service()).append("**");
                body.append(commitList(sources, move.service(), ledger.sourceCommit(move.old().digest()), ledger.sourceCommit(move.next().digest())));
            }
        }
        body.append(dependencies);
        body.append("\n### Rendered manifests of ").append(to).append("\n\n").append(RenderedDiff.markdown(diffs));
        body.append("\n_Made by `gitops promote --from ").append(from).append(" --to ").append(to).append("`._\n");
        return body.toString();
    }

    /** The promotion commit's message: subject, what moved, and the trailers status and rollback read. */
    public static String commitMessage(PromotionPlan plan) {
        List<String> parts = new ArrayList<>();
        for (Move move : plan.moves()) {
            parts.add(move.service() + " " + orNone(move.old().newTag()) + " -> " + orNone(move.next().newTag()));
        }
        if (!plan.sharedChanges().isEmpty()) {
            parts.add("shared manifests");
        }
        StringBuilder message = new StringBuilder("promote(" + plan.to() + "): " + String.join(", ", parts));
        message.append("\n\nPromote the images and the shared manifests " + plan.from() + " runs to " + plan.to() + ".\n\n");
        message.append(Ledger.ENV).append(": ").append(plan.to()).append('\n');
        message.append(Ledger.PROMOTED_FROM).append(": ").append(plan.from()).append('\n');
        for (Move move : plan.moves()) {
            message.append(Ledger.SERVICE).append(": ").append(move.service()).append('\n');
        }
        return message.toString();
    }

    private static String commitList(Git sources, String service, String oldSource, String newSource) {
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

    static String orNone(String text) {
        return text == null ? "(none)" : text;
    }

    static String shortSha(String sha) {
        return sha == null ? "(unknown)" : sha.substring(0, Math.min(12, sha.length()));
    }
}
