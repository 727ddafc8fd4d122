package dev.shop.repochecks.workflows;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hardening rules hold for every workflow and composite action of the repository, and each
 * rule catches its own negative fixture (so a rule that can no longer fail is noticed).
 */
class WorkflowHardeningTest {

    private static List<WorkflowFile> repository;

    @BeforeAll
    static void load() {
        repository = WorkflowFile.all(Repository.root());
        assertThat(repository).extracting(WorkflowFile::name).contains(
                ".github/workflows/pull-request.yml", ".github/workflows/develop.yml", ".github/workflows/release.yml",
                ".github/workflows/main.yml", ".github/workflows/promote.yml", ".github/workflows/deliver.yml");
    }

    private static List<WorkflowFile> fixture(String yaml) {
        return List.of(WorkflowFile.parse(".github/workflows/fixture.yml", yaml));
    }

    @Test
    void thirdPartyActionsArePinnedByCommitShaWithTheirVersion() {
        assertThat(HardeningRules.actionsPinnedBySha(repository)).isEmpty();
        assertThat(HardeningRules.actionsPinnedBySha(fixture("""
                on: push
                permissions: {}
                jobs:
                  build:
                    runs-on: ubuntu-24.04
                    permissions: {}
                    steps:
                      - uses: actions/checkout@v5
                      - uses: actions/setup-java@dded0888837ed1f317902acf8a20df0ad188d165
                      - uses: ./.github/actions/setup-build
                """))).hasSize(2)
                .anyMatch(finding -> finding.contains("actions/checkout@v5 is not pinned"))
                .anyMatch(finding -> finding.contains("has no version comment"));
    }

    @Test
    void permissionsAreEmptyOnTopAndGrantedPerJobWithIdTokenOnlyForOidc() {
        assertThat(HardeningRules.leastPrivilege(repository)).isEmpty();
        assertThat(HardeningRules.leastPrivilege(fixture("""
                on: push
                permissions: write-all
                jobs:
                  lint:
                    runs-on: ubuntu-24.04
                    permissions:
                      contents: read
                      id-token: write
                    steps:
                      - run: echo lint
                  publish:
                    runs-on: ubuntu-24.04
                    steps:
                      - uses: ./.github/actions/aws-ecr
                  deploy:
                    runs-on: ubuntu-24.04
                    permissions:
                      contents: read
                    steps:
                      - uses: ./.github/actions/aws-ecr
                """))).containsExactlyInAnyOrder(
                ".github/workflows/fixture.yml: top-level permissions grant more than read: \"write-all\"",
                ".github/workflows/fixture.yml job lint: id-token: write without a step that uses OIDC",
                ".github/workflows/fixture.yml job publish: no permissions of its own",
                ".github/workflows/fixture.yml job deploy: uses OIDC but lacks id-token: write");
    }

    @Test
    void checkoutsDropCredentialsUnlessTheJobPushesWithTheAppToken() {
        assertThat(HardeningRules.checkoutWithoutCredentials(repository)).isEmpty();
        assertThat(HardeningRules.checkoutWithoutCredentials(fixture("""
                on: push
                jobs:
                  test:
                    steps:
                      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
                  write:
                    steps:
                      - id: token
                        uses: actions/create-github-app-token@a8d616148505b5069dccd32f177bb87d7f39123b # v2.1.1
                      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
                        with:
                          token: ${{ steps.token.outputs.token }}
                """))).singleElement().asString().contains("job test");
    }

    @Test
    void untrustedInputReachesScriptsOnlyThroughEnv() {
        assertThat(HardeningRules.noExpressionsInRun(repository)).isEmpty();
        assertThat(HardeningRules.noExpressionsInRun(fixture("""
                on: pull_request
                jobs:
                  greet:
                    steps:
                      - run: echo "${{ github.event.pull_request.title }}"
                      - env:
                          TITLE: ${{ github.event.pull_request.title }}
                        run: echo "$TITLE"
                """))).singleElement().asString().contains("github.event.pull_request.title");
    }

    @Test
    void nothingQueuedForADeploymentIsCancelled() {
        assertThat(HardeningRules.noDroppedDeployments(repository)).isEmpty();
        assertThat(HardeningRules.noDroppedDeployments(fixture("""
                on:
                  push:
                    branches: [develop]
                jobs:
                  write-back:
                    environment: dev
                    concurrency:
                      group: deploy-dev
                      cancel-in-progress: false
                  build:
                    steps: []
                """))).singleElement().asString().contains("job write-back: its concurrency group cancels queued deployments");
    }

