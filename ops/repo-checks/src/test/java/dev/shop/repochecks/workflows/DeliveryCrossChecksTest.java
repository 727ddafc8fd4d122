package dev.shop.repochecks.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflows against what they rely on: IAM roles (infra-terraform, parsed), the repository
 * settings as code (.github/settings) and the documented flow (docs/pipeline.md). Each rule holds
 * for the repository and rejects a broken example of its class.
 */
class DeliveryCrossChecksTest {

    private static final String ADMISSION_POLICY = "ops/argocd/platform/admission/policies/shop-images.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<WorkflowFile> repository;
    private static DeliverySetup setup;

    @BeforeAll
    static void load() {
        repository = WorkflowFile.all(Repository.root());
        setup = DeliverySetup.load(Repository.root());
        assertThat(setup.rolesByVariable()).containsKeys("AWS_IMAGE_PUSH_ROLE_ARN", "AWS_IMAGE_READ_ROLE_ARN");
        assertThat(setup.environments()).containsKeys("dev", "staging", "production", "promotion");
    }

    /** The repository's workflows with one file replaced or added. */
    private static List<WorkflowFile> with(String name, String yaml) {
        List<WorkflowFile> files = new java.util.ArrayList<>(repository.stream().filter(file -> !file.name().equals(name)).toList());
        files.add(WorkflowFile.parse(name, yaml));
        return files;
    }

    @Test
    void everyAwsCallIsAllowedToTheRoleTheJobAssumesAndTheRoleTrustsTheJob() {
        assertThat(DeliveryRules.rolesCoverTheirSteps(repository, setup)).isEmpty();
        // the defects of issue 12: ECR login with a role that may only describe clusters, kubectl from a
        // GitHub-hosted runner, a push outside any environment, a tag with no role at all
        assertThat(DeliveryRules.rolesCoverTheirSteps(with(".github/workflows/broken.yml", """
                on:
                  push:
                    branches: [main]
                jobs:
                  load-test:
                    runs-on: ubuntu-24.04
                    environment: staging
                    steps:
                      - uses: ./.github/actions/aws-ecr
                        with:
                          role-to-assume: ${{ vars.AWS_STATUS_ROLE_ARN_NONPROD }}
                      - run: kubectl get applications
                  publish:
                    runs-on: ubuntu-24.04
                    steps:
                      - uses: ./.github/actions/aws-ecr
                        with:
                          role-to-assume: ${{ vars.AWS_IMAGE_PUSH_ROLE_ARN }}
                      - run: ./mvnw package -Dquarkus.container-image.push=true
                      - run: aws eks update-kubeconfig --name shop
                  tag:
                    runs-on: ubuntu-24.04
                    steps:
                      - run: aws ecr get-login-password | java -jar pipeline.jar tag-release --env-dir x --tag v1
                  sign:
                    runs-on: ubuntu-24.04
                    environment: dev
                    steps:
                      - uses: ./.github/actions/sign-images
                """), setup)).containsExactlyInAnyOrder(
                ".github/workflows/broken.yml job load-test: runs kubectl on a GitHub-hosted runner; the cluster API is private",
                ".github/workflows/broken.yml job load-test: vars.AWS_STATUS_ROLE_ARN_NONPROD is no role ARN output of infra-terraform/modules/ci-identity",
                ".github/workflows/broken.yml job publish: eks:DescribeCluster is not allowed to role push",
                ".github/workflows/broken.yml job publish: role push does not trust OIDC subject repo:owner/repo:ref:refs/heads/main",
                ".github/workflows/broken.yml job tag: calls [ecr:GetAuthorizationToken, ecr:BatchGetImage, ecr:PutImage] without assuming an AWS role",
                // the ECR pushes of cosign and the SBOM attachment hide inside a composite action
                ".github/workflows/broken.yml job sign: calls " + DeliveryRules.ECR_PUSH + " without assuming an AWS role");
    }

