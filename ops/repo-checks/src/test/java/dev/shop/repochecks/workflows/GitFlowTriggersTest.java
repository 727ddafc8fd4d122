package dev.shop.repochecks.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Git Flow branch starts the workflow it should, and only that one. */
class GitFlowTriggersTest {

    private static List<WorkflowFile> workflows;

    @BeforeAll
    static void load() {
        workflows = WorkflowFile.all(Repository.root()).stream().filter(file -> !file.isAction()).toList();
    }

    /** The workflows an event on a branch starts, by file name. */
    static List<String> started(List<WorkflowFile> files, String event, String branch) {
        List<String> names = new ArrayList<>();
        for (WorkflowFile file : files) {
            JsonNode trigger = file.triggers().get(event);
            if (trigger == null) {
                continue;
            }
            JsonNode branches = trigger.path("branches");
            boolean matches = branches.isMissingNode();
            for (JsonNode glob : branches) {
                matches |= BranchGlob.matches(glob.asText(), branch);
            }
            if (matches) {
                names.add(file.name().substring(file.name().lastIndexOf('/') + 1));
            }
        }
        return names;
    }

    @Test
    void eachBranchPushStartsItsOwnWorkflow() {
        assertThat(started(workflows, "push", "develop")).containsExactly("develop.yml");
        assertThat(started(workflows, "push", "release/1.4")).containsExactly("release.yml");
        assertThat(started(workflows, "push", "hotfix/1.4.1")).containsExactly("release.yml");
        assertThat(started(workflows, "push", "main")).containsExactlyInAnyOrder("main.yml", "prod-check.yml");
        // the prod check runs only for a merged prod promotion, and main.yml never for one
        assertThat(workflow("prod-check.yml").triggers().path("push").path("paths")).extracting(JsonNode::asText)
                .containsExactly("gitops-envs/envs/prod/**");
        assertThat(started(workflows, "push", "feature/cart-badge")).isEmpty();
        assertThat(started(workflows, "push", "promote/prod-from-staging-20261126")).isEmpty();
    }

    @Test
    void pullRequestsIntoIntegrationBranchesAreChecked() {
        for (String base : List.of("develop", "release/1.4", "hotfix/1.4.1", "main")) {
            assertThat(started(workflows, "pull_request", base)).as("PR into " + base)
                    .containsExactlyInAnyOrder("pull-request.yml", "standard-linters.yml");
        }
        assertThat(started(workflows, "pull_request", "feature/cart-badge")).isEmpty();
    }

    @Test
    void developAndReleaseDeliverToTheirEnvironmentThroughTheSameReusableWorkflow() {
        assertThat(deliveredEnvironment("develop.yml")).isEqualTo("dev");
        assertThat(deliveredEnvironment("release.yml")).isEqualTo("staging");
        WorkflowFile deliver = workflow("deliver.yml");
        assertThat(deliver.triggers().has("workflow_call")).isTrue();
        assertThat(deliver.text()).contains("ops/bin/gitops version", "ops/bin/gitops set-image", "-Dquarkus.container-image.push=true");
    }

    @Test
    void mainTagsTheTestedDigestsAndOpensTheProdPromotion() {
        WorkflowFile main = workflow("main.yml");
        assertThat(main.text()).contains("tag-release", "--env-dir gitops-envs/envs/staging", "gh release create",
                "./.github/actions/promotion-pr", "to: prod");
        assertThat(main.text()).doesNotContain("-Dquarkus.container-image.build=true");
    }

    @Test
    void promoteIsManualWithFromToAndServices() {
        JsonNode dispatch = workflow("promote.yml").triggers().path("workflow_dispatch");
        assertThat(dispatch.path("inputs").fieldNames()).toIterable().containsExactlyInAnyOrder("promotion", "services");
        // only to the next environment: dev -> prod cannot be chosen
        assertThat(dispatch.path("inputs").path("promotion").path("options")).extracting(JsonNode::asText)
                .containsExactly("dev-to-staging", "staging-to-prod");
        assertThat(workflow("promote.yml").triggers().size()).isEqualTo(1);
    }

    @Test
    void prodOverlayChangesNeedAnOpsApproval() throws java.io.IOException {
        List<String> owners = java.nio.file.Files.readAllLines(Repository.root().resolve(".github/CODEOWNERS")).stream()
                .filter(line -> line.startsWith("/gitops-envs/envs/prod/")).toList();
        assertThat(owners).singleElement().asString().matches("/gitops-envs/envs/prod/\\s+@\\S+/ops");
    }

    @Test
    void branchGlobsFollowGithubRules() {
        assertThat(BranchGlob.matches("release/**", "release/1.4")).isTrue();
        assertThat(BranchGlob.matches("release/*", "release/1.4/x")).isFalse();
        assertThat(BranchGlob.matches("release/**", "release/1.4/x")).isTrue();
        assertThat(BranchGlob.matches("main", "main-old")).isFalse();
        assertThat(started(List.of(WorkflowFile.parse("f.yml", "on:\n  push:\n    branches: [release/*]\n")),
                "push", "hotfix/1.0.1")).isEmpty();
    }

    private static String deliveredEnvironment(String name) {
        for (Map.Entry<String, JsonNode> job : workflow(name).jobs()) {
            if (job.getValue().path("uses").asText().equals("./.github/workflows/deliver.yml")) {
                return job.getValue().path("with").path("environment").asText();
            }
        }
        return null;
    }

    private static WorkflowFile workflow(String fileName) {
        return workflows.stream().filter(file -> file.name().endsWith("/" + fileName)).findFirst().orElseThrow();
    }
}
