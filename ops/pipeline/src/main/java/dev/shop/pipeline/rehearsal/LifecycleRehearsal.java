package dev.shop.pipeline.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;
import dev.shop.pipeline.registry.LocalRegistry;
import dev.shop.pipeline.registry.OverlayImages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static dev.shop.pipeline.rehearsal.DevelopPushRehearsal.io;

/**
 * Plays the Git Flow lifecycle of {@link LifecyclePlan} on this machine: a feature PR, its merge to
 * develop (dev overlay), release/X.Y built once into staging, the staging gate (the local Argo CD
 * stand-in runs staging, {@code pipeline wait-deployed} waits for it (on the {@link LocalGithub} stand-in), then a system-test subset and
 * the Gatling gate), the merge to main (release tag through the registry API, the prod promotion
 * PR and its body), prod converging, a hotfix through staging to prod, a rollback, and the hotfix
 * merged back into develop. Every command is the one the workflows run, from a CI checkout of the
 * bare remote; where GitHub would open or merge a PR, git does the equivalent.
 */
public final class LifecycleRehearsal {

    public record Options(Path source, Path workDir, Path cacheDir, boolean rebuildBase, Duration readyTimeout,
                          ReleaseCandidate candidate) {
    }

    /** What one run of deliver.yml produced. */
    record Delivery(String version, Map<String, String> digests) {
    }

    /** The staging gate refused a candidate: the lifecycle must not go on to main. */
    static final class GateFailed extends RuntimeException {
        final ReleaseCandidate.GateResult result;

        GateFailed(ReleaseCandidate.GateResult result, String message) {
            super(message);
            this.result = result;
        }
    }

    /**
     * How long a wait for an env may take: release.yml's {@code wait-deployed --timeout}. A candidate
     * that crashes is reported failed long before (the stand-in's restarts); a slow start on a busy
     * machine is not a refusal.
     */
    static final long WORKFLOW_WAIT_SECONDS = 900;
    static final String RELEASE_BRANCH = "release/1.1";
    static final String RELEASE_VERSION = "1.1.0";
    static final String HOTFIX_BRANCH = "hotfix/1.1.1";
    static final String HOTFIX_VERSION = "1.1.1";
    private static final String NO_COMMIT = "0000000000000000000000000000000000000000";
    /**
     * The short Gatling gate: the workflow's command and thresholds, fewer shoppers for less time
     * (release.yml holds 50 for 5 minutes). One visit in ten is a buyer and a visit takes 10 to 30 s;
     * a minute with 3 shoppers often had no checkout at all, and Gatling fails a threshold with no
     * stats. 30 shoppers over 10 s of ramp and 40 s make about 80 visits: no buyer among them has a
     * chance of 0.9^80, about 1 in 4,600.
     */
    static final List<String> GATE_LOAD = List.of("-Dusers=30", "-DrampUp=10s", "-Dduration=40s");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final List<String> services = DevelopPushRehearsal.ALL_SERVICES;
    private final Podman podman = new Podman();
    private final Timeline timeline = new Timeline();
    private final Path pipelineJar;
    private final List<String> played = new ArrayList<>();
    private final Set<String> skipped = new HashSet<>();
    private RehearsalRepository repo;
    private Path ci;
    private Path argoCdCheckout;
    private LocalGithub github;
    private String registryHost;
    private LocalRegistry registry;
    /** A local key pair stands in for keyless signing, as in the develop-push rehearsal (ADR 1003). */
    private ImageSupplyChain supplyChain;

    public LifecycleRehearsal(Options options) {
        this.options = options;
        this.pipelineJar = ownJar();
    }

