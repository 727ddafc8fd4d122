package dev.shop.supplychain.signing;

import dev.shop.cli.CliException;
import dev.shop.supplychain.ImageReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is signed: cosign's "simple signing" payload naming the image's repository and manifest
 * digest, plus optional annotations (here the digest of the SBOM attached at signing time, so the
 * SBOM a promotion reads is the one the pipeline signed).
 */
public record SimpleSigningPayload(String dockerReference, String manifestDigest, Map<String, String> optional) {

    public static final String MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";
    static final String TYPE = "cosign container image signature";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static SimpleSigningPayload of(ImageReference image, Map<String, String> annotations) {
        return new SimpleSigningPayload(image.name(), image.digest(), new TreeMap<>(annotations));
    }

    public byte[] toBytes() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode critical = root.putObject("critical");
        critical.putObject("identity").put("docker-reference", dockerReference);
        critical.putObject("image").put("docker-manifest-digest", manifestDigest);
        critical.put("type", TYPE);
        if (optional.isEmpty()) {
            root.putNull("optional");
        } else {
            ObjectNode values = root.putObject("optional");
            optional.forEach(values::put);
        }
        return JSON.writeValueAsBytes(root);
    }

    public static SimpleSigningPayload parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw CliException.findings("signed payload is not JSON");
        }
        JsonNode critical = root.path("critical");
        if (!TYPE.equals(critical.path("type").asString(""))) {
            throw CliException.findings("signed payload is not a cosign container image signature");
        }
        Map<String, String> optional = new LinkedHashMap<>();
        root.path("optional").properties().forEach(e -> optional.put(e.getKey(), e.getValue().asString("")));
        return new SimpleSigningPayload(critical.path("identity").path("docker-reference").asString(""),
                critical.path("image").path("docker-manifest-digest").asString(""), optional);
    }
}