    @Test
    void eachEnvironmentAdmitsTheBranchesThatStartItsJobs() {
        assertThat(DeliveryRules.environmentsAdmitTheirBranches(repository, setup)).isEmpty();
        // issue 12 item 4: a manual promotion from main in environment staging is refused by GitHub
        assertThat(DeliveryRules.environmentsAdmitTheirBranches(with(".github/workflows/promote.yml", """
                on:
                  workflow_dispatch: {}
                jobs:
                  promotion-pr:
                    environment: staging
                    steps: []
                  preview:
                    environment: preview
                    steps: []
                """), setup)).containsExactlyInAnyOrder(
                ".github/workflows/promote.yml job promotion-pr: environment staging admits [release/*, hotfix/*], so a run from main is refused",
                ".github/workflows/promote.yml job preview: environment preview is not in .github/settings/environments");
    }

    @Test
    void everyBranchThatCanDeployIsCreatedAndChangedOnlyUnderReview() {
        assertThat(DeliveryRules.deployBranchesAreProtected(setup)).isEmpty();
        // issue 12 item 14: hotfix/** without a ruleset, so any writer could push one and deploy to staging
        Map<String, JsonNode> rulesets = new LinkedHashMap<>();
        setup.rulesets().forEach((name, ruleset) -> {
            JsonNode copy = ruleset.deepCopy();
            ((com.fasterxml.jackson.databind.node.ArrayNode) copy.path("conditions").path("ref_name").path("include"))
                    .removeIf(include -> include.asText().startsWith("refs/heads/hotfix/"));
            rulesets.put(name, copy);
        });
        assertThat(DeliveryRules.deployBranchesAreProtected(setup.withRulesets(rulesets))).containsExactlyInAnyOrder(
                "environment staging admits hotfix/*, which no ruleset guards with a code-owner-reviewed pull request",
                "environment staging admits hotfix/*, which any writer may create (no creation rule)");
    }

    @Test
    void requiredStatusChecksAreJobsThePullRequestWorkflowRuns() {
        assertThat(DeliveryRules.requiredChecksExist(repository, setup)).isEmpty();
        Map<String, JsonNode> rulesets = new LinkedHashMap<>(setup.rulesets());
        rulesets.put("renamed", DeliverySetup.parse("""
                {"rules": [{"type": "required_status_checks", "parameters": {"required_status_checks": [{"context": "unit tests"}]}}]}
                """));
        assertThat(DeliveryRules.requiredChecksExist(repository, setup.withRulesets(rulesets)))
                .singleElement().asString().startsWith("ruleset 'renamed' requires check 'unit tests'");
    }

    @Test
    void theSettingsUseOnlyFieldsTheApiKnows() {
        assertThat(DeliveryRules.settingsUseKnownFields(setup)).isEmpty();
        Map<String, JsonNode> rulesets = Map.of("typo", DeliverySetup.parse("""
                {"name": "typo", "target": "branch", "rules": [
                  {"type": "pull_request", "parameters": {"require_code_owners_review": true, "allowed_merge_methods": ["fast-forward"]}}]}
                """));
        assertThat(DeliveryRules.settingsUseKnownFields(setup.withRulesets(rulesets))).containsExactlyInAnyOrder(
                "ruleset 'typo' rule pull_request: unknown field require_code_owners_review",
                "ruleset 'typo': unknown merge method fast-forward");
    }

    @Test
    void theWriteBackWritesNameTagAndDigestFromTheBuildThatPushed() {
        assertThat(DeliveryRules.writeBackComesFromTheBuild(repository)).isEmpty();
        // issue 12 item 3: no newName, so the overlay keeps the placeholder registry; the tag from another job
        assertThat(DeliveryRules.writeBackComesFromTheBuild(List.of(WorkflowFile.parse(".github/workflows/deliver.yml", """
                on: workflow_call
                jobs:
                  version:
                    steps:
                      - run: echo version=1 >>"$GITHUB_OUTPUT"
                  publish:
                    steps:
                      - id: images
                        run: java -jar pipeline.jar image-digests --registry r --services a --tag 1
                  write-back:
                    steps:
                      - env:
                          IMAGES: ${{ needs.publish.outputs.images }}
                          VERSION: ${{ needs.version.outputs.version }}
                        run: |
                          jq -r 'to_entries[] | "\\(.key) \\(.value.digest)"' <<<"$IMAGES" | while read -r service digest; do
                            ops/bin/gitops set-image --env dev --service "$service" --digest "$digest" --tag "$VERSION"
                          done
                """)))).containsExactlyInAnyOrder(
                ".github/workflows/deliver.yml job write-back: set-image without --image (the overlay would keep a placeholder or default)",
                ".github/workflows/deliver.yml job write-back: set-image --tag $VERSION is not read from $IMAGES");
    }