    public void run() throws IOException {
        LifecyclePlan.requireSameAsWorkflows(options.source());
        Files.createDirectories(options.workDir());
        try (LocalRegistry started = timeline.step("registry, base image, bare remote, gitops CLI", this::setUp);
             LocalEnvironment staging = new LocalEnvironment("staging", services, options.workDir(), dir("argocd"), registryHost, podman);
             LocalEnvironment prod = new LocalEnvironment("prod", services, options.workDir(), dir("argocd"), registryHost, podman)) {
            // their PostgreSQL and Redis start while the images build; prod's only once a candidate may reach it
            staging.startDataStores();
            if (!options.candidate().planted()) {
                // a planted defect is about the staging gate: the release is cut from develop as it is
                stage(LifecyclePlan.FEATURE, this::featurePullRequest);
                stage(LifecyclePlan.DEVELOP, () -> deliver("develop", "dev", mergeFeature(), false));
            }
            String prodBefore = repo.readOnRemote("main", "gitops-envs/envs/prod/kustomization.yaml");
            Delivery candidate = null;
            ReleaseCandidate.GateResult gate = ReleaseCandidate.GateResult.PASSED;
            String refusal = "";
            try {
                candidate = stage(LifecyclePlan.RELEASE, () -> releaseCandidate(staging));
            } catch (GateFailed refused) {
                gate = refused.result;
                refusal = refused.getMessage();
            }
            if (options.candidate().afterGate(gate, refusal) == ReleaseCandidate.Next.CHECK_NOTHING_PAST_STAGING) {
                timeline.step("gate held: nothing past staging", () -> requireNothingPastStaging(prodBefore));
                System.out.println("the staging gate stopped the planted candidate, as it must: " + refusal);
                System.out.print(timeline.summary());
                return;
            }
            Delivery tested = candidate;
            prod.startDataStores();
            String releasePr = stage(LifecyclePlan.RELEASE_MAIN, () -> tagAndPromote(RELEASE_BRANCH, RELEASE_VERSION, tested));
            stage(LifecyclePlan.PROD, () -> mergeAndConverge(releasePr, prod, tested.digests()));
            Delivery hotfix = stage(LifecyclePlan.HOTFIX, () -> hotfixCandidate(staging));
            String hotfixPr = stage(LifecyclePlan.HOTFIX_MAIN, () -> tagAndPromote(HOTFIX_BRANCH, HOTFIX_VERSION, hotfix));
            stage(LifecyclePlan.HOTFIX_PROD, () -> mergeAndConverge(hotfixPr, prod, hotfix.digests()));
            stage(LifecyclePlan.ROLLBACK, () -> rollback(prod, tested.digests()));
            stage(LifecyclePlan.BACK_TO_DEVELOP, () -> deliver("develop", "dev", mergeBackIntoDevelop(), false));
        } finally {
            if (github != null) {
                github.close();
            }
            podman.removeImage("localhost/shop-rehearsal/jre-base:17");
        }
        System.out.println("lifecycle rehearsal passed in " + timeline.total().toSeconds() + " s");
        System.out.print(timeline.summary());
    }

    private LocalRegistry setUp() {
        registry = LocalRegistry.start(dir("registry"));
        registryHost = registry.host();
        // the import and push are mostly I/O: they overlap the copy of the tree and the gitops build
        Ahead<String> baseImage = Ahead.start("base-image", () -> BaseImage.publish(podman,
                io(() -> BaseImage.rootfs(options.cacheDir(), options.rebuildBase())), registryHost));
        repo = io(() -> RehearsalRepository.create(options.source(), options.workDir()));
        ci = repo.checkout;
        git(ci, "fetch", "--quiet", "origin");
        argoCdCheckout = repo.checkoutOf("main", options.workDir().resolve("argocd-main"));
        maven(ci, "-pl", "ops/gitops", "-am", "package", "-DskipTests");
        supplyChain = ImageSupplyChain.withNewKeyPair(ci, dir("keys"));
        github = LocalGithub.over(repo.remote, List.of("staging", "prod"), dir("argocd"), podman);
        System.out.println("    GitHub stand-in for wait-deployed at " + github.url());
        System.out.println("    base image " + baseImage.await());
        return registry;
    }

    // ---- developer ---------------------------------------------------------------------------------

