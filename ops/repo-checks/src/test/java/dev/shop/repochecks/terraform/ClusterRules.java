package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.shop.repochecks.terraform.TerraformTree.Folder;
import static dev.shop.repochecks.terraform.TerraformTree.fields;

/**
 * EKS: add-ons at exact versions, a private API endpoint that admits more than the nodes, and
 * admin roles of IAM Identity Center written with the path CreateAccessEntry needs.
 */
final class ClusterRules {

    static final String EKS_MODULE = "terraform-aws-modules/eks/aws";
    /** An IAM role ARN naming an Identity Center role, with whatever path stands before the name. */
    private static final Pattern SSO_ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/([^\"\\s,]*?)AWSReservedSSO_");
    private static final String SSO_PATH = "aws-reserved/sso.amazonaws.com/";

    private ClusterRules() {
    }

    /**
     * Every EKS add-on names an exact addon_version and does not ask for most_recent: otherwise
     * each plan may install whatever EKS offers that day.
     */
    static List<String> addonsPinned(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        tree.moduleCalls(EKS_MODULE).stream().filter(call -> call.body().has("addons")).forEach(call -> {
            JsonNode addons = call.folder().resolveLocal(call.body().path("addons"));
            if (!addons.isObject()) {
                findings.add(call.where() + " addons must be written out as an object so their versions can be checked");
                return;
            }
            fields(addons).forEach((addon, settings) -> checkAddon(call.where() + " add-on " + addon, settings, findings));
        });
        tree.blocks("resource", "aws_eks_addon").forEach(addon -> checkAddon(addon.where(), addon.body(), findings));
        return findings;
    }

    private static void checkAddon(String where, JsonNode settings, List<String> findings) {
        if (settings.path("addon_version").asText("").isBlank()) {
            findings.add(where + " has no addon_version (pin an exact version)");
        }
        if (settings.path("most_recent").asBoolean(false)) {
            findings.add(where + " sets most_recent = true");
        }
    }

    /**
     * A cluster whose API is not plainly public admits HTTPS (443) to its security group from
     * CIDRs or security groups given by a variable: Terraform's Helm/Kubernetes step and kubectl
     * must reach it from somewhere other than the nodes.
     */
    static List<String> privateApiAdmitsOperators(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        tree.moduleCalls(EKS_MODULE).stream().filter(call -> !call.body().path("endpoint_public_access").asBoolean(false)).forEach(call -> {
            JsonNode rules = call.folder().resolveLocal(call.body().path("security_group_additional_rules"));
            if (!rules.toString().contains("443") || Expressions.variables(rules).isEmpty()) {
                findings.add(call.where() + " has a private API endpoint but security_group_additional_rules"
                        + " admits no 443 from a variable's CIDRs or security groups: only the nodes could reach the API");
            }
        });
        return findings;
    }

    /** Identity Center roles are written with their path aws-reserved/sso.amazonaws.com/[region/]. */
    static List<String> ssoRoleArnsHavePath(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            folder.files().forEach((file, body) -> checkSsoArns(tree.relative(file), body, findings));
        }
        tree.otherHcl().forEach((file, body) -> checkSsoArns(tree.relative(file), body, findings));
        return Findings.distinct(findings);
    }

    private static void checkSsoArns(String where, JsonNode body, List<String> findings) {
        Expressions.forEachString(body, text -> {
            Matcher matcher = SSO_ROLE_ARN.matcher(text);
            while (matcher.find()) {
                if (!matcher.group(1).startsWith(SSO_PATH)) {
                    findings.add(where + ": Identity Center role ARN without its path " + SSO_PATH + " (CreateAccessEntry needs the real ARN)");
                }
            }
        });
    }
}
