package dev.shop.gitops.promotion;

import dev.shop.cli.CliException;
import dev.shop.gitops.git.CommitWriter.FileChange;
import dev.shop.gitops.git.Git;
import dev.shop.gitops.git.TreeExport;
import dev.shop.gitops.kustomize.Kustomize;
import dev.shop.gitops.manifests.ManifestDiff;
import dev.shop.gitops.manifests.Manifests;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An env rendered as committed at a tip and with a change applied, compared object by object. */
public final class RenderedDiff {

    private static final int MAX_PATCH_CHARS = 40_000;

    private RenderedDiff() {
    }

    /** Renders envFolder from the tip's tree exported to a temp folder, before and after the changes. */
    public static List<ManifestDiff.ObjectDiff> of(Git git, String tip, String rootPath, String env, String envFolder,
                                                   List<FileChange> changes, Kustomize kustomize) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("gitops-render");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path tree = scratch.resolve("tree");
            TreeExport.export(git, tip, rootPath, tree, scratch.resolve("index"));
            Path envDir = tree.resolve(envFolder);
            List<ObjectNode> before = render(kustomize, envDir, env, "before");
            for (FileChange change : changes) {
                Path file = tree.resolve(change.path());
                if (change.content() == null) {
                    Files.deleteIfExists(file);
                } else {
                    Path folder = file.getParent();
                    if (folder != null) {
                        Files.createDirectories(folder);
                    }
                    Files.writeString(file, change.content(), StandardCharsets.UTF_8);
                }
            }
            List<ObjectNode> after = render(kustomize, envDir, env, "after");
            return ManifestDiff.compare(before, after, env + "-now", env + "-next");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ManifestDiff.deleteTree(scratch);
        }
    }

    /** A Markdown section: a table of the objects that change and the collapsed full diff. */
    public static String markdown(List<ManifestDiff.ObjectDiff> diffs) {
        if (diffs.isEmpty()) {
            return "No rendered object changes.\n";
        }
        StringBuilder body = new StringBuilder("| object | change | lines |\n|---|---|---|\n");
        for (ManifestDiff.ObjectDiff diff : diffs) {
            body.append("| ").append(diff.object()).append(" | ").append(diff.status()).append(" | +")
                    .append(diff.added()).append(" −").append(diff.removed()).append(" |\n");
        }
        StringBuilder patch = new StringBuilder();
        diffs.forEach(d -> patch.append(d.patch()));
        String text = patch.length() > MAX_PATCH_CHARS ? patch.substring(0, MAX_PATCH_CHARS) + "\n… (cut; run gitops diff)\n" : patch.toString();
        return body.append("\n<details><summary>Full rendered diff</summary>\n\n```diff\n").append(text).append("```\n\n</details>\n").toString();
    }

    private static List<ObjectNode> render(Kustomize kustomize, Path envDir, String env, String which) {
        try {
            return Manifests.parseAll(kustomize.build(envDir), "rendered " + env + " (" + which + ")");
        } catch (Kustomize.RenderException e) {
            throw CliException.usage("env " + env + " does not render (" + which + " the change): " + e.getMessage());
        }
    }
}