    /** A feature branch with a storefront change and its PR into develop: what pull-request.yml checks. */
    private void featurePullRequest() {
        checkout("feature/shop-greeting", "origin/develop");
        appendLine("app/storefront/src/main/resources/application.properties", "# feature/shop-greeting: a change in the storefront");
        commit("Storefront: a feature change");
        git(ci, "push", "--quiet", "origin", "feature/shop-greeting");
        Map<String, String> affected = pipelineOutputs("affected", "--base", "origin/develop", "--head", "HEAD");
        System.out.println("    affected: " + affected.get("modules"));
        // the tests of this very tree ran in ./mvnw -B verify just before (.ci/run); the feature adds a comment line
        maven(ci, "-pl", affected.get("modules"), "-am", "verify", "-DskipTests");
        gitops(ci, "verify");
    }

    /** The PR merged: develop gains the feature; returns develop's commit before the push, the push's 'before'. */
    private String mergeFeature() {
        String before = git(ci, "rev-parse", "origin/develop").strip();
        checkout("develop", "origin/develop");
        git(ci, "merge", "--quiet", "--no-ff", "-m", "Merge pull request from feature/shop-greeting", "feature/shop-greeting");
        git(ci, "push", "--quiet", "origin", "develop");
        return before;
    }

    // ---- release manager ---------------------------------------------------------------------------

    private Delivery releaseCandidate(LocalEnvironment staging) {
        ReleaseCandidate planted = options.candidate();
        return candidate(staging, RELEASE_BRANCH, "origin/develop", planted.planted()
                ? List.of(planted.file, planted.plantedLine, planted.commitMessage)
                : List.of());
    }

    private Delivery hotfixCandidate(LocalEnvironment staging) {
        return candidate(staging, HOTFIX_BRANCH, "origin/main",
                List.of("app/catalog/src/main/resources/application.properties", "# hotfix/1.1.1: a fix in the catalog", "Catalog: the hotfix"));
    }

    /** Cuts the branch, commits {@code fileLineAndMessage} (a line appended to a file) if given, pushes it, delivers to staging and gates it. */
    private Delivery candidate(LocalEnvironment staging, String branch, String from, List<String> fileLineAndMessage) {
        checkout(branch, from);
        if (!fileLineAndMessage.isEmpty()) {
            appendLine(fileLineAndMessage.get(0), fileLineAndMessage.get(1));
            commit(fileLineAndMessage.get(2));
        }
        git(ci, "push", "--quiet", "origin", branch);
        // the branch's first push: release.yml builds every service
        Delivery delivery = deliverCheckedOut(branch, "staging", NO_COMMIT, true);
        stagingGate(staging, delivery);
        return delivery;
    }

    /** release.yml's load-test job: staging runs exactly the new digests and is ready, then the tests. */
    private void stagingGate(LocalEnvironment staging, Delivery delivery) {
        syncArgoCdCheckout();
        staging.apply(argoCdCheckout);
        try {
            Timeline.part("staging ready", () -> waitDeployed(staging, delivery.digests(), options.readyTimeout().toSeconds()));
        } catch (CliException notReady) {
            throw new GateFailed(ReleaseCandidate.GateResult.NOT_READY, notReady.getMessage() + "\n" + staging.notReadyLogs());
        }
        standIn("mvnw verify");
        List<String> failures = new FunctionalChecks().run(staging);
        if (!failures.isEmpty()) {
            throw new GateFailed(ReleaseCandidate.GateResult.TESTS_FAILED, String.join("; ", failures));
        }
        System.out.println("    system-test subset passed against staging");
        played.add("mvnw gatling:test");
        List<String> gatlingCommand = new ArrayList<>(List.of("./mvnw", "-B", "-ntp", "-q", "-pl", "ops/load-test",
                "gatling:test", "-DbaseUrl=" + staging.storefrontUrl()));
        gatlingCommand.addAll(GATE_LOAD);
        ProcessRunner.Result gatling = Timeline.part("Gatling", () -> ProcessRunner.run(gatlingCommand, ci, Duration.ofMinutes(10)));
        if (!gatling.ok()) {
            throw new GateFailed(ReleaseCandidate.GateResult.LOAD_FAILED, "the Gatling gate failed: " + ProcessRunner.lastLines(gatling.stdout() + gatling.stderr(), 15));
        }
        System.out.println("    Gatling gate passed against staging");
        waitDeployed(staging, delivery.digests(), 0);
    }

