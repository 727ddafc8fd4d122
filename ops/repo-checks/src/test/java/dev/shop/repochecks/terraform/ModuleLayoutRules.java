package dev.shop.repochecks.terraform;

import java.util.ArrayList;
import java.util.List;

import static dev.shop.repochecks.terraform.TerraformTree.Folder;

/** Modules have main/variables/outputs/versions.tf; variables are typed and described; outputs described. */
final class ModuleLayoutRules {

    private static final List<String> MODULE_FILES = List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf");

    private ModuleLayoutRules() {
    }

    static List<String> moduleLayout(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            if (folder.name().startsWith("modules/")) {
                for (String file : MODULE_FILES) {
                    if (!folder.hasFile(file)) {
                        findings.add(folder.name() + ": " + file + " is missing");
                    }
                }
            }
            folder.blocks("variable").forEach((name, body) -> {
                if (!body.hasNonNull("type")) {
                    findings.add(folder.name() + ": variable " + name + " has no type");
                }
                if (body.path("description").asText("").isBlank()) {
                    findings.add(folder.name() + ": variable " + name + " has no description");
                }
            });
            folder.blocks("output").forEach((name, body) -> {
                if (body.path("description").asText("").isBlank()) {
                    findings.add(folder.name() + ": output " + name + " has no description");
                }
            });
        }
        return findings;
    }
}
