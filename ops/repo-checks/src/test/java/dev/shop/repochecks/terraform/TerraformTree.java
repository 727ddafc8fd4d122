package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Every Terraform folder under a root, parsed: the modules and live roots the rules look at. */
final class TerraformTree {

    private static final Pattern LOCAL_REFERENCE = Pattern.compile(
            "^\\$\\{local\\.([A-Za-z_][A-Za-z0-9_-]*)(?:\\.([A-Za-z_][A-Za-z0-9_-]*)|\\[\"([^\"]+)\"])?}$");

    private final Path root;
    private final Map<Path, Folder> folders;
    private final Map<Path, JsonNode> otherHcl;
    private final List<Path> textFiles;

    private TerraformTree(Path root, Map<Path, Folder> folders, Map<Path, JsonNode> otherHcl, List<Path> textFiles) {
        this.root = root;
        this.folders = folders;
        this.otherHcl = otherHcl;
        this.textFiles = textFiles;
    }

    /** Parses every .tf, *.tfvars(.example) and .tflint.hcl under root, skipping .terraform/. */
    static TerraformTree load(Path root, HclParser parser) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(path -> !path.toString().contains("/.terraform/"))
                    .filter(TerraformTree::isHcl)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Path, JsonNode> parsed = parser.parse(files);
        Map<Path, Map<Path, JsonNode>> byFolder = new TreeMap<>();
        Map<Path, JsonNode> other = new TreeMap<>();
        parsed.forEach((file, body) -> {
            if (file.getFileName().toString().endsWith(".tf")) {
                byFolder.computeIfAbsent(file.getParent(), k -> new TreeMap<>()).put(file, body);
            } else {
                other.put(file, body);
            }
        });
        Map<Path, Folder> folders = new TreeMap<>();
        byFolder.forEach((dir, bodies) -> folders.put(dir, new Folder(root, dir, bodies)));
        return new TerraformTree(root.toAbsolutePath().normalize(), folders, other, files);
    }

    private static boolean isHcl(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".tf") || name.endsWith(".tfvars") || name.endsWith(".tfvars.example") || name.equals(".tflint.hcl");
    }

    Path root() {
        return root;
    }

    List<Folder> folders() {
        return List.copyOf(folders.values());
    }

    Optional<Folder> folder(Path dir) {
        return Optional.ofNullable(folders.get(dir.toAbsolutePath().normalize()));
    }

    /** Parsed HCL files that are not Terraform configuration: tfvars and the tflint config. */
    Map<Path, JsonNode> otherHcl() {
        return otherHcl;
    }

    /** Every HCL file, for the text scans. */
    List<Path> files() {
        return textFiles;
    }

    String relative(Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString();
    }

    /** Every module call of every folder, in folder order. */
    List<Block> moduleCalls() {
        return folders().stream()
                .flatMap(folder -> folder.blocks("module").entrySet().stream()
                        .map(call -> new Block(folder, "module", call.getKey(), call.getValue())))
                .toList();
    }

    /** The calls of one registry module, by its exact source. */
    List<Block> moduleCalls(String source) {
        return moduleCalls().stream().filter(call -> call.source().equals(source)).toList();
    }

    /** Every resource or data block of one type, in folder order. */
    List<Block> blocks(String kind, String type) {
        return folders().stream()
                .flatMap(folder -> folder.blocks(kind, type).entrySet().stream()
                        .map(block -> new Block(folder, type, block.getKey(), block.getValue())))
                .toList();
    }

    /**
     * One block and the folder it is in; where() names it in findings as "folder: label name",
     * label being "module" or the resource type.
     */
    record Block(Folder folder, String label, String name, JsonNode body) {

        String source() {
            return body.path("source").asText("");
        }

        String where() {
            return folder.name() + ": " + label + " " + name;
        }
    }

    /** One Terraform module (a folder of .tf files): its blocks merged across files. */
    static final class Folder {
        private final Path dir;
        private final String name;
        private final Map<Path, JsonNode> files;

        Folder(Path root, Path dir, Map<Path, JsonNode> files) {
            this.dir = dir.toAbsolutePath().normalize();
            String relative = root.toAbsolutePath().normalize().relativize(this.dir).toString();
            this.name = relative.isEmpty() ? "." : relative;
            this.files = files;
        }

        Path dir() {
            return dir;
        }

        /** The folder relative to the tree root, for messages. */
        String name() {
            return name;
        }

        Map<Path, JsonNode> files() {
            return files;
        }

        boolean hasFile(String fileName) {
            return files.containsKey(dir.resolve(fileName));
        }

        /** Blocks with one label (variable, output, module, provider) by label. */
        Map<String, JsonNode> blocks(String kind) {
            Map<String, JsonNode> blocks = new LinkedHashMap<>();
            for (JsonNode body : files.values()) {
                fields(body.path(kind)).forEach((label, bodies) -> blocks.put(label, first(bodies)));
            }
            return blocks;
        }

        /** Blocks with two labels (resource, data) of one type, by name. */
        Map<String, JsonNode> blocks(String kind, String type) {
            Map<String, JsonNode> blocks = new LinkedHashMap<>();
            for (JsonNode body : files.values()) {
                fields(body.path(kind).path(type)).forEach((label, bodies) -> blocks.put(label, first(bodies)));
            }
            return blocks;
        }

        /** Every local value of the folder by name, merged across its locals blocks. */
        Map<String, JsonNode> locals() {
            Map<String, JsonNode> locals = new LinkedHashMap<>();
            for (JsonNode body : files.values()) {
                body.path("locals").forEach(block -> locals.putAll(fields(block)));
            }
            return locals;
        }

        /**
         * A value that is exactly one {@code local.name} reference (optionally {@code .key} or
         * {@code ["key"]} into it) resolves to that local's value; anything else is returned as is.
         */
        JsonNode resolveLocal(JsonNode value) {
            if (!value.isTextual()) {
                return value;
            }
            Matcher matcher = LOCAL_REFERENCE.matcher(value.asText());
            if (!matcher.matches()) {
                return value;
            }
            JsonNode local = locals().getOrDefault(matcher.group(1), MissingNode.getInstance());
            String key = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            return key != null && local.isObject() && local.has(key) ? local.get(key) : local;
        }

        /** All {@code terraform {}} blocks. */
        List<JsonNode> terraformBlocks() {
            List<JsonNode> blocks = new ArrayList<>();
            files.values().forEach(body -> body.path("terraform").forEach(blocks::add));
            return blocks;
        }

        /** Everything but the variable declarations: what "using a variable" means. */
        List<JsonNode> bodiesWithoutVariables() {
            List<JsonNode> bodies = new ArrayList<>();
            for (JsonNode body : files.values()) {
                fields(body).forEach((kind, value) -> {
                    if (!kind.equals("variable")) {
                        bodies.add(value);
                    }
                });
            }
            return bodies;
        }
    }

    static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), field.getValue());
            }
        }
        return fields;
    }

    /** The elements of a JSON array as text. */
    static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** hcl2json wraps every block body in an array; the first element is the block. */
    static JsonNode first(JsonNode bodies) {
        return bodies.isArray() && !bodies.isEmpty() ? bodies.get(0) : MissingNode.getInstance();
    }

    static Comparator<Folder> byName() {
        return Comparator.comparing(Folder::name);
    }
}
