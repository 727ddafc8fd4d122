package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.shop.repochecks.terraform.TerraformTree.Folder;

/**
 * The postgres-endpoint and redis-endpoint literals of each environment's overlay
 * (gitops-envs/envs/ENV/kustomization.yaml) have the shape of the endpoints Terraform creates
 * for that environment: the RDS instance identifier and the Valkey replication group id of the
 * data module, the root's region, the ports. A placeholder of another shape (an Aurora cluster
 * endpoint, a bare replication group) is caught before anyone copies the real value.
 */
final class OverlayEndpointRules {

    private static final String DATA_MODULE = "modules/data";
    private static final String NAME = "${var.name}";

    private OverlayEndpointRules() {
    }

    static List<String> overlayEndpointsHaveTerraformShape(TerraformTree tree, Path overlaysDir) {
        List<String> findings = new ArrayList<>();
        Optional<Folder> data = tree.folder(tree.root().resolve(DATA_MODULE));
        if (data.isEmpty()) {
            return List.of(DATA_MODULE + ": not found");
        }
        JsonNode postgres = data.get().blocks("module").getOrDefault("postgres", MissingNode.getInstance());
        JsonNode cache = data.get().blocks("module").getOrDefault("cache", MissingNode.getInstance());
        String identifier = postgres.path("identifier").asText("");
        String replicationGroup = cache.path("replication_group_id").asText("");
        String port = postgres.path("port").asText("5432");
        for (Folder root : tree.folders()) {
            if (!root.name().startsWith("envs/")) {
                continue;
            }
            String region = root.blocks("variable").getOrDefault("region", MissingNode.getInstance()).path("default").asText("");
            root.blocks("module").forEach((callName, call) -> {
                if (!root.dir().resolve(call.path("source").asText("")).normalize().equals(data.get().dir())) {
                    return;
                }
                String name = call.path("name").asText("");
                String environment = call.path("environment").asText("");
                String where = root.name() + ": module " + callName + " (" + environment + ")";
                Path overlay = overlaysDir.resolve(environment).resolve("kustomization.yaml");
                if (!Files.isRegularFile(overlay)) {
                    findings.add(where + ": " + overlay + " does not exist");
                    return;
                }
                String text = read(overlay);
                expect(where, text, "postgres-endpoint", Pattern.quote(identifier.replace(NAME, name))
                        + "\\.[a-z0-9]{12}\\." + Pattern.quote(region) + "\\.rds\\.amazonaws\\.com:" + port, findings);
                // With in-transit encryption the primary endpoint is master.<group>.<id>.<region code>.cache.amazonaws.com.
                expect(where, text, "redis-endpoint", "master\\." + Pattern.quote(replicationGroup.replace(NAME, name))
                        + "\\.[a-z0-9]{6}\\.[a-z0-9]+\\.cache\\.amazonaws\\.com:6379", findings);
            });
        }
        return findings;
    }

    private static void expect(String where, String overlay, String key, String shape, List<String> findings) {
        Matcher literal = Pattern.compile("(?m)^\\s*-\\s*" + Pattern.quote(key) + "=(\\S+)\\s*$").matcher(overlay);
        if (!literal.find()) {
            findings.add(where + ": overlay has no " + key + " literal");
        } else if (!literal.group(1).matches(shape)) {
            findings.add(where + ": " + key + " " + literal.group(1) + " does not have the shape Terraform creates (" + shape + ")");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
