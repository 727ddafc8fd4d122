package dev.shop.pipeline.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.shop.pipeline.PipelineException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The environment a service's container gets in an overlay, read from the rendered manifests the
 * way the kubelet would build it: the Deployment's env (literal values, ConfigMap and Secret keys)
 * and its envFrom ConfigMaps. Secrets do not exist here, so their values come from a resolver.
 */
final class ServiceEnvironment {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<JsonNode> documents;

    private ServiceEnvironment(List<JsonNode> documents) {
        this.documents = documents;
    }

    static ServiceEnvironment ofRendered(String multiDocumentYaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(multiDocumentYaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && node.isObject()) {
                    documents.add(node);
                }
            });
        } catch (IOException e) {
            throw PipelineException.usage("rendered manifests are not YAML: " + e.getMessage());
        }
        return new ServiceEnvironment(documents);
    }

    /**
     * The environment of the container named {@code service} in the Deployment {@code service};
     * {@code secrets} gives a value for (secret name, key), or null to leave the variable unset.
     */
    Map<String, String> of(String service, BiFunction<String, String, String> secrets) {
        JsonNode container = null;
        for (JsonNode candidate : find("Deployment", service).path("spec").path("template").path("spec").path("containers")) {
            if (service.equals(candidate.path("name").asText())) {
                container = candidate;
            }
        }
        if (container == null) {
            throw PipelineException.findings("Deployment " + service + " has no container named " + service);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                find("ConfigMap", source.path("configMapRef").path("name").asText()).path("data")
                        .fields().forEachRemaining(field -> env.put(field.getKey(), field.getValue().asText()));
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            JsonNode valueFrom = variable.path("valueFrom");
            if (variable.has("value")) {
                env.put(name, variable.path("value").asText());
            } else if (valueFrom.has("configMapKeyRef")) {
                JsonNode ref = valueFrom.path("configMapKeyRef");
                env.put(name, find("ConfigMap", ref.path("name").asText()).path("data").path(ref.path("key").asText()).asText());
            } else if (valueFrom.has("secretKeyRef")) {
                JsonNode ref = valueFrom.path("secretKeyRef");
                String value = secrets.apply(ref.path("name").asText(), ref.path("key").asText());
                if (value != null) {
                    env.put(name, value);
                }
            }
        }
        return env;
    }

    private JsonNode find(String kind, String name) {
        return documents.stream()
                .filter(doc -> kind.equals(doc.path("kind").asText()) && name.equals(doc.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> PipelineException.findings("the rendered overlay has no " + kind + " " + name));
    }
}