    @Test
    void theAppTokenComesAfterTheBuildWithNamedPermissionsAndJobsAreBounded() {
        assertThat(HardeningRules.appTokenLastAndJobsBounded(repository)).isEmpty();
        assertThat(HardeningRules.appTokenLastAndJobsBounded(fixture("""
                on: push
                jobs:
                  write-back:
                    environment: dev
                    timeout-minutes: 10
                    steps:
                      - id: token
                        uses: actions/create-github-app-token@a8d616148505b5069dccd32f177bb87d7f39123b # v2.1.1
                        with:
                          app-id: "1"
                      - uses: ./.github/actions/pipeline-tools
                  build:
                    steps:
                      - run: ./mvnw -B verify
                  deliver:
                    uses: ./.github/workflows/deliver.yml
                    secrets: inherit
                  scan:
                    uses: someone/else/.github/workflows/scan.yml@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v1.0.0
                    secrets: inherit
                """))).containsExactlyInAnyOrder(
                ".github/workflows/fixture.yml job write-back: the App token asks for every permission of the App (set permission-*)",
                ".github/workflows/fixture.yml job write-back: the App token is minted before a build step; the build could read it",
                ".github/workflows/fixture.yml job build: no timeout-minutes (a hung build would hold the runner for 6 h)",
                ".github/workflows/fixture.yml job scan: secrets: inherit hands every secret to another repository's workflow");
    }

    @Test
    void theAppKeyIsUsedInEnvironmentsAndAwsRolesOutsideThemAndNeverInPullRequests() {
        assertThat(HardeningRules.credentialsWhereTheyAreTrusted(repository)).isEmpty();
        assertThat(HardeningRules.credentialsWhereTheyAreTrusted(fixture("""
                on: pull_request
                jobs:
                  publish:
                    permissions:
                      id-token: write
                    steps:
                      - uses: ./.github/actions/aws-ecr
                  write-back:
                    steps:
                      - id: token
                        uses: actions/create-github-app-token@a8d616148505b5069dccd32f177bb87d7f39123b # v2.1.1
                """))).containsExactlyInAnyOrder(
                ".github/workflows/fixture.yml job publish: assumes an AWS role outside an environment (roles trust environment subjects)",
                ".github/workflows/fixture.yml job publish: assumes an AWS role in a pull-request workflow",
                ".github/workflows/fixture.yml job write-back: uses the GitHub App key outside a protected environment");
        assertThat(repository).flatExtracting(WorkflowFile::jobs)
                .extracting(job -> job.getValue().path("environment").asText())
                .contains("production", "${{ inputs.environment }}");
    }

    @Test
    void aFailingCommandCannotHideInsideAnOutputLine() {
        assertThat(HardeningRules.outputsDoNotHideFailures(repository)).isEmpty();
        assertThat(HardeningRules.outputsDoNotHideFailures(fixture("""
                on: push
                jobs:
                  version:
                    steps:
                      - run: echo "version=$(ops/bin/gitops version --branch main)" >>"$GITHUB_OUTPUT"
                      - run: |
                          version="$(ops/bin/gitops version --branch main)"
                          echo "version=$version" >>"$GITHUB_OUTPUT"
                """))).singleElement().asString().contains("hides the command's failure");
    }

    @Test
    void commitsToGitopsEnvsNeverStartABuild() {
        assertThat(HardeningRules.noBuildOnGitopsCommits(repository)).isEmpty();
        assertThat(HardeningRules.noBuildOnGitopsCommits(fixture("""
                on:
                  push:
                    branches: [main]
                    paths-ignore: ["docs/**"]
                jobs:
                  publish:
                    steps:
                      - uses: ./.github/actions/aws-ecr
                """))).singleElement().asString().contains("gitops-envs/envs/**");
        // a read-only check of what a gitops commit deployed may run on it
        assertThat(HardeningRules.noBuildOnGitopsCommits(fixture("""
                on:
                  push:
                    branches: [main]
                    paths: ["gitops-envs/envs/prod/**"]
                jobs:
                  smoke:
                    steps:
                      - run: echo check
                """))).isEmpty();
    }

    @Test
    void setUpBlocksLiveOnceInCompositeActions() {
        assertThat(HardeningRules.sharedBlocksLiveOnce(repository)).isEmpty();
        assertThat(HardeningRules.sharedBlocksLiveOnce(fixture("""
                on: push
                jobs:
                  build:
                    steps:
                      - uses: actions/setup-java@dded0888837ed1f317902acf8a20df0ad188d165 # v5.0.0
                      - uses: aws-actions/amazon-ecr-login@062b18b96a7aff071d4dc91bc00c4c1a7945b076 # v2.0.1
                """))).hasSize(2);
        assertThat(repository).filteredOn(file -> file.name().startsWith(".github/actions/"))
                .extracting(WorkflowFile::text)
                .anyMatch(text -> text.contains("actions/setup-java@"))
                .anyMatch(text -> text.contains("aws-actions/configure-aws-credentials@"));
    }
}