    /** main.yml: the merge to main, the release tag on the tested digests, the release, the prod PR. */
    private String tagAndPromote(String branch, String expectedVersion, Delivery tested) {
        checkout("main", "origin/main");
        git(ci, "merge", "--quiet", "--no-ff", "-m", "Merge branch '" + branch + "'", "origin/" + branch);
        git(ci, "push", "--quiet", "origin", "main");
        String version = gitops(ci, "version", "--branch", "main").strip();
        if (!version.equals(expectedVersion)) {
            throw CliException.findings("gitops version on main after merging " + branch + " is " + version + ", not " + expectedVersion);
        }
        standIn("aws ecr get-login-password");
        pipeline("tag-release", "--env-dir", "gitops-envs/envs/staging", "--tag", "v" + version);
        tested.digests().forEach((service, digest) -> {
            String tagged = registry.client().digestOf("shop/" + service, "v" + version).orElse("nothing");
            if (!tagged.equals(digest)) {
                throw CliException.findings("shop/" + service + ":v" + version + " is " + tagged + ", not the tested " + digest);
            }
        });
        standIn("gh release create");
        git(ci, "tag", "--annotate", "-m", "Release v" + version, "v" + version);
        git(ci, "push", "--quiet", "origin", "v" + version);
        Path body = options.workDir().resolve("prod-pr-" + version + ".md");
        Path branchFile = options.workDir().resolve("prod-pr-" + version + ".branch");
        List<String> promote = new ArrayList<>(List.of("promote", "--from", "staging", "--to", "prod",
                "--pr-body", body.toString(), "--branch-file", branchFile.toString()));
        promote.addAll(supplyChain.verifyArguments());
        // the SBOM diff needs prod's running images; the seed's live in a registry this machine cannot reach
        boolean prodRunsRehearsalImages = OverlayImages.read(ci.resolve("gitops-envs/envs/prod")).stream()
                .allMatch(image -> image.newName().startsWith(registryHost + "/"));
        if (prodRunsRehearsalImages) {
            promote.add("--sbom-diff");
        }
        gitops(ci, promote.toArray(String[]::new));
        String promotion = io(() -> Files.readString(branchFile)).strip();
        if (promotion.isEmpty()) {
            throw CliException.findings("gitops promote staging -> prod had nothing to promote after " + branch);
        }
        git(ci, "fetch", "--quiet", "origin");
        pipeline("overlay-check", "--branch", promotion, "--env-dir", "gitops-envs/envs/prod",
                "--digests", io(() -> JSON.writeValueAsString(tested.digests())));
        standIn("gh pr create");
        String prBody = io(() -> Files.readString(body));
        requirePullRequestBody(prBody, tested);
        if (prodRunsRehearsalImages) {
            if (!prBody.contains("Dependencies (from the images' SBOMs)")) {
                throw CliException.findings("the prod PR body has no dependency section although prod runs signed rehearsal images");
            }
            System.out.println("    prod PR body has the dependency section from both images' SBOMs");
        }
        System.out.println("    prod PR " + promotion + ": body names every version, digest, the commits and the rendered diff");
        return promotion;
    }

    /** What ops read before approving: per service the new version and digest, the commits, the rendered diff. */
    static void requirePullRequestBody(String body, Delivery tested) {
        List<String> missing = new ArrayList<>();
        tested.digests().forEach((service, digest) -> {
            String shortDigest = digest.substring("sha256:".length(), "sha256:".length() + 12);
            if (!body.contains("| " + service + " |") || !body.contains(tested.version()) || !body.contains(shortDigest)) {
                missing.add(service + " " + tested.version() + " " + shortDigest);
            }
        });
        for (String section : List.of("### Commits", "### Rendered manifests of prod", "```diff")) {
            if (!body.contains(section)) {
                missing.add(section);
            }
        }
        if (!missing.isEmpty()) {
            throw CliException.findings("the prod PR body lacks " + missing + ":\n" + body);
        }
    }

