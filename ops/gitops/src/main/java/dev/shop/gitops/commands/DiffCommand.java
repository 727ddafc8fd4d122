package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.cli.Verb;
import dev.shop.gitops.images.ImageEntry;
import dev.shop.gitops.images.KustomizationImages;
import dev.shop.gitops.kustomize.Kustomize;
import dev.shop.gitops.layout.GitopsLayout;
import dev.shop.gitops.manifests.ManifestDiff;
import dev.shop.gitops.manifests.Manifests;
import dev.shop.gitops.shared.SharedManifests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {
            "Show what differs between two envs.",
            "First the version of each service and the origin of each env's copy of",
            "the shared manifests, then a unified diff of the rendered",
            "manifests (kustomize build), object by object; namespaces are left out."})
public final class DiffCommand extends Verb {

    @Mixin
    LayoutOptions layoutOptions;

    @Parameters(index = "0", paramLabel = "A", description = "The env to compare from.")
    String from;

    @Parameters(index = "1", paramLabel = "B", description = "The env to compare to.")
    String to;

    @Override
    public Integer call() throws IOException {
        GitopsLayout layout = layoutOptions.layout();
        Path fromFile = layout.envKustomization(from);
        Path toFile = layout.envKustomization(to);
        Kustomize kustomize = Kustomize.locate();
        Map<String, ImageEntry> fromImages = images(fromFile);
        Map<String, ImageEntry> toImages = images(toFile);
        PrintWriter out = out();
        out.println("Versions (" + from + " -> " + to + "):");
        for (String service : layout.services()) {
            ImageEntry a = fromImages.get(service);
            ImageEntry b = toImages.get(service);
            String left = a == null ? "-" : a.display();
            String right = b == null ? "-" : b.display();
            out.printf("  %-12s %-32s %s %s%n", service, left, left.equals(right) ? "==" : "->", right);
        }
        out.printf("  %-12s %-32s %s %s%n", "shared", sharedOrigin(layout, from), sharedOrigin(layout, from).equals(sharedOrigin(layout, to)) ? "==" : "->",
                sharedOrigin(layout, to));
        List<ManifestDiff.ObjectDiff> diffs = ManifestDiff.compare(render(kustomize, layout, from), render(kustomize, layout, to), from, to);
        out.println();
        out.println("Rendered manifests: " + (diffs.isEmpty() ? "identical apart from the namespace" : diffs.size() + " object(s) differ"));
        for (ManifestDiff.ObjectDiff diff : diffs) {
            out.println();
            out.println("## " + diff.object() + " (" + diff.status() + ", +" + diff.added() + " -" + diff.removed() + ")");
            out.print(diff.patch());
        }
        return 0;
    }

    /** "base@0123456789ab": which commit's base/ and components/ the env's copy holds. */
    private static String sharedOrigin(GitopsLayout layout, String env) throws IOException {
        Path origin = layout.envDir(env).resolve(SharedManifests.FOLDER).resolve(SharedManifests.ORIGIN_FILE);
        String commit = Files.isRegularFile(origin) ? SharedManifests.originCommit(Files.readString(origin, StandardCharsets.UTF_8)) : null;
        return commit == null ? "-" : "base@" + commit.substring(0, Math.min(12, commit.length()));
    }

    private static Map<String, ImageEntry> images(Path file) throws IOException {
        return KustomizationImages.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()).entries();
    }

    static List<tools.jackson.databind.node.ObjectNode> render(Kustomize kustomize, GitopsLayout layout, String env) {
        try {
            return Manifests.parseAll(kustomize.build(layout.envDir(env)), "rendered env " + env);
        } catch (Kustomize.RenderException e) {
            throw CliException.usage("env " + env + " does not render: " + e.getMessage());
        }
    }
}
