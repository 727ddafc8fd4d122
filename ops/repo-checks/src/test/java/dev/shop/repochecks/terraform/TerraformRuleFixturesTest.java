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
            Map.entry("files", TerraformRules::referencedFilesExist));

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