    // ---- ops ---------------------------------------------------------------------------------------

    private void mergeAndConverge(String pullRequestBranch, LocalEnvironment prod, Map<String, String> expected) {
        standIn("git merge");
        checkout("main", "origin/main");
        git(ci, "merge", "--quiet", "--no-ff", "-m", "Merge pull request from " + pullRequestBranch, "origin/" + pullRequestBranch);
        git(ci, "push", "--quiet", "origin", "main");
        syncArgoCdCheckout();
        prod.apply(argoCdCheckout);
        Timeline.part("prod ready", () -> waitDeployed(prod, expected, options.readyTimeout().toSeconds()));
        prod.requireNonRoot();
    }

    private void rollback(LocalEnvironment prod, Map<String, String> previous) {
        if (!gitopsHas("rollback")) {
            System.out.println("    skipped: gitops rollback not available");
            skipped.addAll(List.of("gitops rollback", "git merge", "pipeline wait-deployed"));
        } else {
            Path body = options.workDir().resolve("rollback-pr.md");
            Path branchFile = options.workDir().resolve("rollback-pr.branch");
            checkout("main", "origin/main");
            gitops(ci, "rollback", "--env", "prod", "--steps", "1", "--pr-body", body.toString(), "--branch-file", branchFile.toString());
            mergeAndConverge(io(() -> Files.readString(branchFile)).strip(), prod, previous);
            if (!prod.runningDigests().equals(previous)) {
                throw CliException.findings("after the rollback prod runs " + prod.runningDigests() + ", not " + previous);
            }
        }
        checkout("main", "origin/main");
        System.out.println(gitops(ci, "status").strip().indent(4).stripTrailing());
    }

    private String mergeBackIntoDevelop() {
        String before = git(ci, "rev-parse", "origin/develop").strip();
        checkout("develop", "origin/develop");
        git(ci, "merge", "--quiet", "--no-ff", "-m", "Merge branch '" + HOTFIX_BRANCH + "' into develop", "origin/" + HOTFIX_BRANCH);
        git(ci, "push", "--quiet", "origin", "develop");
        return before;
    }

    /** After a refused candidate: no release tag in git or the registry, prod's overlay as it was, no prod PR. */
    private void requireNothingPastStaging(String prodBefore) {
        List<String> findings = new ArrayList<>();
        if (!git(repo.remote, "tag", "--list", "v" + RELEASE_VERSION).isBlank()) {
            findings.add("main was tagged v" + RELEASE_VERSION);
        }
        services.forEach(service -> registry.client().digestOf("shop/" + service, "v" + RELEASE_VERSION)
                .ifPresent(digest -> findings.add("the registry tagged shop/" + service + ":v" + RELEASE_VERSION)));
        if (!repo.readOnRemote("main", "gitops-envs/envs/prod/kustomization.yaml").equals(prodBefore)) {
            findings.add("prod's overlay changed");
        }
        repo.remoteBranches().stream().filter(branch -> branch.startsWith("promote/"))
                .forEach(branch -> findings.add("a promotion branch exists: " + branch));
        if (!findings.isEmpty()) {
            throw CliException.findings("a refused candidate went past staging: " + findings);
        }
        System.out.println("    no v" + RELEASE_VERSION + " tag in git or the registry, prod's overlay unchanged, no prod PR");
    }

    // ---- deliver.yml -------------------------------------------------------------------------------

    private Delivery deliver(String branch, String env, String before, boolean allServices) {
        checkout(branch, "origin/" + branch);
        return deliverCheckedOut(branch, env, before, allServices);
    }

