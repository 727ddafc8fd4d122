package dev.shop.gitops.verify;

import dev.shop.cli.ProcessRunner;
import dev.shop.gitops.manifests.Manifests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an upstream CustomResourceDefinition into the strict JSON Schema (2020-12) that
 * {@link StrictValidator} checks custom resources against.
 * <p>
 * Kubernetes' structural OpenAPI v3 schemas prune unknown fields silently; a strict check has to
 * reject them instead, so every object that declares {@code properties} and neither
 * {@code additionalProperties} nor {@code x-kubernetes-preserve-unknown-fields} gets
 * {@code additionalProperties: false}. The Kubernetes extensions that change what a value may be
 * ({@code x-kubernetes-int-or-string}, {@code nullable}) become plain JSON Schema types; descriptions,
 * formats (annotations only), status and the other extensions are dropped to keep the files small.
 */
public final class CrdSchemaGenerator {

    static final String SCHEMA_BASE = "https://schemas.shop.dev/";
    /** Compact: the generated files are read by the validator, not by people (ApplicationSet's is 1.9 MB indented). */
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Keys of an OpenAPI v3 schema node that carry no constraint this check uses. */
    private static final Set<String> DROPPED = Set.of("description", "format", "example", "externalDocs",
            "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
            "x-kubernetes-validations", "x-kubernetes-embedded-resource");

    private CrdSchemaGenerator() {
    }

    /**
     * Regenerates every schema listed in {@code sources.tsv}. Usage: {@code --repos DIR --schemas DIR}, where
     * {@code DIR/<owner>/<name>} (or {@code DIR/<owner>+<name>/repo}) is a git clone, bare or not, holding the
     * pinned refs. Run through ops/bin/generate-crd-schemas.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 4 || !args[0].equals("--repos") || !args[2].equals("--schemas")) {
            System.err.println("usage: generate-crd-schemas --repos DIR --schemas DIR");
            System.exit(2);
        }
        Path repos = Path.of(args[1]);
        Path schemas = Path.of(args[3]);
        for (Source source : Source.readAll(schemas.resolve("sources.tsv"))) {
            Path clone = repos.resolve(source.repository());
            if (!Files.isDirectory(clone)) {
                clone = repos.resolve(source.repository().replace('/', '+')).resolve("repo");
            }
            // the project's one process runner: a deadline, so a stalled git cannot hang the generation
            ProcessRunner.Result git = ProcessRunner.run(
                    List.of("git", "-C", clone.toString(), "show", source.ref() + ":" + source.path()),
                    null, Map.of(), null, Duration.ofMinutes(2));
            if (!git.ok()) {
                System.err.println("generate-crd-schemas: cannot read " + source.describe() + " from " + clone
                        + ": " + git.firstErrorLine());
                System.exit(3);
            }
            String crd = git.stdout();
            GeneratedSchema schema = generate(crd, source.kind(), source.version(), source.describe());
            Path target = schemas.resolve(schema.relativePath());
            Path folder = target.toAbsolutePath().getParent();
            if (folder == null) {
                throw new IllegalArgumentException(target + " has no parent folder");
            }
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".schema", ".json");
            Files.writeString(temp, schema.json(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println(target + " <- " + source.describe());
        }
    }

    /** One line of sources.tsv: which upstream file defines which kind, at which pinned ref. */
    public record Source(String group, String kind, String version, String repository, String ref, String path) {

        public static List<Source> readAll(Path tsv) throws IOException {
            List<Source> sources = new ArrayList<>();
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\\t");
                String[] groupKind = columns[0].split("/");
                if (columns.length != 5 || groupKind.length != 2) {
                    throw new IllegalArgumentException(tsv + ": expected 'group/Kind<TAB>version<TAB>owner/repo<TAB>ref<TAB>path': " + line);
                }
                sources.add(new Source(groupKind[0], groupKind[1], columns[1], columns[2], columns[3], columns[4]));
            }
            return sources;
        }

        public String relativePath() {
            return group + "/" + kind + ".json";
        }

