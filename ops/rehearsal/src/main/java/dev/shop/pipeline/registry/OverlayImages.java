package dev.shop.pipeline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shop.pipeline.PipelineException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code images:} list of an overlay's kustomization.yaml (the part CI writes). */
public final class OverlayImages {

    /** One image: the base manifests' name, the registry repository it points at, tag and digest. */
    public record Image(String name, String newName, String newTag, String digest) {

        /** The registry host of newName: its first part when that part has a dot, a colon or is localhost. */
        public String registryHost() {
            int slash = newName.indexOf('/');
            String first = slash < 0 ? "" : newName.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first;
            }
            throw PipelineException.usage("image " + name + ": newName " + newName + " names no registry host");
        }

        public String repository() {
            return newName.substring(registryHost().length() + 1);
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OverlayImages() {
    }

    public static List<Image> read(Path overlayDir) {
        Path file = overlayDir.resolve("kustomization.yaml");
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw PipelineException.usage("cannot read " + file + ": " + e.getMessage());
        }
        List<Image> images = new ArrayList<>();
        for (JsonNode entry : root.path("images")) {
            images.add(new Image(entry.path("name").asText(null), entry.path("newName").asText(null),
                    entry.path("newTag").asText(null), entry.path("digest").asText(null)));
        }
        return images;
    }
}