    @Test
    void theWriteBackVerifiesTheIdentityTheClustersAdmitWithReadOnlyRegistryAccess() throws IOException {
        String trusted = YAML.readTree(Files.readString(Repository.root().resolve(ADMISSION_POLICY))).findValue("subjectRegExp").asText();
        assertThat(trusted).startsWith("^https://github");
        assertThat(DeliveryRules.writeBackVerifiesTheSigner(repository, trusted)).isEmpty();
        // issue 16: the write-back wrote any digest (no --verify-identity), or trusted another workflow's
        // signatures; a verifying write-back without a registry login; a push with the read-only role
        List<WorkflowFile> broken = with(".github/workflows/broken.yml", """
                on:
                  push:
                    branches: [develop]
                jobs:
                  unverified:
                    environment: dev
                    steps:
                      - run: ops/bin/gitops set-image --env dev --service "$service" --digest "$digest" --branch main
                  other-signer:
                    environment: dev
                    steps:
                      - uses: ./.github/actions/aws-ecr
                        with:
                          role-to-assume: ${{ vars.AWS_IMAGE_READ_ROLE_ARN }}
                      - env:
                          SIGNER_IDENTITY: '^https://github\\.com/example-org/shop/\\.github/workflows/pull-request\\.yml@.+$'
                        run: ops/bin/gitops set-image --env dev --digest "$digest" --verify-identity "$SIGNER_IDENTITY"
                  no-login:
                    environment: dev
                    steps:
                      - run: ops/bin/gitops set-image --env dev --digest "$digest" --verify-identity '%s'
                  push-with-read-role:
                    environment: dev
                    steps:
                      - uses: ./.github/actions/aws-ecr
                        with:
                          role-to-assume: ${{ vars.AWS_IMAGE_READ_ROLE_ARN }}
                      - run: ./mvnw package -Dquarkus.container-image.push=true
                """.formatted(trusted));
        assertThat(DeliveryRules.writeBackVerifiesTheSigner(broken, trusted)).containsExactlyInAnyOrder(
                ".github/workflows/broken.yml job unverified: set-image writes digests without --verify-identity (no signature check)",
                ".github/workflows/broken.yml job other-signer: set-image --verify-identity "
                        + "'^https://github\\.com/example-org/shop/\\.github/workflows/pull-request\\.yml@.+$' "
                        + "is not the identity the admission policy trusts, '" + trusted + "'");
        assertThat(DeliveryRules.rolesCoverTheirSteps(broken, setup)).containsExactlyInAnyOrder(
                ".github/workflows/broken.yml job no-login: calls " + DeliveryRules.ECR_READ + " without assuming an AWS role",
                ".github/workflows/broken.yml job push-with-read-role: ecr:BatchCheckLayerAvailability is not allowed to role read",
                ".github/workflows/broken.yml job push-with-read-role: ecr:InitiateLayerUpload is not allowed to role read",
                ".github/workflows/broken.yml job push-with-read-role: ecr:UploadLayerPart is not allowed to role read",
                ".github/workflows/broken.yml job push-with-read-role: ecr:CompleteLayerUpload is not allowed to role read",
                ".github/workflows/broken.yml job push-with-read-role: ecr:PutImage is not allowed to role read");
    }

