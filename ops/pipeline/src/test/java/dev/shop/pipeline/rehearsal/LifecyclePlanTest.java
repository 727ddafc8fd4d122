package dev.shop.pipeline.rehearsal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle rehearsal plays the workflows' commands in the workflows' order. */
class LifecyclePlanTest {

    private static final Path REPO = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();

    @Test
    void everyPlayedWorkflowRunsWhatThePlanSaysInTheSameOrder() {
        assertThat(LifecyclePlan.differences(REPO)).isEmpty();
        assertThat(LifecyclePlan.workflows()).containsKeys("pull-request.yml", "develop.yml", "release.yml", "main.yml");
    }

    @Test
    void aWorkflowWhoseStepsAreReorderedIsReported(@TempDir Path copy) throws IOException {
        copyWorkflows(copy);
        Path main = copy.resolve(".github/workflows/main.yml");
        // the GitHub release before the images are tagged: an order the rehearsal does not play
        String text = Files.readString(main);
        Files.writeString(main, text.replace("gh release create", "GH_RELEASE_PLACEHOLDER")
                .replace("java -jar ops/pipeline/target/pipeline.jar tag-release", "gh release create")
                .replace("GH_RELEASE_PLACEHOLDER", "java -jar ops/pipeline/target/pipeline.jar tag-release"));

        assertThat(LifecyclePlan.differences(copy)).singleElement().asString()
                .startsWith("main.yml runs [pipeline release-check, gitops version, aws ecr get-login-password, gh release create, pipeline tag-release");
    }

    @Test
    void aCommandAddedToACalledWorkflowIsReportedForEveryCaller(@TempDir Path copy) throws IOException {
        copyWorkflows(copy);
        Path deliver = copy.resolve(".github/workflows/deliver.yml");
        Files.writeString(deliver, Files.readString(deliver).replace(
                "java -jar ops/pipeline/target/pipeline.jar image-digests",
                "ops/bin/gitops verify && java -jar ops/pipeline/target/pipeline.jar image-digests"));

        assertThat(LifecyclePlan.differences(copy)).hasSize(2)
                .allSatisfy(finding -> assertThat(finding).contains("aws ecr get-login-password, gitops verify, pipeline image-digests"));
    }

    @Test
    void theRehearsalsGatlingGateOnlyShrinksTheLoadOfTheWorkflowsGate() {
        String workflowGate = WorkflowSteps.scriptContaining(REPO, "release.yml", "gatling:test");

        assertThat(workflowGate).contains("-Dusers=");
        assertThat(LifecyclePlan.gateLoadDifferences(workflowGate, LifecycleRehearsal.GATE_LOAD)).isEmpty();
    }

    @Test
    void theRehearsalWaitsForAnEnvAsLongAsTheWorkflowDoes() {
        assertThat(WorkflowSteps.scriptContaining(REPO, "release.yml", "wait-deployed"))
                .contains("--timeout " + LifecycleRehearsal.WORKFLOW_WAIT_SECONDS);
    }

    @Test
    void aGatlingGateWithOtherRulesOrMoreShoppersIsReported() {
        String workflowGate = "./mvnw -B -ntp -pl ops/load-test gatling:test -DbaseUrl=\"$BASE_URL\" -Dusers=50 -Dduration=5m";

        assertThat(LifecyclePlan.gateLoadDifferences(workflowGate, List.of("-Dusers=80", "-Dduration=30s", "-Dgatling.p95=5000", "-DrampUp=5s")))
                .containsExactly("the rehearsal's Gatling gate runs 80 users, more than the workflow's 50",
                        "the rehearsal's Gatling gate sets gatling.p95, which is not the workflow's load shape " + LifecyclePlan.LOAD_SHAPE,
                        "the rehearsal's Gatling gate sets rampUp, which is not the workflow's load shape " + LifecyclePlan.LOAD_SHAPE);
    }

    @Test
    void commandsAreReadFromScriptsInOrder() {
        assertThat(WorkflowSteps.commands("""
                aws ecr get-login-password --region "$R" |
                java -jar ops/pipeline/target/pipeline.jar tag-release --tag "v$V"
                url="$(gh pr create --base main)"
                ./mvnw -B -ntp -pl ops/load-test gatling:test -DbaseUrl="$U"
                echo "version=$(ops/bin/gitops version --branch main)" >>"$GITHUB_OUTPUT"
                """)).containsExactly("aws ecr get-login-password", "pipeline tag-release", "gh pr create",
                "mvnw gatling:test", "gitops version");
    }

    private static void copyWorkflows(Path copy) throws IOException {
        try (var files = Files.walk(REPO.resolve(".github"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(REPO.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
