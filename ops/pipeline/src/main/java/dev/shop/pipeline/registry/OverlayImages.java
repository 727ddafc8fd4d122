package dev.shop.pipeline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shop.cli.CliException;

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
            throw CliException.usage("image " + name + ": newName " + newName + " names no registry host");
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
        try {
            return parse(java.nio.file.Files.readString(file), file.toString());
        } catch (IOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The images of a kustomization.yaml's text; {@code where} names it in errors. */
    public static List<Image> parse(String kustomization, String where) {
        JsonNode root;
        try {
            root = YAML.readTree(kustomization);
        } catch (IOException e) {
            throw CliException.findings(where + " is not YAML: " + e.getMessage());
        }
        List<Image> images = new ArrayList<>();
        for (JsonNode entry : root.path("images")) {
            images.add(new Image(entry.path("name").asText(null), entry.path("newName").asText(null),
                    entry.path("newTag").asText(null), entry.path("digest").asText(null)));
        }
        return images;
    }

    /** Service name to digest, for the images pinned to one. */
    public static java.util.SortedMap<String, String> digests(List<Image> images) {
        java.util.SortedMap<String, String> digests = new java.util.TreeMap<>();
        images.stream().filter(image -> image.digest() != null).forEach(image -> digests.put(image.name(), image.digest()));
        return digests;
    }

    /**
     * One value for a whole set of deployed images: sha256 over the sorted "name@digest" lines. The
     * load test records it on the commit it tested; main compares it with what it is about to tag.
     */
    public static String fingerprint(java.util.Map<String, String> digests) {
        StringBuilder lines = new StringBuilder();
        new java.util.TreeMap<>(digests).forEach((name, digest) -> lines.append(name).append('@').append(digest).append('\n'));
        return RegistryClient.sha256(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
