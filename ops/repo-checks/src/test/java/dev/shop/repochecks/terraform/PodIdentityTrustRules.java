package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static dev.shop.repochecks.terraform.TerraformTree.Folder;

/**
 * Roles that EKS Pod Identity (service principal pods.eks.amazonaws.com) may assume name the
 * account in aws:SourceAccount, so the service acts for this account only (confused deputy).
 */
final class PodIdentityTrustRules {

    static final String POD_IDENTITY_MODULE = "terraform-aws-modules/eks-pod-identity/aws";
    private static final String SERVICE = "pods.eks.amazonaws.com";
    private static final String SOURCE_ACCOUNT = "aws:SourceAccount";

    private PodIdentityTrustRules() {
    }

    static List<String> sourceAccountInTrust(TerraformTree tree) {
        List<String> findings = new ArrayList<>();
        for (Folder folder : tree.folders()) {
            folder.blocks("module").forEach((callName, call) -> {
                if (call.path("source").asText("").equals(POD_IDENTITY_MODULE)
                        && !folder.resolveLocal(call.path("trust_policy_conditions")).toString().contains(SOURCE_ACCOUNT)) {
                    findings.add(folder.name() + ": module " + callName + " trust_policy_conditions has no " + SOURCE_ACCOUNT + " condition");
                }
            });
            folder.blocks("data", "aws_iam_policy_document").forEach((docName, doc) -> {
                for (JsonNode statement : doc.path("statement")) {
                    if (statement.path("principals").toString().contains(SERVICE)
                            && !statement.path("condition").toString().contains(SOURCE_ACCOUNT)) {
                        findings.add(folder.name() + ": policy document " + docName + " trusts " + SERVICE + " without a " + SOURCE_ACCOUNT + " condition");
                    }
                }
            });
            folder.blocks("resource", "aws_iam_role").forEach((roleName, role) -> {
                String trust = role.path("assume_role_policy").toString();
                if (trust.contains(SERVICE) && !trust.contains(SOURCE_ACCOUNT)) {
                    findings.add(folder.name() + ": aws_iam_role " + roleName + " trusts " + SERVICE + " without a " + SOURCE_ACCOUNT + " condition");
                }
            });
        }
        return findings;
    }
}
