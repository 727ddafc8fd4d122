package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real infra-terraform/ tree passes every rule, and the rules really saw what they check. */
class InfraTerraformRulesTest {

    private static TerraformTree tree;

    @BeforeAll
    static void parseInfraTerraform() {
        tree = TerraformTree.load(RepoPaths.infraTerraform(), HclParser.forRepository());
    }

    @Test
    void hasTheModulesAndLiveRootsOfTheDesign() {
        assertThat(tree.folders()).extracting(TerraformTree.Folder::name).containsExactlyInAnyOrder(
                "envs/nonprod", "envs/prod",
                "modules/bootstrap", "modules/ci-identity", "modules/cluster", "modules/data",
                "modules/network", "modules/registry", "modules/secrets");
    }

    @Test
    void modulesHaveTheStandardFilesAndDocumentedInterfaces() {
        assertThat(TerraformRules.moduleLayout(tree)).isEmpty();
    }

    @Test
    void everyVariableIsDeclaredAndUsed() {
        assertThat(TerraformRules.variablesDeclaredAndUsed(tree)).isEmpty();
    }

    @Test
    void moduleCallsMatchTheModulesTheyCall() {
        assertThat(TerraformRules.moduleCallsMatchModules(tree)).isEmpty();
    }

    @Test
    void versionsArePinned() {
        assertThat(TerraformRules.versionsPinned(tree)).isEmpty();
    }

    @Test
    void stateIsInS3WithNativeLocking() {
        assertThat(TerraformRules.stateBackend(tree)).isEmpty();
    }

    @Test
    void noSecretIsHardCoded() {
        assertThat(TerraformRules.noHardCodedSecrets(tree)).isEmpty();
    }

    @Test
    void githubTrustIsLimitedToDeliveryEnvironments() {
        assertThat(TerraformRules.githubOidcTrust(tree)).isEmpty();
        Map<String, JsonNode> documents = tree.folder(RepoPaths.infraTerraform().resolve("modules/ci-identity")).orElseThrow()
                .blocks("data", "aws_iam_policy_document");
        assertThat(documents).containsKey("push_trust");
    }

    @Test
    void imageTagsAreImmutable() {
        assertThat(TerraformRules.ecrImmutable(tree)).isEmpty();
        JsonNode registry = tree.folder(RepoPaths.infraTerraform().resolve("modules/registry")).orElseThrow()
                .blocks("module").get("repository");
        assertThat(registry.path("repository_image_tag_mutability").asText()).isEqualTo("IMMUTABLE");
    }

    @Test
    void prodDataStoresAreProtected() {
        assertThat(TerraformRules.prodDataStores(tree)).isEmpty();
        JsonNode prodData = tree.folder(RepoPaths.infraTerraform().resolve("envs/prod")).orElseThrow()
                .blocks("module").get("data");
        assertThat(prodData.path("source").asText()).isEqualTo("../../modules/data");
    }

    @Test
    void tfvarsExamplesMatchTheirRoots() {
        assertThat(TerraformRules.exampleVariables(tree)).isEmpty();
        assertThat(tree.otherHcl().keySet()).extracting(tree::relative)
                .contains("envs/nonprod/terraform.tfvars.example", "envs/prod/terraform.tfvars.example", ".tflint.hcl");
    }

    @Test
    void rootApplicationManifestsExist() {
        assertThat(TerraformRules.referencedFilesExist(tree)).isEmpty();
        JsonNode bootstrap = tree.folder(RepoPaths.infraTerraform().resolve("envs/nonprod")).orElseThrow()
                .blocks("module").get("bootstrap");
        assertThat(bootstrap.path("root_application_file").asText()).endsWith("ops/argocd/bootstrap/nonprod.yaml");
    }

    @Test
    void moduleCallsUseOnlyInputsOfThePinnedVersions() {
        ModuleFacts facts = ModuleFacts.forRepository();
        assertThat(ModuleInputRules.inputsExist(tree, facts)).isEmpty();
        assertThat(facts.find("terraform-aws-modules/vpc/aws", "6.5.0").orElseThrow().inputs())
                .containsKey("create_flow_log_cloudwatch_iam_role").doesNotContainKey("create_flow_log_iam_role");
    }

