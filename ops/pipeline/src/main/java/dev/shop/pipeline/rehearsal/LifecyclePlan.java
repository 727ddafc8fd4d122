package dev.shop.pipeline.rehearsal;

import dev.shop.cli.CliException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Git Flow lifecycle the rehearsal plays, stage by stage, each with the workflow it stands for
 * and that workflow's commands in order (as {@link WorkflowSteps} reads them). For every command it
 * says how it is played here: the same command, a local stand-in for what needs GitHub or AWS, or
 * not played here, with the reason (mostly: {@code .ci/run} runs it on the whole tree). A test compares these
 * lists to the workflows, and the rehearsal compares them to what each stage really ran.
 */
final class LifecyclePlan {

    enum How { SAME, STAND_IN, ELSEWHERE }

    record Step(String command, How how, String note) {
    }

    record Stage(String name, String persona, String workflow, List<Step> steps) {

        /** The commands this stage runs itself (same or stand-in), in order. */
        List<String> played() {
            return steps.stream().filter(step -> step.how() != How.ELSEWHERE).map(Step::command).toList();
        }

        List<String> workflowCommands() {
            return steps.stream().map(Step::command).toList();
        }
    }

    static final String FEATURE = "feature PR into develop";
    static final String DEVELOP = "merge to develop: dev overlay";
    static final String RELEASE = "release/X.Y: staging gate";
    static final String RELEASE_MAIN = "release merged to main: tag and prod PR";
    static final String PROD = "ops merge the prod PR: prod runs it";
    static final String HOTFIX = "hotfix/X.Y.Z: staging gate";
    static final String HOTFIX_MAIN = "hotfix merged to main: tag and prod PR";
    static final String HOTFIX_PROD = "ops merge the hotfix prod PR: prod runs it";
    static final String ROLLBACK = "ops roll prod back";
    static final String BACK_TO_DEVELOP = "hotfix merged back into develop: dev overlay";

    private static final String NO_LOGIN = "the local registry on 127.0.0.1 needs no login";
    private static final Step SCAN_IMAGE = elsewhere("mvnw package",
            "scan-image: Trivy needs its vulnerability database, out of reach here; docs/supply-chain.md has the commands");
    private static final List<Step> DELIVER = List.of(
            same("gitops version"), same("pipeline affected"),
            standIn("aws ecr get-login-password", NO_LOGIN),
            same("pipeline missing-images", "--registry is the local registry"),
            same("mvnw package", "Jib build and push to the registry on 127.0.0.1 instead of ECR"),
            standIn("aws ecr get-login-password", NO_LOGIN),
            same("pipeline image-digests", "--registry is the local registry"),
            SCAN_IMAGE, SCAN_IMAGE, SCAN_IMAGE,
            elsewhere("mvnw package", "sign-images: keyless cosign needs GitHub's OIDC token, which only a GitHub run has; the rehearsal signs with a local key instead (ImageSupplyChain)"),
            same("gitops set-image", "--image points newName at the local registry"),
            same("gitops set-shared"));
    private static final List<Step> STAGING_GATE = List.of(
            same("pipeline wait-deployed", "--api-url is the local GitHub stand-in, which posts argocd/shop-<env> "
                    + "success only while the containers run the overlay's digests and are ready"),
            standIn("mvnw verify", "a system-test subset over HTTP against the local staging (FunctionalChecks)"),
            same("mvnw gatling:test", "short, against localhost"),
            same("pipeline wait-deployed", "staging still runs what was tested"),
            elsewhere("pipeline record-load-test", "posts the load-test commit status on GitHub"));
    private static final List<Step> TAG_AND_PROMOTE = List.of(
            elsewhere("pipeline release-check", "reads the load-test commit status record-load-test posts on GitHub"),
            same("gitops version"),
            standIn("aws ecr get-login-password", NO_LOGIN),
            same("pipeline tag-release"),
            standIn("gh release create", "git tag vX.Y.Z on the merge commit, pushed to the bare remote"),
            same("gitops promote"),
            same("pipeline overlay-check", "the promotion branch on the bare remote pins the tested digests"),
            standIn("gh pr create", "the PR body is checked for versions, digests, commits and the rendered diff"));

