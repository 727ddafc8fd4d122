package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.shop.repochecks.terraform.TerraformTree.Folder;
import static dev.shop.repochecks.terraform.TerraformTree.fields;

/** Live roots keep state in S3, encrypted, with the native lock file, which needs Terraform >= 1.10. */
final class StateBackendRules {

    private static final Pattern MIN_VERSION = Pattern.compile(">=\\s*(\\d+)\\.(\\d+)");

    private StateBackendRules() {
    }

    static List<String> stateBackend(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            List<JsonNode> backends = new ArrayList<>();
            folder.terraformBlocks().forEach(block -> fields(block.path("backend")).forEach((type, bodies) -> {
                if (!type.equals("s3")) {
                    findings.add(folder.name() + ": backend " + type + " is not the agreed S3 backend");
                }
                backends.add(TerraformTree.first(bodies));
            }));
            if (folder.name().startsWith("envs/") && backends.isEmpty()) {
                findings.add(folder.name() + ": live root has no backend \"s3\" block");
            }
            for (JsonNode backend : backends) {
                checkBackend(folder, backend, findings);
            }
        }
        return findings;
    }

    private static void checkBackend(Folder folder, JsonNode backend, List<String> findings) {
        if (!backend.path("use_lockfile").asBoolean(false)) {
            findings.add(folder.name() + ": backend must set use_lockfile = true");
        }
        if (backend.has("dynamodb_table")) {
            findings.add(folder.name() + ": backend uses the deprecated dynamodb_table lock; use_lockfile replaces it");
        }
        if (!backend.path("encrypt").asBoolean(false)) {
            findings.add(folder.name() + ": backend must set encrypt = true");
        }
        String required = folder.terraformBlocks().stream()
                .map(block -> block.path("required_version").asText(""))
                .filter(text -> !text.isEmpty())
                .findFirst().orElse("");
        Matcher min = MIN_VERSION.matcher(required);
        if (!min.find() || Integer.parseInt(min.group(1)) < 1
                || (Integer.parseInt(min.group(1)) == 1 && Integer.parseInt(min.group(2)) < 10)) {
            findings.add(folder.name() + ": use_lockfile needs required_version >= 1.10, has '" + required + "'");
        }
    }
}
