package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.shop.repochecks.terraform.TerraformTree.Folder;
import static dev.shop.repochecks.terraform.TerraformTree.textValues;

/**
 * GitHub OIDC trust policies: written as aws_iam_policy_document; aud = sts.amazonaws.com by
 * StringEquals; sub by StringEquals/StringLike (never ForAllValues/ForAnyValue, never empty)
 * and only the delivery environments; the push role exactly those, so pull_request runs and
 * branches outside an environment get no push role.
 */
final class GithubOidcTrustRules {

    static final String SUB = "token.actions.githubusercontent.com:sub";
    static final String AUD = "token.actions.githubusercontent.com:aud";
    /**
     * The only GitHub environments that may assume a role; the push role must allow exactly these.
     * Roles trust environments, not branches: each environment admits only its branches
     * (.github/settings/environments, checked by the workflows' RolePermissionsTest).
     */
    static final Set<String> DELIVERY_ENVIRONMENTS = Set.of("dev", "staging", "production");
    /**
     * The manual promotion pull request's environment (promote.yml): its gitops promote reads
     * signatures and SBOMs, so a read role's trust (a document named *read*) may admit it; no other.
     */
    static final String PROMOTION_ENVIRONMENT = "promotion";

    private static final Pattern SUBJECT = Pattern.compile("^repo:([^:*]+/[^:*]+):environment:([A-Za-z0-9_.-]+)$");

    private GithubOidcTrustRules() {
    }

    static List<String> githubOidcTrust(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        tree.blocks("data", "aws_iam_policy_document").forEach(doc -> {
            for (JsonNode statement : doc.body().path("statement")) {
                if (!textValues(statement.path("actions")).contains("sts:AssumeRoleWithWebIdentity")) {
                    continue;
                }
                List<JsonNode> conditions = new ArrayList<>();
                statement.path("condition").forEach(conditions::add);
                checkTrustStatement(doc.folder().name() + ": policy document " + doc.name(), doc.name(), conditions, findings);
            }
        });
        // A GitHub subject anywhere else (jsonencode'd policies, inline JSON) escapes this rule.
        for (Folder folder : tree.folders()) {
            for (JsonNode body : folder.bodiesWithoutVariables()) {
                Expressions.forEachString(body, text -> {
                    if (text.contains(SUB) && !text.equals(SUB)) {
                        findings.add(folder.name() + ": GitHub sub condition outside an aws_iam_policy_document condition block");
                    }
                });
            }
        }
        return Findings.distinct(findings);
    }

    private static void checkTrustStatement(String where, String docName, List<JsonNode> conditions, List<String> findings) {
        List<JsonNode> aud = conditions.stream().filter(c -> AUD.equals(c.path("variable").asText())).toList();
        List<JsonNode> sub = conditions.stream().filter(c -> SUB.equals(c.path("variable").asText())).toList();
        if (aud.isEmpty() || aud.stream().anyMatch(c -> !"StringEquals".equals(c.path("test").asText())
                || !textValues(c.path("values")).equals(List.of("sts.amazonaws.com")))) {
            findings.add(where + ": needs StringEquals " + AUD + " = [\"sts.amazonaws.com\"]");
        }
        if (sub.isEmpty()) {
            findings.add(where + ": has no " + SUB + " condition, so any repository could assume the role");
            return;
        }
        Set<String> environments = new LinkedHashSet<>();
        for (JsonNode condition : sub) {
            String test = condition.path("test").asText();
            if (!test.equals("StringEquals") && !test.equals("StringLike")) {
                findings.add(where + ": sub condition test " + test + " (only StringEquals or StringLike; ForAllValues passes on an empty claim)");
            }
            List<String> values = textValues(condition.path("values"));
            if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
                findings.add(where + ": sub condition has empty values");
            }
            for (String value : values) {
                String subject = value.replaceAll("\\$\\{[^}]*}", "owner/repo");
                Matcher matcher = SUBJECT.matcher(subject);
                if (!matcher.matches()) {
                    findings.add(where + ": subject '" + value + "' is not repo:<owner>/<repo>:environment:<name>");
                } else if (DELIVERY_ENVIRONMENTS.contains(matcher.group(2))) {
                    environments.add(matcher.group(2));
                } else if (!(matcher.group(2).equals(PROMOTION_ENVIRONMENT) && docName.contains("read"))) {
                    findings.add(where + ": subject '" + value + "' allows environment " + matcher.group(2) + ", not a delivery environment");
                }
            }
        }
        if (docName.contains("push") && !environments.equals(DELIVERY_ENVIRONMENTS)) {
            findings.add(where + ": the push role must trust exactly " + new TreeSet<>(DELIVERY_ENVIRONMENTS) + ", trusts " + environments);
        }
    }
}
