package dev.shop.supplychain.registry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * Builds and pushes the OCI image manifests that carry supply-chain data next to an image: a
 * signature (cosign's layout) or an SBOM. The blobs go up first, then the manifest, so a
 * registry never holds a manifest pointing at missing content.
 */
public final class ArtifactManifest {

    /** OCI 1.1's empty config: the descriptor artifacts use when they have no config of their own. */
    public static final String EMPTY_CONFIG_TYPE = "application/vnd.oci.empty.v1+json";
    private static final byte[] EMPTY_CONFIG = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** One layer to push: its bytes, media type and annotations. */
    public record Layer(String mediaType, byte[] content, Map<String, String> annotations) {
    }

    private ArtifactManifest() {
    }

    public static ObjectNode descriptor(String mediaType, String digest, long size, Map<String, String> annotations) {
        ObjectNode descriptor = OciRegistry.JSON.createObjectNode();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", digest);
        descriptor.put("size", size);
        if (!annotations.isEmpty()) {
            ObjectNode values = descriptor.putObject("annotations");
            annotations.forEach(values::put);
        }
        return descriptor;
    }

    /**
     * Pushes the layers and a manifest listing {@code keptLayers} (descriptors already in the
     * repository) followed by them, under {@code reference} (a tag, or null for by-digest).
     * With a {@code subject} the manifest is an OCI 1.1 referrer of that image.
     */
    public static String push(OciRegistry registry, String repository, String reference, String artifactType,
                              JsonNode subject, List<JsonNode> keptLayers, List<Layer> layers) {
        ObjectNode manifest = OciRegistry.JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", OciRegistry.OCI_MANIFEST);
        if (artifactType != null) {
            manifest.put("artifactType", artifactType);
        }
        String configDigest = registry.putBlob(repository, EMPTY_CONFIG);
        manifest.set("config", descriptor(EMPTY_CONFIG_TYPE, configDigest, EMPTY_CONFIG.length, Map.of()));
        ArrayNode descriptors = manifest.putArray("layers");
        keptLayers.forEach(descriptors::add);
        for (Layer layer : layers) {
            String digest = registry.putBlob(repository, layer.content());
            descriptors.add(descriptor(layer.mediaType(), digest, layer.content().length, layer.annotations()));
        }
        if (subject != null) {
            manifest.set("subject", subject);
        }
        byte[] body = OciRegistry.JSON.writeValueAsBytes(manifest);
        String digest = OciRegistry.sha256(body);
        return registry.putManifest(repository, reference == null ? digest : reference, OciRegistry.OCI_MANIFEST, body);
    }
}
