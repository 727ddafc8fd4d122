package dev.shop.repochecks.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cross-checks between the workflows and what they rely on (docs/decisions/0705): the IAM role a job
 * assumes against the AWS calls its steps make and the OIDC subject the job gets; each job's
 * environment against the branches that start it and the settings as code; the deploy branches
 * against the rulesets; the write-back against the build that pushed. Each rule returns findings,
 * one line each.
 */
final class DeliveryRules {

    /** What Jib needs to push an image to ECR (layer upload and manifest put). */
    static final List<String> ECR_PUSH = List.of("ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability",
            "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage");
    /** What gitops needs to verify a signature and read SBOMs before it writes: manifests and referrers, then blobs. */
    static final List<String> ECR_READ = List.of("ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");
    private static final Pattern VERIFY_IDENTITY = Pattern.compile("--verify-identity\\s+(?:\"\\$\\{?(\\w+)}?\"|'([^']*)')");
    private static final Pattern ROLE_VARIABLE = Pattern.compile("\\$\\{\\{\\s*vars\\.(\\w+)\\s*}}");
    private static final Pattern INPUT = Pattern.compile("\\$\\{\\{\\s*inputs\\.([\\w-]+)\\s*}}");
    private static final String REPOSITORY = "owner/repo";

    private DeliveryRules() {
    }

    /** A job as it runs: reusable workflows expanded with the caller's inputs and triggers. */
    record RunnableJob(String where, JsonNode job, String environment, List<String> pushBranches, boolean dispatch) {

        /** The OIDC subjects this job can get: its environment's, or one per branch that starts it. */
        List<String> subjects() {
            if (environment != null) {
                return List.of("repo:" + REPOSITORY + ":environment:" + environment);
            }
            List<String> subjects = new ArrayList<>();
            pushBranches.forEach(glob -> subjects.add("repo:" + REPOSITORY + ":ref:refs/heads/" + glob.replace("**", "x").replace("*", "x")));
            if (dispatch) {
                subjects.add("repo:" + REPOSITORY + ":ref:refs/heads/any-branch");
            }
            return subjects;
        }
    }

    /** The local composite action a step uses ({@code ./.github/actions/<name>}); none for any other step. */
    private static List<WorkflowFile> localAction(List<WorkflowFile> files, String uses) {
        if (!uses.startsWith("./.github/actions/")) {
            return List.of();
        }
        return files.stream().filter(file -> file.isAction() && file.name().startsWith(uses.substring(2) + "/")).toList();
    }

    /** The run: scripts of a local composite action (other than the AWS login), where AWS calls hide too. */
    private static String compositeRuns(List<WorkflowFile> files, String uses) {
        if (uses.equals("./.github/actions/aws-ecr")) {
            return "";
        }
        StringBuilder runs = new StringBuilder();
        localAction(files, uses).stream().flatMap(file -> file.steps(null).stream())
                .forEach(step -> runs.append('\n').append(step.path("run").asText("")));
        return runs.toString();
    }

    static List<RunnableJob> runnableJobs(List<WorkflowFile> files) {
        List<RunnableJob> jobs = new ArrayList<>();
        for (WorkflowFile file : files) {
            if (file.isAction() || file.triggers().has("workflow_call") && file.triggers().size() == 1) {
                continue;
            }
            List<String> branches = new ArrayList<>();
            file.triggers().path("push").path("branches").forEach(glob -> branches.add(glob.asText()));
            boolean dispatch = file.triggers().has("workflow_dispatch");
            for (Map.Entry<String, JsonNode> job : file.jobs()) {
                String calls = job.getValue().path("uses").asText();
                if (calls.startsWith("./")) {
                    WorkflowFile called = files.stream().filter(f -> ("./" + f.name()).equals(calls)).findFirst().orElseThrow();
                    for (Map.Entry<String, JsonNode> inner : called.jobs()) {
                        String environment = resolve(environmentOf(inner.getValue()), job.getValue().path("with"));
                        jobs.add(new RunnableJob(file.name() + " job " + job.getKey() + " -> " + called.name() + " job " + inner.getKey(),
                                inner.getValue(), environment, branches, dispatch));
                    }
                } else {
                    jobs.add(new RunnableJob(file.name() + " job " + job.getKey(), job.getValue(),
                            environmentOf(job.getValue()), branches, dispatch));
                }
            }
        }
        return jobs;
    }

