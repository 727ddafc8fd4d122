package dev.shop.repochecks.terraform;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule fails on a small broken tree under src/test/resources/terraform/. */
class TerraformRuleFixturesTest {

    private static final Map<String, Function<TerraformTree, List<String>>> RULES = Map.ofEntries(
            Map.entry("layout", TerraformRules::moduleLayout),
            Map.entry("variables", TerraformRules::variablesDeclaredAndUsed),
            Map.entry("module-calls", TerraformRules::moduleCallsMatchModules),
            Map.entry("versions", TerraformRules::versionsPinned),
            Map.entry("backend", TerraformRules::stateBackend),
            Map.entry("secrets", TerraformRules::noHardCodedSecrets),
            Map.entry("oidc", TerraformRules::githubOidcTrust),
            Map.entry("ecr", TerraformRules::ecrImmutable),
            Map.entry("data", TerraformRules::prodDataStores),
            Map.entry("tfvars", TerraformRules::exampleVariables),
            Map.entry("files", TerraformRules::referencedFilesExist),
            Map.entry("module-inputs", tree -> ModuleInputRules.inputsExist(tree, ModuleFacts.forRepository())),
            Map.entry("version-floors", tree -> ModuleInputRules.versionFloors(tree, ModuleFacts.forRepository())),
            Map.entry("addons", ClusterRules::addonsPinned),
            Map.entry("api-access", ClusterRules::privateApiAdmitsOperators),
            Map.entry("sso-arns", ClusterRules::ssoRoleArnsHavePath),
            Map.entry("index-keys", StableKeyRules::mapsNotKeyedByListIndex),
            Map.entry("pod-identity-trust", PodIdentityTrustRules::sourceAccountInTrust),
            Map.entry("secret-values", SecretValueRules::secretVersionsHaveAValue),
            Map.entry("overlay-endpoints", tree -> OverlayEndpointRules.overlayEndpointsHaveTerraformShape(tree, tree.root().resolve("overlays"))));

    /** Parsed once per fixture: each parse starts Node and the WebAssembly parser. */
    private static final Map<String, TerraformTree> TREES = new ConcurrentHashMap<>();