    @Test
    void everyPromotionVerifiesTheSignerAndDiffsTheSbomsWithReadOnlyRegistryAccess() throws IOException {
        String trusted = YAML.readTree(Files.readString(Repository.root().resolve(ADMISSION_POLICY))).findValue("subjectRegExp").asText();
        // issue 16 items 2 and 5: a promote that neither verifies nor diffs; the promotion-pr action
        // called with another identity and without a registry login; in environment promotion with
        // the push role, which trusts only the delivery environments
        List<WorkflowFile> broken = with(".github/workflows/broken.yml", """
                on: workflow_dispatch
                jobs:
                  unverified:
                    environment: production
                    steps:
                      - run: ops/bin/gitops promote --from staging --to prod --pr-body body.md
                  other-signer:
                    environment: production
                    steps:
                      - uses: ./.github/actions/promotion-pr
                        with:
                          signer-identity: '^https://github\\.com/example-org/.+$'
                  push-role:
                    environment: promotion
                    steps:
                      - uses: ./.github/actions/aws-ecr
                        with:
                          role-to-assume: ${{ vars.AWS_IMAGE_PUSH_ROLE_ARN }}
                      - uses: ./.github/actions/promotion-pr
                        with:
                          signer-identity: '%s'
                """.formatted(trusted));
        assertThat(DeliveryRules.writeBackVerifiesTheSigner(broken, trusted)).containsExactlyInAnyOrder(
                ".github/workflows/broken.yml job unverified: promote without --sbom-diff (the pull request shows no dependency changes)",
                ".github/workflows/broken.yml job unverified: promote writes digests without --verify-identity (no signature check)",
                ".github/workflows/broken.yml job other-signer -> .github/actions/promotion-pr/action.yml: promote --verify-identity "
                        + "'^https://github\\.com/example-org/.+$' is not the identity the admission policy trusts, '" + trusted + "'");
        assertThat(DeliveryRules.rolesCoverTheirSteps(broken, setup)).containsExactlyInAnyOrder(
                ".github/workflows/broken.yml job other-signer: calls " + DeliveryRules.ECR_READ + " without assuming an AWS role",
                ".github/workflows/broken.yml job push-role: role push does not trust OIDC subject repo:owner/repo:environment:promotion");

        // the action itself drops both options: every job that uses it is reported
        List<WorkflowFile> brokenAction = with(".github/actions/promotion-pr/action.yml", """
                runs:
                  using: composite
                  steps:
                    - shell: bash
                      run: ops/bin/gitops promote --from "$FROM_ENV" --to "$TO_ENV" --pr-body "$RUNNER_TEMP/promotion.md"
                """);
        assertThat(DeliveryRules.writeBackVerifiesTheSigner(brokenAction, trusted)).containsExactlyInAnyOrder(
                ".github/workflows/main.yml job promote-prod -> .github/actions/promotion-pr/action.yml: "
                        + "promote without --sbom-diff (the pull request shows no dependency changes)",
                ".github/workflows/main.yml job promote-prod -> .github/actions/promotion-pr/action.yml: "
                        + "promote writes digests without --verify-identity (no signature check)",
                ".github/workflows/promote.yml job promotion-pr -> .github/actions/promotion-pr/action.yml: "
                        + "promote without --sbom-diff (the pull request shows no dependency changes)",
                ".github/workflows/promote.yml job promotion-pr -> .github/actions/promotion-pr/action.yml: "
                        + "promote writes digests without --verify-identity (no signature check)");
    }

    @Test
    void theDocsSayPerBranchWhatRunsWithWhichRoleEnvironmentAndApproval() throws IOException {
        String docs = Files.readString(Repository.root().resolve("docs/pipeline.md"));
        for (String environment : setup.environments().keySet()) {
            assertThat(docs).as("docs/pipeline.md names environment " + environment).contains("`" + environment + "`");
        }
        assertThat(docs).contains("AWS_IMAGE_PUSH_ROLE_ARN", "AWS_IMAGE_READ_ROLE_ARN", "gh api", ".github/settings/rulesets", ".github/settings/environments");
        assertThat(docs).doesNotContain("AWS_STATUS_ROLE_ARN", "wait-argocd");
    }
}