    private Delivery deliverCheckedOut(String branch, String env, String before, boolean allServices) {
        String version = gitops(ci, "version", "--branch", branch).strip();
        Map<String, String> affected = pipelineOutputs("affected", "--base", before, "--head", "HEAD", "--all=" + allServices);
        System.out.println("    " + branch + " " + version + ", services: " + affected.get("services"));
        if (affected.get("services").isEmpty()) {
            return new Delivery(version, Map.of());
        }
        standIn("aws ecr get-login-password");
        Map<String, String> missing = pipelineOutputs("missing-images", "--registry", registryHost,
                "--services", affected.get("services"), "--tag", version);
        if (!missing.get("modules").isEmpty()) {
            maven(ci, "-pl", missing.get("modules"), "-am", "package", "-DskipTests",
                "-Dquarkus.container-image.build=true", "-Dquarkus.container-image.push=true",
                "-Dquarkus.container-image.registry=" + registryHost, "-Dquarkus.container-image.insecure=true",
                "-Dquarkus.container-image.group=shop", "-Dquarkus.container-image.tag=" + version,
                "-Dquarkus.jib.base-jvm-image=" + registryHost + "/shop/jre-base:17");
        }
        standIn("aws ecr get-login-password");
        Map<String, String> digests = new LinkedHashMap<>();
        io(() -> JSON.readTree(pipelineOutputs("image-digests", "--registry", registryHost, "--services", affected.get("services"),
                "--tag", version).get("images")))
                .fields().forEachRemaining(field -> digests.put(field.getKey(), field.getValue().path("digest").asText()));
        // deliver.yml's sign-images: what this run built gets its SBOM attached and a signature
        List<String> builtModules = List.of(missing.get("modules").split(","));
        Map<String, String> built = new LinkedHashMap<>();
        digests.forEach((service, digest) -> {
            if (builtModules.contains("app/" + service)) {
                built.put(service, digest);
            }
        });
        if (!built.isEmpty()) {
            supplyChain.attachAndSign(ci, registryHost, built);
        }
        digests.forEach((service, digest) -> {
            List<String> setImage = new ArrayList<>(List.of("set-image", "--env", env, "--service", service, "--digest", digest,
                    "--tag", version, "--image", registryHost + "/shop/" + service, "--branch", "main"));
            setImage.addAll(supplyChain.verifyArguments());
            gitops(ci, setImage.toArray(String[]::new));
        });
        gitops(ci, "set-shared", "--env", env, "--branch", "main");
        return new Delivery(version, digests);
    }

    /** The real wait on the stand-in's argocd/shop-<env> commit status; a timeout of 0 checks once. */
    private String waitDeployed(LocalEnvironment env, Map<String, String> digests, long timeoutSeconds) {
        return pipeline("wait-deployed", "--api-url", github.url(), "--repository", "shop-org/shop", "--app", env.application(),
                "--env-dir", "gitops-envs/envs/" + env.name(), "--digests", io(() -> JSON.writeValueAsString(digests)),
                "--timeout", String.valueOf(timeoutSeconds), "--interval", "3");
    }

    // ---- commands, recorded so each stage can be compared to the plan ----------------------------------

    private <T> T stage(String name, Supplier<T> work) {
        played.clear();
        skipped.clear();
        T result = timeline.step(name, work);
        List<String> expected = LifecyclePlan.stage(name).played().stream().filter(command -> !skipped.contains(command)).toList();
        List<String> ran = new ArrayList<>();
        played.forEach(command -> {
            if (ran.isEmpty() || !ran.get(ran.size() - 1).equals(command)) {
                ran.add(command);
            }
        });
        if (!ran.equals(expected)) {
            throw CliException.findings("stage '" + name + "' ran " + ran + ", its plan says " + expected);
        }
        return result;
    }

    private void stage(String name, Runnable work) {
        stage(name, () -> {
            work.run();
            return null;
        });
    }

    private void standIn(String command) {
        played.add(command);
    }

