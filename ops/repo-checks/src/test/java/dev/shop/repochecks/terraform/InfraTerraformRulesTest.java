package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    void allRulesTogetherFindNothing() {
        List<String> findings = TerraformRules.all(tree);
        assertThat(findings).as(String.join("\n", findings)).isEmpty();
    }
}
