package dev.shop.supplychain.sbom;

import dev.shop.cli.CliException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.TreeMap;

/**
 * The part of a CycloneDX JSON SBOM a promotion compares: each component (nested ones included)
 * by name, {@code group:name} for Maven and the purl's type and name for others, with its version.
 */
public record Sbom(String subject, Map<String, String> versions) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static Sbom parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw CliException.usage("SBOM is not JSON: " + e.getOriginalMessage());
        }
        if (!"CycloneDX".equals(root.path("bomFormat").asString(""))) {
            throw CliException.usage("not a CycloneDX SBOM (bomFormat is '" + root.path("bomFormat").asString("") + "')");
        }
        Map<String, String> versions = new TreeMap<>();
        collect(root.path("components"), versions);
        JsonNode subject = root.path("metadata").path("component");
        return new Sbom(name(subject) + (subject.has("version") ? " " + subject.path("version").asString() : ""), versions);
    }

    private static void collect(JsonNode components, Map<String, String> versions) {
        for (JsonNode component : components) {
            versions.put(name(component), component.path("version").asString(""));
            collect(component.path("components"), versions);
        }
    }

    private static String name(JsonNode component) {
        String group = component.path("group").asString("");
        String name = component.path("name").asString("");
        if (!group.isEmpty()) {
            return group + ":" + name;
        }
        String purl = component.path("purl").asString("");
        // pkg:deb/debian/libc6@2.36 -> deb:libc6: base-image packages keep their ecosystem visible
        if (purl.startsWith("pkg:") && purl.indexOf('/') > 4) {
            return purl.substring(4, purl.indexOf('/')) + ":" + name;
        }
        return name;
    }
}
