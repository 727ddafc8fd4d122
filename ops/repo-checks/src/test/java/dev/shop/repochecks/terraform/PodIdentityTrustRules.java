package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

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
        tree.moduleCalls(POD_IDENTITY_MODULE).forEach(call -> {
            if (!call.folder().resolveLocal(call.body().path("trust_policy_conditions")).toString().contains(SOURCE_ACCOUNT)) {
                findings.add(call.where() + " trust_policy_conditions has no " + SOURCE_ACCOUNT + " condition");
            }
        });
        tree.blocks("data", "aws_iam_policy_document").forEach(doc -> {
            for (JsonNode statement : doc.body().path("statement")) {
                if (statement.path("principals").toString().contains(SERVICE)
                        && !statement.path("condition").toString().contains(SOURCE_ACCOUNT)) {
                    findings.add(doc.folder().name() + ": policy document " + doc.name() + " trusts " + SERVICE + " without a " + SOURCE_ACCOUNT + " condition");
                }
            }
        });
        tree.blocks("resource", "aws_iam_role").forEach(role -> {
            String trust = role.body().path("assume_role_policy").toString();
            if (trust.contains(SERVICE) && !trust.contains(SOURCE_ACCOUNT)) {
                findings.add(role.where() + " trusts " + SERVICE + " without a " + SOURCE_ACCOUNT + " condition");
            }
        });
        return findings;
    }
}
