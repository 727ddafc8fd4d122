package dev.shop.repochecks.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.repochecks.terraform.HclParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the workflows rely on outside themselves, read from the files that define it: the repository
 * settings as code ({@code .github/settings/rulesets}, {@code .github/settings/environments}) and the
 * IAM roles of {@code infra-terraform/modules/ci-identity} (parsed with HashiCorp's HCL parser): per
 * role, the GitHub variable that carries its ARN, the subjects its trust policy admits and the
 * actions its policy allows.
 */
record DeliverySetup(Map<String, JsonNode> rulesets, Map<String, JsonNode> environments, Map<String, Role> rolesByVariable) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An IAM role the workflows assume: trust subjects (StringEquals or StringLike patterns) and allowed actions. */
    record Role(String name, List<String> subjects, List<String> actions) {

        boolean trusts(String subject) {
            return subjects.stream().anyMatch(pattern -> subject.matches(
                    ("\\Q" + pattern.replace("*", "\\E.*\\Q") + "\\E").replace("\\Q\\E", "")));
        }

        boolean allows(String action) {
            return actions.stream().anyMatch(allowed -> action.matches(
                    ("\\Q" + allowed.replace("*", "\\E.*\\Q") + "\\E").replace("\\Q\\E", "")));
        }
    }

    static DeliverySetup load(Path repoRoot) {
        return new DeliverySetup(json(repoRoot.resolve(".github/settings/rulesets")),
                json(repoRoot.resolve(".github/settings/environments")),
                roles(repoRoot.resolve("infra-terraform/modules/ci-identity"), "owner/repo"));
    }

    DeliverySetup withEnvironments(Map<String, JsonNode> replaced) {
        return new DeliverySetup(rulesets, replaced, rolesByVariable);
    }

    DeliverySetup withRulesets(Map<String, JsonNode> replaced) {
        return new DeliverySetup(replaced, environments, rolesByVariable);
    }

    /** Branch patterns an environment admits (its deployment branch policies). */
    List<String> admittedBranches(String environment) {
        List<String> branches = new ArrayList<>();
        environments.getOrDefault(environment, JSON.createObjectNode()).path("deployment_branch_policies")
                .forEach(policy -> branches.add(policy.path("name").asText()));
        return branches;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, JsonNode> json(Path dir) {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                JsonNode node = JSON.readTree(file.toFile());
                files.put(node.path("name").asText(file.getFileName().toString()), node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * Roles by the GitHub variable named in the description of the module output that returns the
     * role's ARN; the role's trust document and policy document found through the references in
     * aws_iam_role and aws_iam_role_policy. {@code ${var.github_repository}} becomes repository.
     */
    static Map<String, Role> roles(Path module, String repository) {
        List<Path> files;
        try (Stream<Path> list = Files.list(module)) {
            files = list.filter(path -> path.toString().endsWith(".tf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode merged = JSON.createObjectNode();
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        Map<String, JsonNode> roles = new LinkedHashMap<>();
        Map<String, JsonNode> rolePolicies = new LinkedHashMap<>();
        Map<String, JsonNode> outputs = new LinkedHashMap<>();
        for (JsonNode body : HclParser.forRepository().parse(files).values()) {
            body.path("data").path("aws_iam_policy_document").fields().forEachRemaining(e -> documents.put(e.getKey(), e.getValue().get(0)));
            body.path("resource").path("aws_iam_role").fields().forEachRemaining(e -> roles.put(e.getKey(), e.getValue().get(0)));
            body.path("resource").path("aws_iam_role_policy").fields().forEachRemaining(e -> rolePolicies.put(e.getKey(), e.getValue().get(0)));
            body.path("output").fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().get(0)));
        }
        Map<String, Role> byVariable = new LinkedHashMap<>();
        outputs.forEach((name, output) -> {
            java.util.regex.Matcher variable = java.util.regex.Pattern.compile("GitHub variable (\\w+)")
                    .matcher(output.path("description").asText());
            java.util.regex.Matcher role = java.util.regex.Pattern.compile("aws_iam_role\\.(\\w+)")
                    .matcher(output.path("value").asText());
            if (!variable.find() || !role.find()) {
                return;
            }
            JsonNode roleBlock = roles.get(role.group(1));
            List<String> subjects = new ArrayList<>();
            documentOf(roleBlock.path("assume_role_policy").asText(), documents).path("statement").forEach(statement ->
                    statement.path("condition").forEach(condition -> {
                        if (condition.path("variable").asText().endsWith(":sub")) {
                            condition.path("values").forEach(value -> subjects.add(
                                    value.asText().replace("${var.github_repository}", repository)));
                        }
                    }));
            List<String> actions = new ArrayList<>();
            rolePolicies.values().stream()
                    .filter(policy -> policy.path("role").asText().contains("aws_iam_role." + role.group(1) + "["))
                    .forEach(policy -> documentOf(policy.path("policy").asText(), documents).path("statement")
                            .forEach(statement -> statement.path("actions").forEach(action -> actions.add(action.asText()))));
            byVariable.put(variable.group(1), new Role(role.group(1), subjects, actions));
        });
        return byVariable;
    }

    private static JsonNode documentOf(String reference, Map<String, JsonNode> documents) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("data\\.aws_iam_policy_document\\.(\\w+)").matcher(reference);
        return matcher.find() && documents.containsKey(matcher.group(1)) ? documents.get(matcher.group(1)) : JSON.createObjectNode();
    }
}