    /**
     * Every AWS call a job's steps make is allowed by the policy of the role the job assumes, and
     * the role's trust policy admits the job's OIDC subject. kubectl is refused outright: the
     * clusters' API is private, a GitHub-hosted runner has no route to it.
     */
    static List<String> rolesCoverTheirSteps(List<WorkflowFile> files, DeliverySetup setup) {
        List<String> findings = new ArrayList<>();
        for (RunnableJob job : runnableJobs(files)) {
            String roleVariable = null;
            Set<String> calls = new LinkedHashSet<>();
            for (JsonNode step : job.job().path("steps")) {
                String uses = step.path("uses").asText();
                String run = step.path("run").asText("") + compositeRuns(files, uses);
                if (uses.equals("./.github/actions/aws-ecr")) {
                    Matcher variable = ROLE_VARIABLE.matcher(step.path("with").path("role-to-assume").asText());
                    roleVariable = variable.find() ? variable.group(1) : "(not a repository variable)";
                    calls.add("ecr:GetAuthorizationToken");
                }
                if (run.contains("aws ecr get-login-password")) {
                    calls.add("ecr:GetAuthorizationToken");
                }
                if (run.contains("-Dquarkus.container-image.push=true") || run.contains("cosign sign") || run.contains("attach-sboms")) {
                    calls.addAll(ECR_PUSH);
                }
                if (run.contains("tag-release")) {
                    calls.addAll(List.of("ecr:BatchGetImage", "ecr:PutImage"));
                }
                if (run.contains("--verify-identity") || run.contains("--sbom-diff")) {
                    calls.addAll(ECR_READ);
                }
                if (run.contains("missing-images") || run.contains("image-digests")) {
                    calls.add("ecr:BatchGetImage");
                }
                if (run.matches("(?s).*\\baws eks .*")) {
                    calls.add("eks:DescribeCluster");
                }
                if (run.matches("(?s).*\\bkubectl\\b.*") && job.job().path("runs-on").asText().startsWith("ubuntu-")) {
                    findings.add(job.where() + ": runs kubectl on a GitHub-hosted runner; the cluster API is private");
                }
            }
            if (calls.isEmpty()) {
                continue;
            }
            if (roleVariable == null) {
                findings.add(job.where() + ": calls " + calls + " without assuming an AWS role");
                continue;
            }
            DeliverySetup.Role role = setup.rolesByVariable().get(roleVariable);
            if (role == null) {
                findings.add(job.where() + ": vars." + roleVariable + " is no role ARN output of infra-terraform/modules/ci-identity");
                continue;
            }
            calls.stream().filter(call -> !role.allows(call))
                    .forEach(call -> findings.add(job.where() + ": " + call + " is not allowed to role " + role.name()));
            job.subjects().stream().filter(subject -> !role.trusts(subject))
                    .forEach(subject -> findings.add(job.where() + ": role " + role.name() + " does not trust OIDC subject " + subject));
        }
        return findings;
    }

