package dev.shop.gitops.verify;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.shop.gitops.manifests.Manifests;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strict schema check of Kubernetes objects: an unknown or misspelled field, a value of the wrong
 * type, or a kind with no schema is a violation.
 * <p>
 * Built-in kinds are read into the fabric8 kubernetes-model, which keeps unknown fields in
 * {@code additionalProperties} instead of failing, so the model is walked and every non-empty
 * {@code additionalProperties} is reported. Custom resources are checked against the JSON Schemas
 * under {@code schemas/<group>/<Kind>.json} on the classpath ({@code additionalProperties: false}).
 * <p>
 * Public API: ops/repo-checks uses it for the Argo CD manifests under ops/argocd/.
 */
public final class StrictValidator {

    public static final String UNKNOWN_FIELD = "unknown-field";
    public static final String INVALID_FIELD = "invalid-field";
    public static final String UNKNOWN_KIND = "unknown-kind";

    private static final String SCHEMA_BASE = "https://schemas.shop.dev/";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** Checks every document of a YAML file; findings name the file. */
    public List<Violation> validateFile(Path file) {
        try {
            return validateYaml(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks every document of a YAML stream; findings name source. */
    public List<Violation> validateYaml(String yaml, String source) {
        List<Violation> violations = new ArrayList<>();
        for (ObjectNode object : Manifests.parseAll(yaml, source)) {
            violations.addAll(validate(object, source));
        }
        return violations;
    }

    /** Checks one object; findings name where (an env or a file). */
    public List<Violation> validate(JsonNode object, String where) {
        String apiVersion = Manifests.text(object, "apiVersion", "");
        String kind = Manifests.text(object, "kind", "");
        String id = Manifests.id(object);
        List<Violation> found = new ArrayList<>();
        Class<?> modelClass = BuiltInKinds.modelClass(apiVersion, kind);
        if (modelClass != null) {
            readStrictly(object, modelClass, "", where, id, found);
            return found;
        }
        Schema schema = customResourceSchema(apiVersion, kind);
        if (schema == null) {
            String current = BuiltInKinds.apiVersionOf(kind);
            found.add(new Violation(where, id, UNKNOWN_KIND, "no schema for apiVersion " + apiVersion + " kind " + kind,
                    current != null ? "use apiVersion " + current + " (the served, non-deprecated version)"
                            : "check apiVersion and kind, or add ops/gitops/src/main/resources/schemas/" + group(apiVersion) + "/" + kind + ".json"));
            return found;
        }
        readStrictly(object.path("metadata"), ObjectMeta.class, "metadata", where, id, found);
        for (Error error : schema.validate(object)) {
            boolean unknown = "additionalProperties".equals(error.getKeyword()) || "unevaluatedProperties".equals(error.getKeyword());
            String path = FieldPaths.dotted(error.getInstanceLocation().toString());
            if (unknown && error.getProperty() != null) {
                String field = path.isEmpty() ? error.getProperty() : path + "." + error.getProperty();
                found.add(new Violation(where, id, UNKNOWN_FIELD, "unknown field " + field,
                        "check the spelling against the " + kind + " reference; remove the field if it is not part of " + apiVersion));
            } else {
                found.add(new Violation(where, id, INVALID_FIELD, (path.isEmpty() ? "" : path + ": ") + error.getMessage().replaceFirst("^\\S+: ", ""),
                        "make the value match the " + kind + " schema (" + apiVersion + ")"));
            }
        }
        return found;
    }

    private void readStrictly(JsonNode node, Class<?> type, String basePath, String where, String id, List<Violation> found) {
        Object model;
        ProblemCollector problems = new ProblemCollector();
        try {
            model = JSON.readerFor(type).withHandler(problems).readValue(node);
        } catch (JacksonException e) {
            String path = join(basePath, e.getPathReference() == null ? "" : pathOf(e));
            found.add(new Violation(where, id, INVALID_FIELD,
                    (path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage().lines().findFirst().orElse("").strip(),
                    "give the field the type the Kubernetes API expects"));
            return;
        }
        for (ProblemCollector.Problem problem : problems.problems()) {
            found.add(new Violation(where, id, INVALID_FIELD, join(basePath, problem.path()) + ": " + problem.message(),
                    "give the field the type the Kubernetes API expects"));
        }
        walk(model, basePath, where, id, found);
    }

    private static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Reports each field the model kept in additionalProperties, with its path in the object. */
    private void walk(Object model, String path, String where, String id, List<Violation> found) {
        if (model == null) {
            return;
        }
        if (model instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", where, id, found);
            }
            return;
        }
        if (model instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, join(path, String.valueOf(key)), where, id, found));
            return;
        }
        if (!model.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> type = model.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object value = read(field, model);
                if (field.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra) {
                    for (Object key : extra.keySet()) {
                        found.add(new Violation(where, id, UNKNOWN_FIELD, "unknown field " + join(path, String.valueOf(key)),
                                "check the spelling against the Kubernetes API reference for " + id.substring(0, id.indexOf('/'))));
                    }
                } else {
                    walk(value, join(path, jsonName(field)), where, id, found);
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String jsonName(Field field) {
        com.fasterxml.jackson.annotation.JsonProperty property = field.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : field.getName();
    }

    private static String join(String path, String name) {
        return FieldPaths.join(path, name);
    }

    private Schema customResourceSchema(String apiVersion, String kind) {
        String group = group(apiVersion);
        if (group.isEmpty() || !kind.matches("[A-Za-z0-9]+") || !group.matches("[a-z0-9.-]+")) {
            return null;
        }
        String resource = "schemas/" + group + "/" + kind + ".json";
        if (StrictValidator.class.getClassLoader().getResource(resource) == null) {
            return null;
        }
        return schemas.computeIfAbsent(resource, r -> registry.getSchema(SchemaLocation.of(SCHEMA_BASE + group + "/" + kind + ".json")));
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
