package dev.shop.pipeline.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.shop.cli.CliException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a service's container gets in an overlay, read from the rendered manifests the
 * way the kubelet would build it: the Deployment's env (literal values, ConfigMap and Secret keys)
 * and its envFrom ConfigMaps. Secrets do not exist here, so their values come from a resolver.
 */
final class ServiceEnvironment {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern MEMORY = Pattern.compile("(\\d+)(Ki|Mi|Gi|k|M|G)?");

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
            throw CliException.usage("rendered manifests are not YAML: " + e.getMessage());
        }
        return new ServiceEnvironment(documents);
    }

    /**
     * The environment of the container named {@code service} in the Deployment {@code service};
     * {@code secrets} gives a value for (secret name, key), or null to leave the variable unset.
     */
    Map<String, String> of(String service, BiFunction<String, String, String> secrets) {
        JsonNode container = container(service);
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

    /**
     * How the kubelet would run the container: the image as rendered, the CPU and memory limits in
     * podman's terms, and the readiness probe's HTTP path and port (a number or a port name).
     */
    record Runtime(String image, String cpus, String memory, String readinessPath, int readinessPort) {
    }

    Runtime runtime(String service) {
        JsonNode container = container(service);
        JsonNode limits = container.path("resources").path("limits");
        JsonNode probe = container.path("readinessProbe").path("httpGet");
        if (probe.isMissingNode() || limits.path("cpu").isMissingNode() || limits.path("memory").isMissingNode()) {
            throw CliException.findings("Deployment " + service + " needs cpu and memory limits and an httpGet readinessProbe");
        }
        JsonNode port = probe.path("port");
        int portNumber = port.isInt() ? port.asInt() : -1;
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                portNumber = declared.path("containerPort").asInt();
            }
        }
        if (portNumber <= 0) {
            throw CliException.findings("Deployment " + service + ": readiness probe port " + port.asText() + " is not declared");
        }
        return new Runtime(container.path("image").asText(), cpus(limits.path("cpu").asText()),
                memory(limits.path("memory").asText()), probe.path("path").asText("/"), portNumber);
    }

    /** A Kubernetes CPU quantity ("500m", "1", "1.5") as podman's --cpus. */
    static String cpus(String quantity) {
        if (quantity.endsWith("m")) {
            return new BigDecimal(quantity.substring(0, quantity.length() - 1)).movePointLeft(3)
                    .stripTrailingZeros().toPlainString();
        }
        return new BigDecimal(quantity).stripTrailingZeros().toPlainString();
    }

    /** A Kubernetes memory quantity ("384Mi", "1Gi", "500M", "1048576") as podman's --memory, in bytes. */
    static String memory(String quantity) {
        Matcher m = MEMORY.matcher(quantity);
        if (!m.matches()) {
            throw CliException.findings("not a memory quantity this rehearsal reads: " + quantity);
        }
        long factor = switch (m.group(2) == null ? "" : m.group(2)) {
            case "Ki" -> 1024L;
            case "Mi" -> 1024L * 1024;
            case "Gi" -> 1024L * 1024 * 1024;
            case "k" -> 1000L;
            case "M" -> 1000L * 1000;
            case "G" -> 1000L * 1000 * 1000;
            default -> 1L;
        };
        return String.valueOf(Long.parseLong(m.group(1)) * factor);
    }

    private JsonNode container(String service) {
        for (JsonNode candidate : find("Deployment", service).path("spec").path("template").path("spec").path("containers")) {
            if (service.equals(candidate.path("name").asText())) {
                return candidate;
            }
        }
        throw CliException.findings("Deployment " + service + " has no container named " + service);
    }

    private JsonNode find(String kind, String name) {
        return documents.stream()
                .filter(doc -> kind.equals(doc.path("kind").asText()) && name.equals(doc.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> CliException.findings("the rendered overlay has no " + kind + " " + name));
    }
}