    /**
     * A job's environment exists in the settings and admits every branch whose push starts the job;
     * a job started by hand only runs from main, so its environment must admit main.
     */
    static List<String> environmentsAdmitTheirBranches(List<WorkflowFile> files, DeliverySetup setup) {
        List<String> findings = new ArrayList<>();
        for (RunnableJob job : runnableJobs(files)) {
            if (job.environment() == null) {
                continue;
            }
            if (!setup.environments().containsKey(job.environment())) {
                findings.add(job.where() + ": environment " + job.environment() + " is not in .github/settings/environments");
                continue;
            }
            List<String> admitted = setup.admittedBranches(job.environment());
            List<String> starting = new ArrayList<>(job.pushBranches());
            if (starting.isEmpty() && job.dispatch()) {
                starting.add("main");
            }
            for (String branch : starting) {
                String sample = branch.replace("**", "x").replace("*", "x");
                if (admitted.stream().noneMatch(glob -> BranchGlob.matches(glob, sample))) {
                    findings.add(job.where() + ": environment " + job.environment() + " admits " + admitted
                            + ", so a run from " + branch + " is refused");
                }
            }
        }
        return findings;
    }

    /**
     * Every branch an environment admits is protected by the rulesets: its changes need a reviewed
     * pull request with code owners, and a branch pattern (release/*) can be created only by the
     * bypass list of a creation rule. Otherwise any writer could push a branch and deploy.
     */
    static List<String> deployBranchesAreProtected(DeliverySetup setup) {
        List<String> findings = new ArrayList<>();
        setup.environments().forEach((name, environment) -> {
            for (String branch : setup.admittedBranches(name)) {
                String ref = "refs/heads/" + branch.replace("**", "x").replace("*", "x");
                if (!hasRule(setup, ref, "pull_request", true)) {
                    findings.add("environment " + name + " admits " + branch + ", which no ruleset guards with a code-owner-reviewed pull request");
                }
                if (branch.contains("*") && !hasRule(setup, ref, "creation", false)) {
                    findings.add("environment " + name + " admits " + branch + ", which any writer may create (no creation rule)");
                }
            }
        });
        return findings;
    }

    /** The status checks the rulesets require are the names of jobs the pull-request workflow runs. */
    static List<String> requiredChecksExist(List<WorkflowFile> files, DeliverySetup setup) {
        Set<String> jobNames = new LinkedHashSet<>();
        files.stream().filter(file -> !file.isAction() && file.triggers().has("pull_request"))
                .flatMap(file -> file.jobs().stream())
                .forEach(job -> jobNames.add(job.getValue().path("name").asText(job.getKey())));
        List<String> findings = new ArrayList<>();
        setup.rulesets().forEach((name, ruleset) -> ruleset.path("rules").forEach(rule -> rule.path("parameters")
                .path("required_status_checks").forEach(check -> {
                    if (!jobNames.contains(check.path("context").asText())) {
                        findings.add("ruleset '" + name + "' requires check '" + check.path("context").asText()
                                + "', which no pull-request job reports (has " + jobNames + ")");
                    }
                })));
        return findings;
    }

    /**
     * A step that runs a gitops command, and where it runs: a workflow job's step, or a local
     * composite action's step with the inputs the job's step passes it (its {@code with}; missing for a workflow step).
     */
    private record GitopsStep(WorkflowFile file, String where, JsonNode step, String run, JsonNode with) {

        /** The value of a variable in the step's env, ${{ inputs.x }} replaced by what the caller passes. */
        String env(String name) {
            return resolve(step.path("env").path(name).asText("$" + name), with);
        }
    }

    private static List<GitopsStep> gitopsSteps(List<WorkflowFile> files, String command) {
        List<GitopsStep> steps = new ArrayList<>();
        for (WorkflowFile file : files) {
            for (Map.Entry<String, JsonNode> job : file.jobs()) {
                String where = file.name() + " job " + job.getKey();
                for (JsonNode step : file.steps(job.getValue())) {
                    String run = step.path("run").asText("");
                    if (run.contains(command)) {
                        steps.add(new GitopsStep(file, where, step, run, MissingNode.getInstance()));
                    }
                    localAction(files, step.path("uses").asText())
                            .forEach(action -> action.steps(null).stream()
                                    .filter(inner -> inner.path("run").asText("").contains(command))
                                    .forEach(inner -> steps.add(new GitopsStep(action, where + " -> " + action.name(), inner,
                                            inner.path("run").asText(""), step.path("with")))));
                }
            }
        }
        return steps;
    }