        public String describe() {
            return repository + "@" + ref + ":" + path;
        }
    }

    /** One generated schema: where it goes ({@code <group>/<Kind>.json}) and its JSON text. */
    public record GeneratedSchema(String relativePath, String json) {
    }

    /**
     * Generates the schema of {@code kind} at {@code version} from the CRD text, which may be a Helm template whose
     * directives stand on lines of their own (they are removed before parsing).
     */
    public static GeneratedSchema generate(String crdText, String kind, String version, String source) {
        ObjectNode crd = Manifests.parseAll(withoutTemplateLines(crdText), source).stream()
                .filter(doc -> "CustomResourceDefinition".equals(Manifests.text(doc, "kind", ""))
                        && kind.equals(doc.path("spec").path("names").path("kind").asString("")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(source + " defines no CustomResourceDefinition of kind " + kind));
        String group = crd.path("spec").path("group").asString("");
        JsonNode versionNode = null;
        for (JsonNode candidate : crd.path("spec").path("versions")) {
            if (version.equals(candidate.path("name").asString(""))) {
                versionNode = candidate;
            }
        }
        if (versionNode == null || !versionNode.path("served").asBoolean(false)) {
            throw new IllegalArgumentException(source + ": " + kind + " " + version + " is not a served version");
        }
        JsonNode openApi = versionNode.path("schema").path("openAPIV3Schema");
        if (!openApi.isObject()) {
            throw new IllegalArgumentException(source + ": " + kind + " " + version + " has no openAPIV3Schema");
        }
        ObjectNode converted = convert(openApi);
        ObjectNode properties = (ObjectNode) converted.path("properties");
        properties.remove("status");
        properties.set("apiVersion", JsonNodeFactory.instance.objectNode().put("const", group + "/" + version));
        properties.set("kind", JsonNodeFactory.instance.objectNode().put("const", kind));
        properties.set("metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
        ArrayNode required = converted.has("required") ? (ArrayNode) converted.get("required") : converted.putArray("required");
        for (String field : List.of("apiVersion", "kind", "metadata")) {
            if (!containsText(required, field)) {
                required.add(field);
            }
        }

        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", SCHEMA_BASE + group + "/" + kind + ".json");
        root.put("$comment", "Generated by ops/bin/generate-crd-schemas from " + source + " (" + group + "/" + version
                + "); do not edit: change schemas/sources.tsv and regenerate.");
        root.setAll(converted);
        return new GeneratedSchema(group + "/" + kind + ".json", JSON.writeValueAsString(root) + "\n");
    }

    /** Removes Helm template directives that stand alone on their line ({{- if … }}, {{- end }}, {{- toYaml … }}). */
    static String withoutTemplateLines(String text) {
        return text.lines()
                .filter(line -> !line.strip().startsWith("{{"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static ObjectNode convert(JsonNode node) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        boolean preserveUnknown = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean intOrString = node.path("x-kubernetes-int-or-string").asBoolean(false);
        boolean nullable = node.path("nullable").asBoolean(false);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (DROPPED.contains(key) || key.equals("x-kubernetes-preserve-unknown-fields")
                    || key.equals("x-kubernetes-int-or-string") || key.equals("nullable")) {
                continue;
            }
            switch (key) {
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    for (Map.Entry<String, JsonNode> property : value.properties()) {
                        properties.set(property.getKey(), convert(property.getValue()));
                    }
                }
                case "items", "not" -> out.set(key, convert(value));
                case "additionalProperties" -> out.set(key, value.isObject() ? convert(value) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode alternatives = out.putArray(key);
                    for (JsonNode alternative : value) {
                        alternatives.add(convertAlternative(alternative));
                    }
                }
                default -> out.set(key, value.deepCopy());
            }
        }
        if (intOrString) {
            out.remove("type");
            out.set("type", JsonNodeFactory.instance.arrayNode().add("integer").add("string"));
        }
        if (nullable && out.has("type")) {
            JsonNode type = out.get("type");
            ArrayNode types = type.isArray() ? (ArrayNode) type.deepCopy() : JsonNodeFactory.instance.arrayNode().add(type.asString());
            types.add("null");
            out.set("type", types);
            if (out.path("enum").isArray()) {
                ((ArrayNode) out.get("enum")).addNull();
            }
        }
        if (out.has("properties") && !out.has("additionalProperties") && !preserveUnknown) {
            out.put("additionalProperties", false);
        }
        return out;
    }

    /**
     * An anyOf/oneOf branch in a structural schema only restates constraints (for example "one of these fields is
     * required"); it must not close the object again, or the branches would reject each other's fields.
     */
    private static ObjectNode convertAlternative(JsonNode alternative) {
        ObjectNode converted = convert(alternative);
        if (!alternative.has("additionalProperties")) {
            converted.remove("additionalProperties");
        }
        return converted;
    }

    private static boolean containsText(ArrayNode array, String text) {
        for (Iterator<JsonNode> it = array.iterator(); it.hasNext(); ) {
            if (text.equals(it.next().asString(""))) {
                return true;
            }
        }
        return false;
    }
}
