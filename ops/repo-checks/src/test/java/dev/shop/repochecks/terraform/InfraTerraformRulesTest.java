package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real infra-terraform/ tree passes every rule, and the rules really saw what they check. */
class InfraTerraformRulesTest {

    private static TerraformRule.Inputs repository;
    private static TerraformTree tree;

    @BeforeAll
    static void parseInfraTerraform() {
        repository = TerraformRule.Inputs.repository();
        tree = repository.tree();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.shop.repochecks.terraform.TerraformRule#all")
    void theTreePassesTheRule(TerraformRule rule) {
        List<String> findings = rule.check(repository);

        assertThat(findings).as(String.join("\n", findings)).isEmpty();
    }

    @Test
    void hasTheModulesAndLiveRootsOfTheDesign() {
        assertThat(tree.folders()).extracting(TerraformTree.Folder::name).containsExactlyInAnyOrder(
                "envs/nonprod", "envs/prod",
                "modules/bootstrap", "modules/ci-identity", "modules/cluster", "modules/data",
                "modules/network", "modules/registry", "modules/secrets");
    }

    @Test
    void theGithubTrustRuleSawThePushRole() {
        assertThat(folder("modules/ci-identity").blocks("data", "aws_iam_policy_document")).containsKey("push_trust");
    }

    /**
     * The rules saw what they check: a module call's argument (a JSON pointer into its body) as the
     * tree has it, matched whole by the pattern.
     */
    @ParameterizedTest(name = "{0} module {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            modules/registry | repository | /repository_image_tag_mutability               | IMMUTABLE
            envs/prod        | data       | /source                                        | \\.\\./\\.\\./modules/data
            envs/nonprod     | bootstrap  | /root_application_file                         | .*ops/argocd/bootstrap/nonprod\\.yaml
            modules/cluster  | eks        | /addons/vpc-cni/configuration_values           | (?s).*enableNetworkPolicy = "true".*
            """)
    void theRulesSawTheModuleArgumentsTheyCheck(String dir, String module, String pointer, String pattern) {
        assertThat(folder(dir).blocks("module").get(module).at(pointer).asText()).matches(pattern);
    }

    @Test
    void theTfvarsRuleSawTheExamplesAndTheTflintConfig() {
        assertThat(tree.otherHcl().keySet()).extracting(tree::relative)
                .contains("envs/nonprod/terraform.tfvars.example", "envs/prod/terraform.tfvars.example", ".tflint.hcl");
    }

    @Test
    void moduleFactsKnowTheInputsOfThePinnedVersions() {
        assertThat(repository.facts().find("terraform-aws-modules/vpc/aws", "6.5.0").orElseThrow().inputs())
                .containsKey("create_flow_log_cloudwatch_iam_role").doesNotContainKey("create_flow_log_iam_role");
    }

    @Test
    void everyFactsFileIsForAModuleVersionInUse() {
        List<String> pinned = tree.moduleCalls().stream()
                .filter(call -> ModuleSources.isRegistry(call.source()))
                .map(call -> call.source() + "@" + call.body().path("version").asText())
                .distinct().toList();
        assertThat(repository.facts().all().keySet()).containsExactlyInAnyOrderElementsOf(pinned);
    }

    @Test
    void thePodIdentityRuleSawEveryRole() {
        assertThat(tree.moduleCalls(PodIdentityTrustRules.POD_IDENTITY_MODULE)).as("EBS CSI, cert-manager, External Secrets").hasSize(3);
    }

    @Test
    void externalSecretsStoreRolesFollowTheContractWithOpsArgocd() {
        TerraformTree.Folder secrets = folder("modules/secrets");
        Map<String, JsonNode> locals = secrets.locals();
        assertThat(locals.get("stores").asText()).contains("var.environments").contains("\"platform\"");
        assertThat(locals.get("store_role_names").asText()).contains("\"${var.cluster_name}-secrets-${store}\"");
        JsonNode read = secrets.blocks("data", "aws_iam_policy_document").get("store_read").path("statement").get(0);
        assertThat(TerraformTree.textValues(read.path("actions")))
                .containsExactlyInAnyOrder("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret");
        assertThat(read.path("resources").get(0).asText()).endsWith(":secret:shop/${each.key}/*");
        JsonNode base = secrets.blocks("module").get("external_secrets_pod_identity");
        assertThat(base.path("associations").path("external_secrets").path("namespace").asText()).isEqualTo("${var.external_secrets_namespace}");
        assertThat(base.path("policy_statements").toString()).contains("sts:AssumeRole").doesNotContain("secretsmanager:");
    }

    private static TerraformTree.Folder folder(String name) {
        return tree.folder(RepoPaths.infraTerraform().resolve(name)).orElseThrow();
    }
}