    /**
     * Every gitops set-image call writes image (newName), tag and digest, each read from the images
     * output of the job that pushed them (pipeline image-digests), not from a default or another job.
     */
    static List<String> writeBackComesFromTheBuild(List<WorkflowFile> files) {
        List<String> findings = new ArrayList<>();
        for (GitopsStep setImage : gitopsSteps(files, "gitops set-image")) {
            String where = setImage.where();
            String run = setImage.run();
            String source = null;
            for (Map.Entry<String, JsonNode> env : iterable(setImage.step().path("env"))) {
                Matcher output = Pattern.compile("needs\\.([\\w-]+)\\.outputs\\.images").matcher(env.getValue().asText());
                if (output.find() && pushedBy(setImage.file(), output.group(1))) {
                    source = env.getKey();
                }
            }
            if (source == null) {
                findings.add(where + ": set-image values do not come from the images output of the job that pushed (image-digests)");
                continue;
            }
            String call = run.substring(run.indexOf("gitops set-image"));
            for (String flag : List.of("--image", "--tag", "--digest")) {
                Matcher value = Pattern.compile(flag + "\\s+\"?\\$\\{?(\\w+)").matcher(call);
                if (!value.find()) {
                    findings.add(where + ": set-image without " + flag + " (the overlay would keep a placeholder or default)");
                } else if (!run.matches("(?s).*\\bread -r [\\w ]*\\b" + value.group(1) + "\\b.*") || !run.contains("$" + source)) {
                    findings.add(where + ": set-image " + flag + " $" + value.group(1) + " is not read from $" + source);
                }
            }
        }
        return findings;
    }

    /**
     * Every gitops set-image and promote call, in a workflow or in a composite action a workflow
     * uses, verifies the keyless signature of the digests it writes, with the identity the admission
     * policy trusts (its subjectRegExp, given here), written out or read from the step's env (through
     * the action's input to what the calling step passes): a digest the clusters would refuse never
     * reaches an overlay. Every promote also writes the dependency changes into its pull request
     * (--sbom-diff).
     */
    static List<String> writeBackVerifiesTheSigner(List<WorkflowFile> files, String trustedIdentity) {
        List<String> findings = new ArrayList<>();
        for (String command : List.of("set-image", "promote")) {
            for (GitopsStep write : gitopsSteps(files, "gitops " + command)) {
                if (command.equals("promote") && !write.run().contains("--sbom-diff")) {
                    findings.add(write.where() + ": promote without --sbom-diff (the pull request shows no dependency changes)");
                }
                Matcher identity = VERIFY_IDENTITY.matcher(write.run());
                if (!identity.find()) {
                    findings.add(write.where() + ": " + command + " writes digests without --verify-identity (no signature check)");
                    continue;
                }
                String value = identity.group(2) != null ? identity.group(2) : write.env(identity.group(1));
                if (!value.equals(trustedIdentity)) {
                    findings.add(write.where() + ": " + command + " --verify-identity '" + value
                            + "' is not the identity the admission policy trusts, '" + trustedIdentity + "'");
                }
            }
        }
        return findings;
    }