    private String gitops(Path dir, String... args) {
        played.add("gitops " + args[0]);
        List<String> command = new ArrayList<>(List.of(dir.resolve("ops/bin/gitops").toString()));
        command.addAll(List.of(args));
        Map<String, String> identity = Map.of("GIT_AUTHOR_NAME", "shop-ci", "GIT_AUTHOR_EMAIL", "ci@shop.invalid",
                "GIT_COMMITTER_NAME", "shop-ci", "GIT_COMMITTER_EMAIL", "ci@shop.invalid");
        ProcessRunner.Result result = ProcessRunner.run(command, dir, identity, null, Duration.ofMinutes(10)).orThrow();
        if (!args[0].equals("version") && !args[0].equals("status") && !result.stdout().isBlank()) {
            System.out.println(result.stdout().strip().indent(4).stripTrailing());
        }
        return result.stdout();
    }

    /** Whether {@code gitops --help} lists the verb ({@code gitops <unknown> --help} prints the top help and exits 0). */
    private boolean gitopsHas(String verb) {
        String help = ProcessRunner.run(List.of(ci.resolve("ops/bin/gitops").toString(), "--help"), ci, Duration.ofMinutes(5)).orThrow().stdout();
        return help.lines().anyMatch(line -> line.strip().startsWith(verb + " ") || line.strip().equals(verb));
    }

    private String pipeline(String... args) {
        played.add("pipeline " + args[0]);
        List<String> command = new ArrayList<>(List.of("java", "-jar", pipelineJar.toString()));
        command.addAll(List.of(args));
        ProcessRunner.Result result = ProcessRunner.run(command, ci, Duration.ofMinutes(20)).orThrow();
        if (!result.stdout().isBlank()) {
            System.out.println(ProcessRunner.lastLines(result.stdout(), 6).indent(4).stripTrailing());
        }
        return result.stdout();
    }

    /** Runs a pipeline command with --github-output and returns the outputs it wrote. */
    private Map<String, String> pipelineOutputs(String... args) {
        Path output = io(() -> Files.createTempFile(options.workDir(), "github-output-", ".txt"));
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--github-output", output.toString()));
        pipeline(command.toArray(String[]::new));
        Map<String, String> outputs = new LinkedHashMap<>();
        io(() -> Files.readAllLines(output)).forEach(line -> {
            int equals = line.indexOf('=');
            outputs.put(line.substring(0, equals), line.substring(equals + 1));
        });
        return outputs;
    }

    private void maven(Path dir, String... args) {
        List<String> goals = List.of("verify", "package");
        played.add("mvnw " + List.of(args).stream().filter(goals::contains).findFirst().orElse("(no goal)"));
        List<String> command = new ArrayList<>(List.of("./mvnw", "-B", "-ntp", "-q"));
        command.addAll(List.of(args));
        Timeline.part("mvnw " + String.join(" ", List.of(args).subList(0, Math.min(args.length, 4))),
                () -> ProcessRunner.run(command, dir, Duration.ofMinutes(30)).orThrow());
    }

    private void checkout(String branch, String startPoint) {
        git(ci, "fetch", "--quiet", "--tags", "origin");
        git(ci, "checkout", "--quiet", "--force", "-B", branch, startPoint);
    }

    private void syncArgoCdCheckout() {
        git(argoCdCheckout, "fetch", "--quiet", "origin");
        git(argoCdCheckout, "reset", "--quiet", "--hard", "origin/main");
    }

    private void commit(String message) {
        git(ci, "commit", "--quiet", "--all", "-m", message);
    }

    private void appendLine(String file, String line) {
        io(() -> Files.writeString(ci.resolve(file), Files.readString(ci.resolve(file)) + line + "\n"));
    }

    private static String git(Path dir, String... args) {
        return RehearsalRepository.git(dir, args).stdout();
    }

    private Path dir(String name) {
        return io(() -> Files.createDirectories(options.workDir().resolve(name)));
    }

    private static Path ownJar() {
        try {
            return Path.of(LifecycleRehearsal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
