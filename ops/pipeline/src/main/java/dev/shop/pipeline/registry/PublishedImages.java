package dev.shop.pipeline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.cli.CliException;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a publish job hands to the write-back and the deploy wait, as JSON
 * {@code {"<service>": {"image": "<registry>/shop/<service>", "tag": "...", "digest": "sha256:..."}}}:
 * every value the overlay's images entry needs (newName, newTag, digest) comes from the registry
 * that holds the pushed tag, never from a default.
 */
public final class PublishedImages {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Published(String image, String tag, String digest) {
    }

    private PublishedImages() {
    }

    public static String toJson(Map<String, Published> images) {
        ObjectNode root = JSON.createObjectNode();
        new TreeMap<>(images).forEach((service, published) -> root.putObject(service)
                .put("image", published.image()).put("tag", published.tag()).put("digest", published.digest()));
        return root.toString();
    }

    public static Map<String, Published> parse(String json) {
        JsonNode root = object(json, "--images");
        Map<String, Published> images = new TreeMap<>();
        root.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String digest = value.path("digest").asText("");
            if (!digest.matches("sha256:[0-9a-f]{64}") || value.path("image").asText("").isEmpty()
                    || value.path("tag").asText("").isEmpty()) {
                throw CliException.usage("--images entry " + field.getKey() + " needs image, tag and a sha256 digest");
            }
            images.put(field.getKey(), new Published(value.path("image").asText(), value.path("tag").asText(), digest));
        });
        return images;
    }

    public static Map<String, String> digests(Map<String, Published> images) {
        Map<String, String> digests = new TreeMap<>();
        images.forEach((service, published) -> digests.put(service, published.digest()));
        return digests;
    }

    /** A JSON object of service to digest, as wait-deployed prints it. */
    public static Map<String, String> parseDigests(String json) {
        JsonNode root = object(json, "--digests");
        Map<String, String> digests = new TreeMap<>();
        root.fields().forEachRemaining(field -> {
            if (!field.getValue().asText().matches("sha256:[0-9a-f]{64}")) {
                throw CliException.usage("--digests entry " + field.getKey() + " is no sha256 digest");
            }
            digests.put(field.getKey(), field.getValue().asText());
        });
        return digests;
    }

    /** A JSON object keyed by service (blank means none); a usage error naming the option otherwise. */
    private static JsonNode object(String json, String option) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (IOException e) {
            throw CliException.usage(option + " is not JSON: " + e.getMessage());
        }
        if (!root.isObject()) {
            throw CliException.usage(option + " must be a JSON object keyed by service");
        }
        return root;
    }
}
