package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.shop.repochecks.terraform.TerraformTree.Folder;

/**
 * Maps built from a list variable are keyed by the element, not by its position: with index keys,
 * removing one element re-keys the ones after it, and Terraform destroys and recreates them
 * (for access entries: cluster admins lose access during the apply).
 */
final class StableKeyRules {

    /** {@code for KEY, VALUE in var.NAME : KEY_EXPRESSION =>} */
    private static final Pattern FOR_OVER_VARIABLE = Pattern.compile(
            "for\\s+(\\w+)\\s*,\\s*\\w+\\s+in\\s+var\\.(\\w+)\\s*:\\s*(.+?)\\s*=>");

    private StableKeyRules() {
    }

    static List<String> mapsNotKeyedByListIndex(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            Map<String, JsonNode> variables = folder.blocks("variable");
            for (JsonNode body : folder.bodiesWithoutVariables()) {
                Expressions.forEachString(body, text -> {
                    Matcher matcher = FOR_OVER_VARIABLE.matcher(text);
                    while (matcher.find()) {
                        String type = variables.getOrDefault(matcher.group(2), MissingNode.getInstance()).path("type").asText("");
                        boolean list = type.matches("^\\$\\{(list|tuple)\\(.*");
                        if (list && Pattern.compile("\\b" + Pattern.quote(matcher.group(1)) + "\\b").matcher(matcher.group(3)).find()) {
                            findings.add(folder.name() + ": map keyed by the index " + matcher.group(1) + " of list var." + matcher.group(2)
                                    + "; key it by the element so removing one does not re-key the rest");
                        }
                    }
                });
            }
        }
        return Findings.distinct(findings);
    }
}
