package dev.shop.gitops.manifests;

import dev.shop.cli.CliException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import java.util.ArrayList;
import java.util.List;

/** Reads and writes Kubernetes objects as Jackson trees: the models the checks and diffs work on. */
public final class Manifests {

    public static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private Manifests() {
    }

    /** Every non-empty document of a multi-document YAML stream, each a mapping. */
    public static List<ObjectNode> parseAll(String yaml, String source) {
        List<ObjectNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!(document instanceof ObjectNode object)) {
                    throw CliException.usage("malformed manifest in " + source + ": a document is not a mapping");
                }
                objects.add(object);
            }
        } catch (JacksonException e) {
            throw CliException.usage("malformed YAML in " + source + ": " + e.getOriginalMessage().replaceAll("\\s+", " "));
        }
        return objects;
    }

    /** "Deployment/catalog": how findings and diffs name an object. */
    public static String id(JsonNode object) {
        return text(object, "kind", "?") + "/" + text(object.path("metadata"), "name", "?");
    }

    public static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isValueNode() ? value.asString() : fallback;
    }

    public static String toYaml(JsonNode object) {
        return YAML.writeValueAsString(object);
    }
}