    static final List<Stage> STAGES = List.of(
            new Stage(FEATURE, "developer", "pull-request.yml", List.of(
                    same("pipeline affected"),
                    same("mvnw verify", "the affected modules, -DskipTests: .ci/run's ./mvnw -B verify ran their tests on this tree"),
                    elsewhere("quality-gate", "ops/bin/quality-gate over every module"),
                    same("gitops verify"),
                    elsewhere("mvnw verify", "./mvnw -B verify includes ops/repo-checks"),
                    elsewhere("pipeline terraform-check", "terraform init needs registry.terraform.io, out of reach here; "
                            + "./mvnw -B verify parses every .tf file offline (ops/repo-checks)"))),
            new Stage(DEVELOP, "developer", "develop.yml", DELIVER),
            new Stage(RELEASE, "release manager", "release.yml", concat(DELIVER, STAGING_GATE)),
            new Stage(RELEASE_MAIN, "release manager", "main.yml", TAG_AND_PROMOTE),
            new Stage(PROD, "ops", null, List.of(
                    standIn("git merge", "the promotion branch merged into main, as the PR merge does"),
                    same("pipeline wait-deployed", "against the local GitHub stand-in, for shop-prod"))),
            new Stage(HOTFIX, "release manager", "release.yml", concat(DELIVER, STAGING_GATE)),
            new Stage(HOTFIX_MAIN, "release manager", "main.yml", TAG_AND_PROMOTE),
            new Stage(HOTFIX_PROD, "ops", null, List.of(
                    standIn("git merge", "the promotion branch merged into main, as the PR merge does"),
                    same("pipeline wait-deployed", "against the local GitHub stand-in, for shop-prod"))),
            new Stage(ROLLBACK, "ops", null, List.of(
                    same("gitops rollback", "skipped, with a message, while the CLI has no rollback verb"),
                    standIn("git merge", "the rollback branch merged into main"),
                    same("pipeline wait-deployed", "prod runs the previous digests again"),
                    same("gitops status", "what runs where, for the dashboard viewer"))),
            new Stage(BACK_TO_DEVELOP, "developer", "develop.yml", DELIVER));

    private LifecyclePlan() {
    }

    static Stage stage(String name) {
        return STAGES.stream().filter(stage -> stage.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage " + name));
    }

    /** Per workflow file, its commands as the plan lists them; fails if two stages disagree. */
    static Map<String, List<String>> workflows() {
        Map<String, List<String>> byWorkflow = new LinkedHashMap<>();
        for (Stage stage : STAGES) {
            if (stage.workflow() == null) {
                continue;
            }
            List<String> before = byWorkflow.putIfAbsent(stage.workflow(), stage.workflowCommands());
            if (before != null && !before.equals(stage.workflowCommands())) {
                throw new IllegalStateException("two stages play " + stage.workflow() + " differently");
            }
        }
        return byWorkflow;
    }

    /** One line per workflow whose commands differ from the plan; empty when they agree. */
    static List<String> differences(Path repo) {
        List<String> findings = new ArrayList<>();
        workflows().forEach((file, planned) -> {
            List<String> actual = WorkflowSteps.of(repo, file);
            if (!actual.equals(planned)) {
                findings.add(file + " runs " + actual + ", the lifecycle rehearsal plays " + planned);
            }
        });
        return findings;
    }

    /** What the rehearsal may change in the workflow's Gatling command: how many shoppers, for how long. */
    static final Set<String> LOAD_SHAPE = Set.of("users", "rampUp", "duration");
    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D([\\w.]+)=\"?([^\\s\"]*)");

    /**
     * One line per way the rehearsal's Gatling options do more than shrink the workflow's load: an
     * option outside {@link #LOAD_SHAPE} (a threshold, another simulation), one the workflow does not
     * set, or more shoppers than the workflow's. The pass/fail rules stay those of ops/load-test.
     */
    static List<String> gateLoadDifferences(String workflowScript, List<String> rehearsalOptions) {
        Map<String, String> workflow = systemProperties(workflowScript);
        List<String> findings = new ArrayList<>();
        systemProperties(String.join(" ", rehearsalOptions)).forEach((name, value) -> {
            if (!LOAD_SHAPE.contains(name) || !workflow.containsKey(name)) {
                findings.add("the rehearsal's Gatling gate sets " + name + ", which is not the workflow's load shape " + LOAD_SHAPE);
            } else if (name.equals("users") && Integer.parseInt(value) > Integer.parseInt(workflow.get(name))) {
                findings.add("the rehearsal's Gatling gate runs " + value + " users, more than the workflow's " + workflow.get(name));
            }
        });
        return findings;
    }

    private static Map<String, String> systemProperties(String text) {
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher matcher = SYSTEM_PROPERTY.matcher(text);
        while (matcher.find()) {
            properties.put(matcher.group(1), matcher.group(2));
        }
        return properties;
    }

    static void requireSameAsWorkflows(Path repo) {
        List<String> findings = new ArrayList<>(differences(repo));
        findings.addAll(gateLoadDifferences(WorkflowSteps.scriptContaining(repo, "release.yml", "gatling:test"),
                LifecycleRehearsal.GATE_LOAD));
        if (!findings.isEmpty()) {
            throw CliException.findings("the workflows changed; update LifecyclePlan and the stage that plays them: "
                    + String.join("; ", findings));
        }
    }

    private static Step same(String command) {
        return new Step(command, How.SAME, "");
    }

    private static Step same(String command, String note) {
        return new Step(command, How.SAME, note);
    }

    private static Step standIn(String command, String note) {
        return new Step(command, How.STAND_IN, note);
    }

    private static Step elsewhere(String command, String note) {
        return new Step(command, How.ELSEWHERE, note);
    }

    private static List<Step> concat(List<Step> first, List<Step> second) {
        List<Step> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
