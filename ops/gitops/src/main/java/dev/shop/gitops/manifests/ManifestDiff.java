package dev.shop.gitops.manifests;

import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;
import dev.shop.gitops.git.Git;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Per-object unified diffs of two renders, computed by {@code git diff --no-index}. Namespaces
 * are left out so that two environments compare object by object.
 */
public final class ManifestDiff {

    /** One object's difference: added, removed or changed, with line counts and its unified diff. */
    public record ObjectDiff(String object, String status, int added, int removed, String patch) {
    }

    private ManifestDiff() {
    }

    public static List<ObjectDiff> compare(List<ObjectNode> left, List<ObjectNode> right, String leftLabel, String rightLabel) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("gitops-diff");
            write(scratch.resolve(leftLabel), left);
            write(scratch.resolve(rightLabel), right);
            ProcessRunner.Result diff = new Git(scratch).exec("diff", "--no-index", "--no-color", "--no-prefix", "-U3", leftLabel, rightLabel);
            if (diff.exitCode() > 1) {
                throw dev.shop.cli.CliException.environment("git diff failed: " + diff.firstErrorLine());
            }
            return parse(diff.stdout(), leftLabel, rightLabel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(scratch);
        }
    }

    /** Unified diff of two texts, labelled by path (for set-image --dry-run and promote). */
    public static String unified(String path, String before, String after) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("gitops-diff");
            writeUnder(scratch.resolve("a"), path, before);
            writeUnder(scratch.resolve("b"), path, after);
            return new Git(scratch).exec("diff", "--no-index", "--no-color", "--no-prefix", "a/" + path, "b/" + path).stdout();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(scratch);
        }
    }

    /** Writes {@code text} to {@code dir/path}, creating the folders on the way. */
    private static void writeUnder(Path dir, String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Path folder = file.getParent();
        Files.createDirectories(folder == null ? dir : folder);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void write(Path dir, List<ObjectNode> objects) throws IOException {
        Files.createDirectories(dir);
        Set<String> used = new HashSet<>();
        for (ObjectNode object : objects) {
            ObjectNode copy = object.deepCopy();
            if (copy.path("metadata") instanceof ObjectNode metadata) {
                metadata.remove("namespace");
            }
            String name = Manifests.id(copy).replace('/', '_').replaceAll("[^A-Za-z0-9_.-]", "-");
            String file = name + ".yaml";
            for (int i = 2; !used.add(file); i++) {
                file = name + "-" + i + ".yaml";
            }
            Files.writeString(dir.resolve(file), Manifests.toYaml(copy), StandardCharsets.UTF_8);
        }
    }

    private static List<ObjectDiff> parse(String patch, String leftLabel, String rightLabel) {
        Map<String, StringBuilder> chunks = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : patch.split("\n", -1)) {
            if (line.startsWith("diff --git ")) {
                current = new StringBuilder();
                chunks.put(line, current);
            }
            if (current != null) {
                current.append(line).append('\n');
            }
        }
        List<ObjectDiff> diffs = new ArrayList<>();
        for (Map.Entry<String, StringBuilder> chunk : chunks.entrySet()) {
            String[] header = chunk.getKey().substring("diff --git ".length()).split(" ");
            String left = header[0];
            String right = header[header.length - 1];
            String text = chunk.getValue().toString();
            int added = 0;
            int removed = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("+") && !line.startsWith("+++")) added++;
                if (line.startsWith("-") && !line.startsWith("---")) removed++;
            }
            String status = text.contains("\nnew file mode") ? "added" : text.contains("\ndeleted file mode") ? "removed" : "changed";
            String file = status.equals("added") ? right.substring(rightLabel.length() + 1) : left.substring(leftLabel.length() + 1);
            String object = file.replaceFirst("\\.yaml$", "").replaceFirst("_", "/");
            diffs.add(new ObjectDiff(object, status, added, removed, text));
        }
        return diffs;
    }

    /** Deletes a scratch folder as far as it can: a temp file left behind must not fail the command. */
    public static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(dir)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        for (Path path : deepestFirst) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException leftBehind) {
                // keep going: the rest can still go
            }
        }
    }
}
