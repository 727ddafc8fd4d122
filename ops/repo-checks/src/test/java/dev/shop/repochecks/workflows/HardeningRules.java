package dev.shop.repochecks.workflows;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hardening rules every workflow and composite action follows. Each rule returns its findings
 * (empty when the files comply), one line each, naming the file, job and step.
 */
final class HardeningRules {

    /** owner/repo[/path]@<40 hex> followed by a comment naming the version, e.g. "# v5.0.0". */
    private static final Pattern USES_LINE = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*['\"]?([^\\s'\"#]+)['\"]?\\s*(#.*)?$");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
    private static final Pattern VERSION_COMMENT = Pattern.compile("#\\s*v\\d+(\\.\\d+){0,2}\\b.*");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}");

    /** Set-up blocks that live once, in a composite action, never repeated in a workflow. */
    static final List<String> SHARED_BLOCKS = List.of("actions/setup-java", "actions/setup-node",
            "aws-actions/configure-aws-credentials", "aws-actions/amazon-ecr-login");

    /** Steps that reach AWS through OIDC and so need {@code id-token: write}. */
    static final List<String> OIDC_STEPS = List.of("./.github/actions/aws-ecr", "aws-actions/configure-aws-credentials");

    /** The write identity: a job holding it pushes, so it may keep checkout credentials. */
    static final String APP_TOKEN = "actions/create-github-app-token";

    private HardeningRules() {
    }

    /** Every third-party action and reusable workflow is pinned by full commit SHA with its version in a comment. */
    static List<String> actionsPinnedBySha(List<WorkflowFile> files) {
        List<String> findings = new ArrayList<>();
        for (WorkflowFile file : files) {
            String[] lines = file.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher uses = USES_LINE.matcher(lines[i]);
                if (!uses.matches()) {
                    continue;
                }
                String target = uses.group(1);
                String comment = uses.group(2) == null ? "" : uses.group(2);
                if (target.startsWith("./")) {
                    continue;
                }
                if (target.startsWith("docker://")) {
                    if (!target.contains("@sha256:")) {
                        findings.add(file.name() + ":" + (i + 1) + ": " + target + " is not pinned by digest");
                    }
                } else if (!PINNED.matcher(target).matches()) {
                    findings.add(file.name() + ":" + (i + 1) + ": " + target + " is not pinned by a full commit SHA");
                } else if (!VERSION_COMMENT.matcher(comment).matches()) {
                    findings.add(file.name() + ":" + (i + 1) + ": " + target + " has no version comment (# vX.Y.Z)");
                }
            }
        }
        return findings;
    }

    /**
     * Top-level permissions are empty or read-only; every job declares its own; id-token: write only
     * on jobs that use OIDC (directly or through a reusable workflow), and every OIDC job has it.
     */
    static List<String> leastPrivilege(List<WorkflowFile> files) {
        List<String> findings = new ArrayList<>();
        for (WorkflowFile file : workflows(files)) {
            JsonNode top = file.tree().get("permissions");
            if (top == null) {
                findings.add(file.name() + ": no top-level permissions (set permissions: {})");
            } else if (!readOnly(top)) {
                findings.add(file.name() + ": top-level permissions grant more than read: " + top);
            }
        }
        for (Job job : jobs(workflows(files))) {
            JsonNode permissions = job.body().get("permissions");
            if (permissions == null) {
                findings.add(job.where() + ": no permissions of its own");
                continue;
            }
            boolean idToken = "write".equals(permissions.path("id-token").asText());
            boolean usesOidc = usesOidc(files, job.body());
            if (idToken && !usesOidc) {
                findings.add(job.where() + ": id-token: write without a step that uses OIDC");
            }
            if (usesOidc && !idToken) {
                findings.add(job.where() + ": uses OIDC but lacks id-token: write");
            }
            if (permissions.isTextual() && permissions.asText().equals("write-all")) {
                findings.add(job.where() + ": permissions write-all");
            }
        }
        return findings;
    }

    /** Checkouts drop their credentials unless the job pushes with the App token it created. */
    static List<String> checkoutWithoutCredentials(List<WorkflowFile> files) {
        List<String> findings = new ArrayList<>();
        for (WorkflowFile.Located located : allSteps(files)) {
            JsonNode step = located.step();
            if (!step.path("uses").asText().startsWith("actions/checkout@")) {
                continue;
            }
            JsonNode with = step.path("with");
            // actions/checkout keeps the token in .git/config unless told not to
            boolean persists = !"false".equals(with.path("persist-credentials").asText("true"));
            boolean pushesWithAppToken = with.path("token").asText().contains("steps.token.outputs.token")
                    && jobCreatesAppToken(files, located);
            if (persists && !pushesWithAppToken) {
                findings.add(located.where() + ": checkout keeps credentials in a job that does not push (persist-credentials: false)");
            }
        }
        return findings;
    }

    /** No expression inside run: (github.event.*, inputs, outputs...): values reach scripts through env only. */
    static List<String> noExpressionsInRun(List<WorkflowFile> files) {
        List<String> findings = new ArrayList<>();
        for (WorkflowFile.Located located : allSteps(files)) {
            Matcher expression = EXPRESSION.matcher(located.step().path("run").asText(""));
            while (expression.find()) {
                findings.add(located.where() + ": ${{" + expression.group(1) + "}} inside run: (pass it through env:)");
            }
        }
        return findings;
    }

    /**
     * Nothing queued may be dropped: GitHub keeps one pending run per concurrency group and cancels
     * the others, so deploying jobs (in an environment) and push- or dispatch-started workflows stay
     * out of concurrency groups; write-backs serialise through set-image's push retry.
     */
    static List<String> noDroppedDeployments(List<WorkflowFile> files) {
        List<String> findings = new ArrayList<>();
        for (WorkflowFile file : workflows(files)) {
            if (delivers(file) && file.tree().has("concurrency")) {
                findings.add(file.name() + ": a workflow-level concurrency group cancels queued runs");
            }
        }
        for (Job job : jobs(workflows(files))) {
            if (job.body().has("concurrency") && (delivers(job.file()) || job.body().has("environment"))) {
                findings.add(job.where() + ": its concurrency group cancels queued deployments");
            }
        }
        return findings;
    }

    private static boolean delivers(WorkflowFile file) {
        return file.triggers().has("push") || file.triggers().has("workflow_dispatch") || file.triggers().has("workflow_call");
    }

    /**
     * The App token is minted after every build step of its job (nothing built from the branch runs
     * while it exists) and asks for named permissions only; every job has a timeout; secrets are
     * inherited only by this repository's own reusable workflows (there it is how environment
     * secrets reach the called jobs, actions/runner#1490), never by another repository's.
     */
    static List<String> appTokenLastAndJobsBounded(List<WorkflowFile> files) {
        List<String> findings = new ArrayList<>();
        for (Job job : jobs(files)) {
            String where = job.where();
            JsonNode value = job.body();
            if (value.has("steps") && !value.has("timeout-minutes")) {
                findings.add(where + ": no timeout-minutes (a hung build would hold the runner for 6 h)");
            }
            if ("inherit".equals(value.path("secrets").asText()) && !value.path("uses").asText().startsWith("./.github/workflows/")) {
                findings.add(where + ": secrets: inherit hands every secret to another repository's workflow");
            }
            List<JsonNode> steps = job.file().steps(value);
            int token = -1;
            int lastBuild = -1;
            for (int i = 0; i < steps.size(); i++) {
                JsonNode step = steps.get(i);
                String uses = step.path("uses").asText();
                if (uses.startsWith(APP_TOKEN + "@")) {
                    token = i;
                    boolean scoped = false;
                    for (java.util.Iterator<String> names = step.path("with").fieldNames(); names.hasNext(); ) {
                        scoped |= names.next().startsWith("permission-");
                    }
                    if (!scoped) {
                        findings.add(where + ": the App token asks for every permission of the App (set permission-*)");
                    }
                }
                if (uses.equals("./.github/actions/pipeline-tools") || uses.equals("./.github/actions/setup-build")
                        || step.path("run").asText("").contains("./mvnw")) {
                    lastBuild = i;
                }
            }
            if (token >= 0 && token < lastBuild) {
                findings.add(where + ": the App token is minted before a build step; the build could read it");
            }
        }
        return findings;
    }

    /**
     * A command substitution inside an echo or printf argument loses the command's exit status
     * (bash -e does not see it), so a failing {@code gitops version} would write an empty output
     * and the job go on. Assign to a variable first; the assignment carries the status.
     */
    static List<String> outputsDoNotHideFailures(List<WorkflowFile> files) {
        List<String> findings = new ArrayList<>();
        Pattern hidden = Pattern.compile("(?m)^\\s*(echo|printf)\\b[^\\n]*\\$\\(");
        for (WorkflowFile.Located located : allSteps(files)) {
            if (hidden.matcher(located.step().path("run").asText("")).find()) {
                findings.add(located.where() + ": $(...) inside echo/printf hides the command's failure");
            }
        }
        return findings;
    }

    /**
     * The write identity (the GitHub App key, an environment secret) is only used in jobs that run in
     * an environment, so the environment's deployment-branch policy and reviewers apply. AWS roles
     * trust environment subjects (ADR 0705), so OIDC jobs run inside an environment too, and never
     * in a pull-request workflow.
     */
    static List<String> credentialsWhereTheyAreTrusted(List<WorkflowFile> files) {
        List<String> findings = new ArrayList<>();
        for (Job job : jobs(files)) {
            WorkflowFile file = job.file();
            JsonNode value = job.body();
            boolean pullRequestTriggered = !file.isAction()
                    && (file.triggers().has("pull_request") || file.triggers().has("pull_request_target"));
            boolean appToken = mintsAppToken(file, value);
            boolean oidc = !value.has("uses") && usesOidc(files, value);
            if (appToken && !value.has("environment")) {
                findings.add(job.where() + ": uses the GitHub App key outside a protected environment");
            }
            if (oidc && !value.has("environment")) {
                findings.add(job.where() + ": assumes an AWS role outside an environment (roles trust environment subjects)");
            }
            if (usesOidc(files, value) && pullRequestTriggered) {
                findings.add(job.where() + ": assumes an AWS role in a pull-request workflow");
            }
        }
        return findings;
    }

    /**
     * Push-triggered workflows that write (App key or AWS role) ignore gitops-envs/envs/, the folders
     * write-back commits touch: they must never start a build (no CI loop). A change to
     * gitops-envs/base or components may (it is carried into the env's copy by set-shared). A read-only
     * check of a deployment may run on them.
     */
    static List<String> noBuildOnGitopsCommits(List<WorkflowFile> files) {
        List<String> findings = new ArrayList<>();
        for (WorkflowFile file : workflows(files)) {
            JsonNode push = file.triggers().get("push");
            boolean writes = file.jobs().stream().anyMatch(job -> usesOidc(files, job.getValue()) || mintsAppToken(file, job.getValue()));
            if (push == null || !writes) {
                continue;
            }
            List<String> ignored = new ArrayList<>();
            push.path("paths-ignore").forEach(path -> ignored.add(path.asText()));
            List<String> paths = new ArrayList<>();
            push.path("paths").forEach(path -> paths.add(path.asText()));
            boolean ignoresGitops = ignored.contains("gitops-envs/**") || ignored.contains("gitops-envs/envs/**")
                    || (!paths.isEmpty() && (paths.contains("!gitops-envs/**") || paths.contains("!gitops-envs/envs/**")))
                    || (!paths.isEmpty() && paths.stream().noneMatch(path -> path.startsWith("gitops-envs") || path.startsWith("**")));
            if (!ignoresGitops) {
                findings.add(file.name() + ": on push it would run for commits that only touch gitops-envs/envs/ (add paths-ignore: gitops-envs/envs/**)");
            }
        }
        return findings;
    }

    /** Java, Node and AWS set-up live once in a composite action, never repeated in a workflow. */
    static List<String> sharedBlocksLiveOnce(List<WorkflowFile> files) {
        List<String> findings = new ArrayList<>();
        for (WorkflowFile.Located located : allSteps(files)) {
            String uses = located.step().path("uses").asText();
            boolean inWorkflow = located.file().startsWith(".github/workflows/");
            SHARED_BLOCKS.stream().filter(block -> uses.startsWith(block + "@")).filter(block -> inWorkflow)
                    .forEach(block -> findings.add(located.where() + ": " + block + " belongs in a composite action under .github/actions/"));
        }
        return findings;
    }

    /** A job of a workflow; where() names it in findings as "file job id". */
    private record Job(WorkflowFile file, String id, JsonNode body) {

        String where() {
            return file.name() + " job " + id;
        }
    }

    /** The workflows, without the composite actions. */
    private static List<WorkflowFile> workflows(List<WorkflowFile> files) {
        return files.stream().filter(file -> !file.isAction()).toList();
    }

    private static List<Job> jobs(List<WorkflowFile> files) {
        return files.stream().flatMap(file -> file.jobs().stream().map(job -> new Job(file, job.getKey(), job.getValue()))).toList();
    }

    private static boolean mintsAppToken(WorkflowFile file, JsonNode job) {
        return file.steps(job).stream().anyMatch(step -> step.path("uses").asText().startsWith(APP_TOKEN + "@"));
    }

    private static boolean readOnly(JsonNode permissions) {
        if (permissions.isTextual()) {
            return permissions.asText().equals("read-all");
        }
        for (JsonNode scope : permissions) {
            if (!scope.asText().equals("read") && !scope.asText().equals("none")) {
                return false;
            }
        }
        return true;
    }

    /** Whether a job reaches AWS by OIDC: an OIDC step, or a call of a reusable workflow one of whose jobs does. */
    static boolean usesOidc(List<WorkflowFile> files, JsonNode job) {
        String calls = job.path("uses").asText();
        if (calls.startsWith("./")) {
            return files.stream().filter(file -> ("./" + file.name()).equals(calls))
                    .flatMap(file -> file.jobs().stream()).anyMatch(inner -> usesOidc(files, inner.getValue()));
        }
        for (JsonNode step : job.path("steps")) {
            String uses = step.path("uses").asText();
            if (OIDC_STEPS.stream().anyMatch(oidc -> uses.equals(oidc) || uses.startsWith(oidc + "@"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean jobCreatesAppToken(List<WorkflowFile> files, WorkflowFile.Located located) {
        if (located.job() == null) {
            return false;
        }
        return files.stream().filter(file -> file.name().equals(located.file()))
                .flatMap(file -> file.jobs().stream())
                .filter(job -> job.getKey().equals(located.job()))
                .flatMap(job -> files.get(0).steps(job.getValue()).stream())
                .anyMatch(step -> step.path("id").asText().equals("token") && step.path("uses").asText().startsWith(APP_TOKEN + "@"));
    }

    private static List<WorkflowFile.Located> allSteps(List<WorkflowFile> files) {
        return files.stream().flatMap(file -> file.allSteps().stream()).toList();
    }
}