    private static TerraformTree tree(String fixture) {
        return TREES.computeIfAbsent(fixture, name -> TerraformTree.load(RepoPaths.fixture(name), HclParser.forRepository()));
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            layout         | layout       | modules/m: variables.tf is missing
            layout         | layout       | modules/m: versions.tf is missing
            layout         | layout       | variable untyped has no type
            layout         | layout       | variable untyped has no description
            layout         | layout       | output undocumented has no description
            variables      | variables    | var.missing is used but not declared
            variables      | variables    | variable spare is declared but never used
            module-call    | module-calls | module child passes unknown_argument, which child does not declare
            module-call    | module-calls | module child does not pass required variable required_input
            module-call    | module-calls | module.child.nope is not an output of child
            unpinned       | versions     | module vpc (terraform-aws-modules/vpc/aws) must pin an exact version
            unpinned       | versions     | must pin ?ref= to a commit SHA
            unpinned       | versions     | provider aws version '>= 6.0' has no upper bound
            unpinned       | versions     | terraform.required_version is not set
            unpinned       | versions     | helm_release argocd must pin an exact chart version
            unpinned       | versions     | tflint plugin aws must pin an exact version
            backend        | backend      | backend must set use_lockfile = true
            backend        | backend      | deprecated dynamodb_table lock
            backend        | backend      | backend must set encrypt = true
            backend        | backend      | use_lockfile needs required_version >= 1.10
            secrets        | secrets      | looks like a hard-coded AWS access key ID
            secrets        | secrets      | variable db_password has a literal default
            secrets        | secrets      | password is a literal string
            secrets        | secrets      | terraform.tfvars.example: redis_auth_token is a literal string
            oidc           | oidc         | policy document for_all_values: sub condition test ForAllValues:StringLike
            oidc           | oidc         | policy document no_subject: has no token.actions.githubusercontent.com:sub condition
            oidc           | oidc         | policy document empty_subject: sub condition has empty values
            oidc           | oidc         | policy document empty_subject: needs StringEquals token.actions.githubusercontent.com:aud
            oidc           | oidc         | subject 'repo:${var.repo}:pull_request' is not repo:<owner>/<repo>:environment:<name>
            oidc           | oidc         | allows environment feature-preview, not a delivery environment
            oidc           | oidc         | policy document image_push_trust: the push role must trust exactly
            oidc           | oidc         | GitHub sub condition outside an aws_iam_policy_document condition block
            ecr            | ecr          | ECR module repository must set repository_image_tag_mutability = "IMMUTABLE"
            ecr            | ecr          | ECR module repository must set repository_image_scan_on_push = true
            ecr            | ecr          | aws_ecr_repository handmade must set image_tag_mutability = "IMMUTABLE"
            prod-data      | data         | module postgres must set manage_master_user_password = true
            prod-data      | data         | module postgres must not set a master password
            prod-data      | data         | module postgres must run PostgreSQL 17
            prod-data      | data         | module postgres must take multi_az from a variable
            prod-data      | data         | module cache must set transit_encryption_enabled = true
            prod-data      | data         | module cache must take auth_token from Secrets Manager
            prod-data      | data         | envs/prod: module data must set multi_az = true
            prod-data      | data         | envs/prod: module data must set deletion_protection = true
            prod-data      | data         | envs/prod: module data must set skip_final_snapshot = false
            prod-data      | data         | envs/prod: module data must keep backup_retention_days >= 7
            tfvars-example | tfvars       | not_a_variable is not a variable of envs/x
            tfvars-example | tfvars       | required variable required_input is missing
            module-call    | files        | ${path.module}/../bootstrap/missing.yaml does not exist
            module-inputs  | module-inputs | module vpc (terraform-aws-modules/vpc/aws 6.5.0) passes create_flow_log_iam_role, which is not an input of that version
            module-inputs  | module-inputs | enable_nat_gateway is bool but gets "yes"
            module-inputs  | module-inputs | azs is list(string) but gets the scalar "eu-central-1a"
            module-inputs  | module-inputs | module postgres (terraform-aws-modules/rds/aws 7.0.0) does not pass required input identifier
            module-inputs  | module-inputs | module unpinned_facts (terraform-aws-modules/vpc/aws 6.4.0) has no facts file
            module-inputs  | version-floors | modules/m: required_version '>= 1.10, < 2.0' is below 1.11.0, which terraform-aws-modules/rds/aws 7.0.0 needs
            module-inputs  | version-floors | envs/r: required_version '>= 1.9, < 2.0' is below 1.10.0, which modules/m needs
            module-inputs  | version-floors | envs/r: required_version '>= 1.9, < 2.0' is below 1.11.0, which terraform-aws-modules/rds/aws 7.0.0 needs
            module-inputs  | version-floors | modules/m: provider aws '>= 6.0, < 7.0' allows versions below 6.23.0, which module eks needs
            cluster        | addons       | module eks add-on vpc-cni has no addon_version
            cluster        | addons       | module eks add-on coredns sets most_recent = true
            cluster        | addons       | aws_eks_addon kube_proxy has no addon_version
            cluster        | api-access   | module eks has a private API endpoint but security_group_additional_rules admits no 443
            cluster        | sso-arns     | main.tf: Identity Center role ARN without its path aws-reserved/sso.amazonaws.com/
            cluster        | index-keys   | map keyed by the index index of list var.admin_role_arns
            pod-identity   | pod-identity-trust | module no_conditions trust_policy_conditions has no aws:SourceAccount condition
            pod-identity   | pod-identity-trust | policy document pod_trust trusts pods.eks.amazonaws.com without a aws:SourceAccount condition
            pod-identity   | pod-identity-trust | aws_iam_role inline_trust trusts pods.eks.amazonaws.com without a aws:SourceAccount condition
            secret-value   | secret-values | module conditional_null writes a secret version whose value is null for some instances
            secret-value   | secret-values | module no_value writes a secret version with no value
            secret-value   | secret-values | aws_secretsmanager_secret_version empty writes a secret version with no value
            overlay-endpoints | overlay-endpoints | module data_dev (dev): postgres-endpoint shop-dev.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com:5432 does not have the shape
            overlay-endpoints | overlay-endpoints | module data_dev (dev): redis-endpoint shop-dev-sessions.a1b2c3.ng.0001.euc1.cache.amazonaws.com:6379 does not have the shape
            """)
    void ruleReportsTheBrokenFixture(String fixture, String rule, String expected) {
        List<String> findings = RULES.get(rule).apply(tree(fixture));

        assertThat(findings).as("findings of %s on %s", rule, fixture).anyMatch(finding -> finding.contains(expected));
    }

    @ParameterizedTest(name = "literal mention is not a reference in {0}")
    @CsvSource({"variables"})
    void literalStringsAreNotReferences(String fixture) {
        assertThat(TerraformRules.variablesDeclaredAndUsed(tree(fixture))).noneMatch(finding -> finding.contains("literal_only"));
    }
}
