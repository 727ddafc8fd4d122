package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static dev.shop.repochecks.terraform.TerraformTree.Folder;
import static dev.shop.repochecks.terraform.TerraformTree.fields;

/**
 * Version policy (docs/decisions/0401): registry modules, Helm charts and tflint plugins at an
 * exact version; providers with an upper bound ({@code ~>} in roots, {@code >= x, < y} in modules);
 * every folder sets required_version.
 */
final class VersionPinRules {

    static final Pattern EXACT_VERSION = Pattern.compile("^\\d+\\.\\d+\\.\\d+$");

    private VersionPinRules() {
    }

    static List<String> versionsPinned(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        tree.moduleCalls().forEach(call -> checkModuleSource(call, findings));
        tree.blocks("resource", "helm_release").forEach(release -> {
            if (!EXACT_VERSION.matcher(release.body().path("version").asText("")).matches()) {
                findings.add(release.where() + " must pin an exact chart version");
            }
        });
        for (Folder folder : tree.folders()) {
            List<JsonNode> terraformBlocks = folder.terraformBlocks();
            if (terraformBlocks.stream().noneMatch(block -> block.hasNonNull("required_version"))) {
                findings.add(folder.name() + ": terraform.required_version is not set");
            }
            for (JsonNode block : terraformBlocks) {
                for (JsonNode providers : block.path("required_providers")) {
                    fields(providers).forEach((provider, requirement) -> {
                        String version = requirement.path("version").asText("");
                        if (!requirement.hasNonNull("source")) {
                            findings.add(folder.name() + ": provider " + provider + " has no source");
                        }
                        if (!(version.contains("~>") || version.contains("<"))) {
                            findings.add(folder.name() + ": provider " + provider + " version '" + version + "' has no upper bound (use ~> or < )");
                        }
                    });
                }
            }
        }
        tree.otherHcl().forEach((file, body) -> {
            if (file.getFileName().toString().equals(".tflint.hcl")) {
                fields(body.path("plugin")).forEach((name, bodies) -> {
                    JsonNode plugin = TerraformTree.first(bodies);
                    if (plugin.has("source") && !EXACT_VERSION.matcher(plugin.path("version").asText("")).matches()) {
                        findings.add(tree.relative(file) + ": tflint plugin " + name + " must pin an exact version");
                    }
                });
            }
        });
        return findings;
    }

    /** Local modules take no version, registry modules an exact one, git sources a commit SHA. */
    private static void checkModuleSource(TerraformTree.Block call, List<String> findings) {
        String source = call.source();
        String version = call.body().path("version").asText("");
        if (ModuleSources.isLocal(source)) {
            if (!version.isEmpty()) {
                findings.add(call.where() + " is local and cannot take a version");
            }
        } else if (ModuleSources.isRegistry(source)) {
            if (!EXACT_VERSION.matcher(version).matches()) {
                findings.add(call.where() + " (" + source + ") must pin an exact version, has '" + version + "'");
            }
        } else if (!source.matches(".*[?&]ref=[0-9a-f]{40}$")) {
            findings.add(call.where() + " (" + source + ") must pin ?ref= to a commit SHA");
        }
    }
}