    @Test
    void everyFactsFileIsForAModuleVersionInUse() {
        List<String> pinned = tree.folders().stream()
                .flatMap(folder -> folder.blocks("module").values().stream())
                .filter(call -> TerraformRules.isRegistry(call.path("source").asText("")))
                .map(call -> call.path("source").asText() + "@" + call.path("version").asText())
                .distinct().toList();
        assertThat(ModuleFacts.forRepository().all().keySet()).containsExactlyInAnyOrderElementsOf(pinned);
    }

    @Test
    void versionFloorsCoverTheModulesUsed() {
        assertThat(ModuleInputRules.versionFloors(tree, ModuleFacts.forRepository())).isEmpty();
    }

    @Test
    void addonsArePinnedAndNetworkPolicyIsEnforced() {
        assertThat(ClusterRules.addonsPinned(tree)).isEmpty();
        JsonNode vpcCni = tree.folder(RepoPaths.infraTerraform().resolve("modules/cluster")).orElseThrow()
                .blocks("module").get("eks").path("addons").path("vpc-cni");
        assertThat(vpcCni.path("configuration_values").asText()).contains("enableNetworkPolicy = \"true\"");
    }

    @Test
    void privateApiAdmitsTheOperatorsNetworks() {
        assertThat(ClusterRules.privateApiAdmitsOperators(tree)).isEmpty();
    }

    @Test
    void identityCenterRolesAreWrittenWithTheirPath() {
        assertThat(ClusterRules.ssoRoleArnsHavePath(tree)).isEmpty();
    }

    @Test
    void mapsAreNotKeyedByListIndex() {
        assertThat(StableKeyRules.mapsNotKeyedByListIndex(tree)).isEmpty();
    }

    @Test
    void podIdentityTrustNamesTheAccount() {
        assertThat(PodIdentityTrustRules.sourceAccountInTrust(tree)).isEmpty();
        long podIdentityRoles = tree.folders().stream()
                .flatMap(folder -> folder.blocks("module").values().stream())
                .filter(call -> call.path("source").asText("").equals(PodIdentityTrustRules.POD_IDENTITY_MODULE))
                .count();
        assertThat(podIdentityRoles).as("EBS CSI, cert-manager, External Secrets").isEqualTo(3);
    }

    @Test
    void externalSecretsStoreRolesFollowTheContractWithOpsArgocd() {
        TerraformTree.Folder secrets = tree.folder(RepoPaths.infraTerraform().resolve("modules/secrets")).orElseThrow();
        Map<String, JsonNode> locals = secrets.locals();
        assertThat(locals.get("stores").asText()).contains("var.environments").contains("\"platform\"");
        assertThat(locals.get("store_role_names").asText()).contains("\"${var.cluster_name}-secrets-${store}\"");
        JsonNode read = secrets.blocks("data", "aws_iam_policy_document").get("store_read").path("statement").get(0);
        assertThat(TerraformRules.textValues(read.path("actions")))
                .containsExactlyInAnyOrder("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");
        assertThat(read.path("resources").get(0).asText()).endsWith(":secret:shop/${each.key}/*");
        JsonNode base = secrets.blocks("module").get("external_secrets_pod_identity");
        assertThat(base.path("associations").path("external_secrets").path("namespace").asText()).isEqualTo("${var.external_secrets_namespace}");
        assertThat(base.path("policy_statements").toString()).contains("sts:AssumeRole").doesNotContain("secretsmanager:");
    }

    @Test
    void everySecretVersionHasAValue() {
        assertThat(SecretValueRules.secretVersionsHaveAValue(tree)).isEmpty();
    }

    @Test
    void overlayEndpointsHaveTheShapeTerraformCreates() {
        assertThat(OverlayEndpointRules.overlayEndpointsHaveTerraformShape(tree, RepoPaths.repoRoot().resolve("gitops-envs/envs"))).isEmpty();
    }

    @Test
    void allRulesTogetherFindNothing() {
        List<String> findings = new ArrayList<>(TerraformRules.all(tree));
        findings.addAll(ModuleInputRules.all(tree, ModuleFacts.forRepository()));
        findings.addAll(ClusterRules.all(tree));
        findings.addAll(StableKeyRules.mapsNotKeyedByListIndex(tree));
        findings.addAll(PodIdentityTrustRules.sourceAccountInTrust(tree));
        findings.addAll(SecretValueRules.secretVersionsHaveAValue(tree));
        findings.addAll(OverlayEndpointRules.overlayEndpointsHaveTerraformShape(tree, RepoPaths.repoRoot().resolve("gitops-envs/envs")));
        assertThat(findings).as(String.join("\n", findings)).isEmpty();
    }
}
