package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.shop.repochecks.terraform.TerraformTree.Folder;
import static dev.shop.repochecks.terraform.TerraformTree.fields;

/** No key, token or password literal in any file; secret-named attributes hold expressions only. */
final class HardCodedSecretRules {

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)^(.*[_-])?(password|passwd|secret|token|auth_token|access_key|secret_key|private_key|api_key)$");

    private static final Map<String, Pattern> SECRET_PATTERNS = Map.of(
            "AWS access key ID", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            "AWS secret access key", Pattern.compile("(?i)aws_secret_access_key\\s*=\\s*\"[^\"$]"),
            "private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            "GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"),
            "Slack token", Pattern.compile("\\bxox[baprs]-[A-Za-z0-9-]{10,}"));

    private HardCodedSecretRules() {
    }

    static List<String> noHardCodedSecrets(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Path file : tree.files()) {
            String text = read(file);
            SECRET_PATTERNS.forEach((what, pattern) -> {
                if (pattern.matcher(text).find()) {
                    findings.add(tree.relative(file) + ": looks like a hard-coded " + what);
                }
            });
        }
        for (Folder folder : tree.folders()) {
            folder.blocks("variable").forEach((name, body) -> {
                JsonNode defaultValue = body.path("default");
                if (SECRET_NAME.matcher(name).matches() && defaultValue.isTextual() && !defaultValue.asText().isEmpty()) {
                    findings.add(folder.name() + ": variable " + name + " has a literal default; secrets come from Secrets Manager");
                }
            });
            for (JsonNode body : folder.bodiesWithoutVariables()) {
                secretLiterals(body, folder.name(), findings);
            }
        }
        tree.otherHcl().forEach((file, body) -> secretLiterals(body, tree.relative(file), findings));
        return Findings.distinct(findings);
    }

    private static void secretLiterals(JsonNode node, String where, List<String> findings) {
        if (node.isArray()) {
            node.forEach(child -> secretLiterals(child, where, findings));
        } else if (node.isObject()) {
            fields(node).forEach((key, value) -> {
                if (SECRET_NAME.matcher(key).matches() && value.isTextual()
                        && !value.asText().isEmpty() && !Expressions.isExpression(value)) {
                    findings.add(where + ": " + key + " is a literal string; secrets come from Secrets Manager");
                }
                secretLiterals(value, where, findings);
            });
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