    /**
     * The settings files use only fields the REST API knows (names as in go-github v90.0.0,
     * github/rules.go and github/repos_environments.go), so a typo cannot silently drop a rule.
     */
    static List<String> settingsUseKnownFields(DeliverySetup setup) {
        Map<String, Set<String>> known = Map.of(
                "ruleset", Set.of("name", "target", "enforcement", "conditions", "bypass_actors", "rules"),
                "conditions", Set.of("ref_name"),
                "ref_name", Set.of("include", "exclude"),
                "bypass_actor", Set.of("actor_id", "actor_type", "bypass_mode"),
                "rule", Set.of("type", "parameters"),
                "pull_request", Set.of("allowed_merge_methods", "dismiss_stale_reviews_on_push", "require_code_owner_review",
                        "require_last_push_approval", "required_approving_review_count", "required_review_thread_resolution"),
                "required_status_checks", Set.of("required_status_checks", "strict_required_status_checks_policy"),
                "status_check", Set.of("context", "integration_id"),
                "environment", Set.of("wait_timer", "prevent_self_review", "reviewers", "deployment_branch_policy", "can_admins_bypass"),
                "deployment_branch_policy", Set.of("protected_branches", "custom_branch_policies"));
        Set<String> ruleTypes = Set.of("creation", "update", "deletion", "non_fast_forward", "pull_request", "required_status_checks",
                "required_linear_history", "required_signatures");
        List<String> findings = new ArrayList<>();
        setup.rulesets().forEach((name, ruleset) -> {
            String where = "ruleset '" + name + "'";
            unknown(where, ruleset, known.get("ruleset"), findings);
            unknown(where + " conditions", ruleset.path("conditions"), known.get("conditions"), findings);
            unknown(where + " ref_name", ruleset.path("conditions").path("ref_name"), known.get("ref_name"), findings);
            ruleset.path("bypass_actors").forEach(actor -> unknown(where + " bypass actor", actor, known.get("bypass_actor"), findings));
            for (JsonNode rule : ruleset.path("rules")) {
                String type = rule.path("type").asText();
                if (!ruleTypes.contains(type)) {
                    findings.add(where + ": unknown rule type " + type);
                }
                unknown(where + " rule " + type, rule, known.get("rule"), findings);
                if (known.containsKey(type)) {
                    unknown(where + " rule " + type, rule.path("parameters"), known.get(type), findings);
                }
                rule.path("parameters").path("required_status_checks")
                        .forEach(check -> unknown(where + " status check", check, known.get("status_check"), findings));
                rule.path("parameters").path("allowed_merge_methods").forEach(method -> {
                    if (!Set.of("merge", "squash", "rebase").contains(method.asText())) {
                        findings.add(where + ": unknown merge method " + method.asText());
                    }
                });
            }
        });
        setup.environments().forEach((name, environment) -> {
            unknown("environment " + name, environment.path("environment"), known.get("environment"), findings);
            unknown("environment " + name, environment.path("environment").path("deployment_branch_policy"),
                    known.get("deployment_branch_policy"), findings);
        });
        return findings;
    }

    private static void unknown(String where, JsonNode node, Set<String> known, List<String> findings) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                findings.add(where + ": unknown field " + field);
            }
        });
    }

    private static boolean pushedBy(WorkflowFile file, String jobId) {
        return file.jobs().stream().filter(job -> job.getKey().equals(jobId))
                .flatMap(job -> file.steps(job.getValue()).stream())
                .anyMatch(step -> step.path("run").asText("").contains("image-digests"));
    }

    private static boolean hasRule(DeliverySetup setup, String ref, String type, boolean codeOwners) {
        for (JsonNode ruleset : setup.rulesets().values()) {
            if (!"active".equals(ruleset.path("enforcement").asText())) {
                continue;
            }
            boolean included = false;
            for (JsonNode include : ruleset.path("conditions").path("ref_name").path("include")) {
                included |= BranchGlob.matches(include.asText(), ref);
            }
            if (!included) {
                continue;
            }
            for (JsonNode rule : ruleset.path("rules")) {
                if (rule.path("type").asText().equals(type)
                        && (!codeOwners || rule.path("parameters").path("require_code_owner_review").asBoolean(false))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String environmentOf(JsonNode job) {
        JsonNode environment = job.get("environment");
        if (environment == null) {
            return null;
        }
        return environment.isTextual() ? environment.asText() : environment.path("name").asText();
    }

    /** ${{ inputs.x }} replaced by the caller's with.x. */
    private static String resolve(String value, JsonNode with) {
        if (value == null) {
            return null;
        }
        Matcher input = INPUT.matcher(value);
        return input.matches() ? with.path(input.group(1)).asText(value) : value;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
