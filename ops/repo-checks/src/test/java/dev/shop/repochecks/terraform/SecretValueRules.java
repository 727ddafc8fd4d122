package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A secret version Terraform writes has a value: PutSecretValue with neither SecretString nor
 * SecretBinary fails the apply. The secrets-manager module writes a version whenever it creates
 * the secret (ignore_secret_changes only stops later applies from reverting it).
 */
final class SecretValueRules {

    static final String SECRETS_MANAGER_MODULE = "terraform-aws-modules/secrets-manager/aws";
    private static final List<String> VALUE_ARGUMENTS = List.of("secret_string", "secret_binary", "secret_string_wo");
    /** A conditional with a null branch: some instances get no value. */
    private static final Pattern NULL_BRANCH = Pattern.compile("[?:]\\s*null\\b");

    private SecretValueRules() {
    }

    static List<String> secretVersionsHaveAValue(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        tree.moduleCalls(SECRETS_MANAGER_MODULE).stream()
                .filter(call -> !call.body().path("create_random_password").asBoolean(false))
                .forEach(call -> check(call.where(), call.body(), findings));
        tree.blocks("resource", "aws_secretsmanager_secret_version").forEach(version -> check(version.where(), version.body(), findings));
        return findings;
    }

    private static void check(String where, JsonNode body, List<String> findings) {
        List<JsonNode> values = VALUE_ARGUMENTS.stream().map(body::path).filter(value -> !value.isMissingNode() && !value.isNull()).toList();
        if (values.isEmpty()) {
            findings.add(where + " writes a secret version with no value (set secret_string, a placeholder such as jsonencode({}) if ops fill it later)");
        } else if (values.stream().allMatch(value -> NULL_BRANCH.matcher(value.asText()).find())) {
            findings.add(where + " writes a secret version whose value is null for some instances");
        }
    }
}
