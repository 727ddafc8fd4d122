package dev.shop.repochecks.workflows;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hardening rules hold for every workflow and composite action of the repository, and each
 * rule catches its own negative fixture (so a rule that can no longer fail is noticed). The
 * fixtures are workflows under src/test/resources/workflows/hardening/, read as
 * .github/workflows/fixture.yml.
 */
class WorkflowHardeningTest {

    private static final Path FIXTURES = Repository.root().resolve("ops/repo-checks/src/test/resources/workflows/hardening");
    private static final String FIXTURE = ".github/workflows/fixture.yml";

    private static List<WorkflowFile> repository;

    /** Every rule of HardeningRules, so the repository and the fixtures run the same list. */
    enum Rule {
        ACTIONS_PINNED(HardeningRules::actionsPinnedBySha),
        LEAST_PRIVILEGE(HardeningRules::leastPrivilege),
        CHECKOUT_CREDENTIALS(HardeningRules::checkoutWithoutCredentials),
        NO_EXPRESSIONS_IN_RUN(HardeningRules::noExpressionsInRun),
        NO_DROPPED_DEPLOYMENTS(HardeningRules::noDroppedDeployments),
        APP_TOKEN_LAST_AND_JOBS_BOUNDED(HardeningRules::appTokenLastAndJobsBounded),
        CREDENTIALS_WHERE_TRUSTED(HardeningRules::credentialsWhereTheyAreTrusted),
        OUTPUTS_DO_NOT_HIDE_FAILURES(HardeningRules::outputsDoNotHideFailures),
        NO_BUILD_ON_GITOPS_COMMITS(HardeningRules::noBuildOnGitopsCommits),
        SHARED_BLOCKS_LIVE_ONCE(HardeningRules::sharedBlocksLiveOnce);

        private final Function<List<WorkflowFile>, List<String>> check;

        Rule(Function<List<WorkflowFile>, List<String>> check) {
            this.check = check;
        }
    }

    @BeforeAll
    static void load() {
        repository = WorkflowFile.all(Repository.root());
        assertThat(repository).extracting(WorkflowFile::name).contains(
                ".github/workflows/pull-request.yml", ".github/workflows/develop.yml", ".github/workflows/release.yml",
                ".github/workflows/main.yml", ".github/workflows/promote.yml", ".github/workflows/deliver.yml");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Rule.class)
    void theRepositoryFollowsTheRule(Rule rule) {
        assertThat(rule.check.apply(repository)).isEmpty();
    }

    /** Fixture, rule, and one expected text per finding: the rule reports exactly that many, each containing its text. */
    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("unpinned-actions", Rule.ACTIONS_PINNED,
                        List.of("actions/checkout@v5 is not pinned", "has no version comment")),
                Arguments.of("broad-permissions", Rule.LEAST_PRIVILEGE, List.of(
                        FIXTURE + ": top-level permissions grant more than read: \"write-all\"",
                        FIXTURE + " job lint: id-token: write without a step that uses OIDC",
                        FIXTURE + " job publish: no permissions of its own",
                        FIXTURE + " job deploy: uses OIDC but lacks id-token: write")),
                Arguments.of("checkout-credentials", Rule.CHECKOUT_CREDENTIALS, List.of("job test")),
                Arguments.of("expression-in-run", Rule.NO_EXPRESSIONS_IN_RUN, List.of("github.event.pull_request.title")),
                Arguments.of("cancelled-deployment", Rule.NO_DROPPED_DEPLOYMENTS,
                        List.of("job write-back: its concurrency group cancels queued deployments")),
                Arguments.of("app-token-before-build", Rule.APP_TOKEN_LAST_AND_JOBS_BOUNDED, List.of(
                        FIXTURE + " job write-back: the App token asks for every permission of the App (set permission-*)",
                        FIXTURE + " job write-back: the App token is minted before a build step; the build could read it",
                        FIXTURE + " job build: no timeout-minutes (a hung build would hold the runner for 6 h)",
                        FIXTURE + " job scan: secrets: inherit hands every secret to another repository's workflow")),
                Arguments.of("credentials-outside-environments", Rule.CREDENTIALS_WHERE_TRUSTED, List.of(
                        FIXTURE + " job publish: assumes an AWS role outside an environment (roles trust environment subjects)",
                        FIXTURE + " job publish: assumes an AWS role in a pull-request workflow",
                        FIXTURE + " job write-back: uses the GitHub App key outside a protected environment")),
                Arguments.of("output-hides-failure", Rule.OUTPUTS_DO_NOT_HIDE_FAILURES, List.of("hides the command's failure")),
                Arguments.of("build-on-gitops-commits", Rule.NO_BUILD_ON_GITOPS_COMMITS, List.of("gitops-envs/envs/**")),
                // a read-only check of what a gitops commit deployed may run on it
                Arguments.of("gitops-read-only-check", Rule.NO_BUILD_ON_GITOPS_COMMITS, List.of()),
                Arguments.of("repeated-setup", Rule.SHARED_BLOCKS_LIVE_ONCE, List.of(
                        "actions/setup-java belongs in a composite action",
                        "aws-actions/amazon-ecr-login belongs in a composite action")));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("fixtures")
    void theRuleReportsItsFixture(String fixture, Rule rule, List<String> expected) throws IOException {
        WorkflowFile file = WorkflowFile.parse(FIXTURE, Files.readString(FIXTURES.resolve(fixture + ".yml")));

        List<String> findings = rule.check.apply(List.of(file));

        assertThat(findings).as(String.join("\n", findings)).hasSameSizeAs(expected);
        expected.forEach(text -> assertThat(findings).anyMatch(finding -> finding.contains(text)));
    }

    @Test
    void everyRuleHasAFixtureItRejects() {
        List<Rule> rejecting = fixtures().filter(arguments -> !((List<?>) arguments.get()[2]).isEmpty())
                .map(arguments -> (Rule) arguments.get()[1]).toList();
        assertThat(rejecting).containsAll(Arrays.asList(Rule.values()));
    }

    @Test
    void theEnvironmentRulesSawDeployingJobs() {
        assertThat(repository).flatExtracting(WorkflowFile::jobs)
                .extracting(job -> job.getValue().path("environment").asText())
                .contains("production", "${{ inputs.environment }}");
    }

    @Test
    void setUpBlocksLiveInCompositeActions() {
        assertThat(repository).filteredOn(file -> file.name().startsWith(".github/actions/"))
                .extracting(WorkflowFile::text)
                .anyMatch(text -> text.contains("actions/setup-java@"))
                .anyMatch(text -> text.contains("aws-actions/configure-aws-credentials@"));
    }
}
