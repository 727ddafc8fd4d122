package dev.shop.pipeline.rehearsal;

import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;
import dev.shop.localstack.FreePort;
import dev.shop.localstack.LocalPostgres;
import dev.shop.localstack.LocalRedis;
import dev.shop.pipeline.registry.ImageDigestsCommand;
import dev.shop.pipeline.registry.LocalRegistry;
import dev.shop.pipeline.registry.OverlayImages;
import dev.shop.pipeline.registry.RegistryClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays what the develop workflow does on a push, with real parts on this machine: a bare git
 * remote, a registry on loopback, gitops version, the Jib build and push of every service (FROM a
 * JRE base image made here), gitops set-image into dev, gitops verify, gitops promote dev ->
 * staging. Then it checks every digest written against the registry, and runs each image, pulled
 * by that digest, with the dev overlay's environment against local PostgreSQL and Redis.
 */
public final class DevelopPushRehearsal {

    public static final List<String> ALL_SERVICES = List.of("catalog", "orders", "storefront");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://[^/]+/([a-z_][a-z0-9_]*)");
    private static final Pattern SERVICE_URL = Pattern.compile("http://([a-z][a-z0-9-]*)(?::\\d+)?/?");
    /** The dependency the second build adds: in ~/.m2 already, since the gitops CLI built before it uses it. */
    static final String ADDED_DEPENDENCY = "info.picocli:picocli:4.7.7";
    /** The heading gitops promote --sbom-diff gives the section (ops/supply-chain PromotionDependencies). */
    static final String PROMOTION_DEPENDENCIES = "### Dependencies (from the images' SBOMs)";
    private static final Map<String, String> CI_IDENTITY = Map.of("GIT_AUTHOR_NAME", "shop-ci", "GIT_AUTHOR_EMAIL", "ci@shop.invalid",
            "GIT_COMMITTER_NAME", "shop-ci", "GIT_COMMITTER_EMAIL", "ci@shop.invalid");

    public record Options(Path source, Path workDir, Path cacheDir, boolean rebuildBase, Duration readyTimeout,
                          List<String> services) {
    }

    private final Options options;
    private final List<String> services;
    private final Podman podman = new Podman();
    private final Timeline timeline = new Timeline();
    private final List<String> containers = new ArrayList<>();
    private final List<String> images = new ArrayList<>();
    private String baseImage;

    public DevelopPushRehearsal(Options options) {
        this.options = options;
        this.services = List.copyOf(options.services());
    }

    public void run() throws IOException {
        Files.createDirectories(options.workDir());
        try (LocalRegistry registry = timeline.step("start the registry", () -> LocalRegistry.start(dir("registry")))) {
            Path rootfs = timeline.step("JRE base rootfs (mmdebstrap, cached)", () -> io(() -> BaseImage.rootfs(options.cacheDir(), options.rebuildBase())));
            baseImage = timeline.step("base image import and push", () -> BaseImage.publish(podman, rootfs, registry.host()));
            images.add("localhost/shop-rehearsal/jre-base:17");
            RehearsalRepository repo = timeline.step("bare remote and develop checkout", () -> io(() -> RehearsalRepository.create(options.source(), options.workDir())));
            Path checkout = repo.checkout;
            timeline.step("build the gitops CLI", () -> maven(checkout, "-pl", "ops/gitops", "-am", "package", "-DskipTests"));
            String version = timeline.step("gitops version", () -> gitops(checkout, "version", "--branch", "develop").strip());
            System.out.println("    version " + version);
            timeline.step("Jib build and push of " + services, () -> jibPush(checkout, registry.host(), services, version));
            Map<String, String> pushed = io(() -> ImageDigestsCommand.read(checkout, String.join(",", services)));
            ImageSupplyChain supplyChain = timeline.step("attach SBOMs and sign (local key)", () -> {
                ImageSupplyChain chain = ImageSupplyChain.withNewKeyPair(checkout, dir("keys"));
                chain.attachAndSign(checkout, registry.host(), pushed);
                return chain;
            });
            timeline.step("gitops set-image into dev (verified)", () -> pushed.forEach((service, digest) ->
                    setImage(checkout, supplyChain, registry.host(), service, digest, version)));
            timeline.step("set-image refuses unsigned and replayed", () -> refuseForgeries(registry, repo, supplyChain, version, pushed));
            Path main = repo.checkoutOf("main", options.workDir().resolve("main"));
            timeline.step("gitops verify", () -> gitops(main, "verify"));
            // no --sbom-diff here: staging runs the seed's images, in a registry this machine cannot reach
            String promotion = timeline.step("gitops promote dev -> staging (verified)",
                    () -> promote(repo, main, supplyChain, services, List.of()));
            timeline.step("overlay digests = registry digests", () -> {
                checkOverlay(registry, repo, "main", "dev", pushed);
                checkOverlay(registry, repo, promotion, "staging", pushed);
            });
            timeline.step("merge the promotion into main", () -> mergeIntoMain(main, promotion));
            timeline.step("one dependency added, rebuilt, promoted with --sbom-diff",
                    () -> deliverDependencyChange(registry, repo, main, supplyChain, pushed));
            RehearsalRepository.git(main, "pull", "--quiet", "--ff-only", "origin", "main");
            timeline.step("run the images from the dev overlay", () -> runContainers(main));
        } finally {
            cleanUp();
        }
        System.out.println("rehearsal of a push to develop passed in " + timeline.total().toSeconds() + " s");
        System.out.print(timeline.summary());
    }

    /** set-image into dev as the write-back runs it, verifying the signature before it writes. */
    private void setImage(Path checkout, ImageSupplyChain supplyChain, String registryHost, String service, String digest, String version) {
        gitops(checkout, setImageArguments(supplyChain, registryHost, service, digest, version).toArray(String[]::new));
    }

    private static List<String> setImageArguments(ImageSupplyChain supplyChain, String registryHost, String service, String digest,
                                                  String tag) {
        List<String> arguments = new ArrayList<>(List.of("set-image", "--env", "dev", "--service", service, "--digest", digest,
                "--tag", tag, "--image", registryHost + "/shop/" + service, "--branch", "main"));
        arguments.addAll(supplyChain.verifyArguments());
        return arguments;
    }

    /** gitops promote dev -> staging of {@code promoted}, verified; returns the promotion branch it pushed. */
    private String promote(RehearsalRepository repo, Path main, ImageSupplyChain supplyChain, List<String> promoted, List<String> extra) {
        List<String> branchesBefore = repo.remoteBranches();
        List<String> promote = new ArrayList<>(List.of("promote", "--from", "dev", "--to", "staging"));
        promoted.forEach(service -> promote.addAll(List.of("--service", service)));
        promote.addAll(supplyChain.verifyArguments());
        promote.addAll(extra);
        gitops(main, promote.toArray(String[]::new));
        String promotion = repo.remoteBranches().stream().filter(branch -> !branchesBefore.contains(branch)).findFirst()
                .orElseThrow(() -> CliException.findings("gitops promote pushed no promotion branch"));
        System.out.println("    promotion branch " + promotion);
        return promotion;
    }

    /** What merging the promotion PR does: main moves to the promotion branch (a fast-forward). */
    private static void mergeIntoMain(Path main, String promotion) {
        RehearsalRepository.git(main, "fetch", "--quiet", "origin", promotion);
        RehearsalRepository.git(main, "merge", "--quiet", "--ff-only", "FETCH_HEAD");
        RehearsalRepository.git(main, "push", "--quiet", "origin", "HEAD:main");
    }

    /**
     * Two images that differ in one dependency, as a promotion PR should show them: a commit on
     * develop adds {@link #ADDED_DEPENDENCY} to one service, only that service is rebuilt, pushed,
     * signed and set into dev, and its promotion to staging (which runs the first build) must list
     * exactly that dependency in the PR body's SBOM section.
     */
    private void deliverDependencyChange(LocalRegistry registry, RehearsalRepository repo, Path main, ImageSupplyChain supplyChain,
                                         Map<String, String> firstBuild) {
        Path checkout = repo.checkout;
        String service = services.get(services.size() - 1);
        Path pom = checkout.resolve("app").resolve(service).resolve("pom.xml");
        io(() -> Files.writeString(pom, withDependency(Files.readString(pom), ADDED_DEPENDENCY)));
        RehearsalRepository.git(checkout, "commit", "--quiet", "-am", service + ": add " + ADDED_DEPENDENCY);
        RehearsalRepository.git(checkout, "push", "--quiet", "origin", "develop");
        String version = gitops(checkout, "version", "--branch", "develop").strip();
        System.out.println("    " + service + " " + version + " adds " + ADDED_DEPENDENCY);
        jibPush(checkout, registry.host(), List.of(service), version);
        Map<String, String> rebuilt = io(() -> ImageDigestsCommand.read(checkout, service));
        supplyChain.attachAndSign(checkout, registry.host(), rebuilt);
        setImage(checkout, supplyChain, registry.host(), service, rebuilt.get(service), version);
        Path body = options.workDir().resolve("promotion-" + service + ".md");
        String promotion = promote(repo, main, supplyChain, List.of(service), List.of("--sbom-diff", "--pr-body", body.toString()));
        String section = requireDependencySection(io(() -> Files.readString(body)), service, ADDED_DEPENDENCY);
        System.out.println(section.strip().indent(4).stripTrailing());
        Map<String, String> delivered = new LinkedHashMap<>(firstBuild);
        delivered.putAll(rebuilt);
        checkOverlay(registry, repo, "main", "dev", delivered);
        checkOverlay(registry, repo, promotion, "staging", delivered);
    }

    /** The pom with {@code groupId:artifactId:version} as the first of its dependencies. */
    static String withDependency(String pom, String coordinates) {
        String[] parts = coordinates.split(":");
        String marker = "\n  <dependencies>\n";
        int at = pom.indexOf(marker);
        if (at < 0) {
            throw CliException.environment("no <dependencies> section at the project level of the pom");
        }
        String dependency = "    <dependency>\n      <groupId>" + parts[0] + "</groupId>\n      <artifactId>" + parts[1]
                + "</artifactId>\n      <version>" + parts[2] + "</version>\n    </dependency>\n";
        int end = at + marker.length();
        return pom.substring(0, end) + dependency + pom.substring(end);
    }

    /**
     * The SBOM section of a promotion PR body for {@code service}, if it names exactly one added
     * dependency, {@code groupId:artifactId:version}, and nothing else; otherwise a finding.
     */
    static String requireDependencySection(String body, String service, String added) {
        int heading = body.indexOf(PROMOTION_DEPENDENCIES);
        if (heading < 0) {
            throw CliException.findings("the promotion PR body has no section '" + PROMOTION_DEPENDENCIES + "'");
        }
        String section = body.substring(heading);
        int next = section.indexOf("\n#", PROMOTION_DEPENDENCIES.length());
        section = next < 0 ? section : section.substring(0, next + 1);
        int versionAt = added.lastIndexOf(':');
        String summary = "**" + service + "**: 1 added, 0 removed, 0 changed";
        String row = "| `" + added.substring(0, versionAt) + "` | (none) | **" + added.substring(versionAt + 1) + "** |";
        List<String> rows = section.lines().filter(line -> line.startsWith("| `")).toList();
        if (!section.lines().toList().contains(summary) || !rows.equals(List.of(row))) {
            throw CliException.findings("the promotion PR body's dependency section does not show exactly '" + summary + "' and "
                    + row + ":\n" + section);
        }
        return section;
    }

    /**
     * An altered copy of a signed image (same layers, one more annotation: a new digest), first
     * with no signature, then with the original's signature copied next to it: set-image must refuse
     * both with one line and exit 1, and leave main on the remote and the checkout as they were.
     */
    private void refuseForgeries(LocalRegistry registry, RehearsalRepository repo, ImageSupplyChain supplyChain, String version,
                                 Map<String, String> pushed) {
        String service = services.get(0);
        String repository = "shop/" + service;
        RegistryClient client = registry.client();
        String altered = ImageSupplyChain.alteredCopy(client, repository, pushed.get(service), version + "-altered");
        List<String> arguments = setImageArguments(supplyChain, registry.host(), service, altered, version + "-altered");
        requireRefusal(repo, arguments, "the unsigned altered copy " + altered, List.of(altered));
        ImageSupplyChain.copySignature(client, repository, pushed.get(service), altered);
        requireRefusal(repo, arguments, "the altered copy with the signature of " + pushed.get(service),
                List.of(altered, pushed.get(service)));
    }

    /** set-image must exit 1 with one line that names {@code digests} (the refusal is about them), and write nothing. */
    private void requireRefusal(RehearsalRepository repo, List<String> arguments, String what, List<String> digests) {
        Path checkout = repo.checkout;
        String before = RehearsalRepository.git(repo.remote, "rev-parse", "main").stdout()
                + RehearsalRepository.git(checkout, "status", "--porcelain").stdout();
        ProcessRunner.Result result = ProcessRunner.run(gitopsCommand(checkout, arguments), checkout, CI_IDENTITY, null, Duration.ofMinutes(5));
        String after = RehearsalRepository.git(repo.remote, "rev-parse", "main").stdout()
                + RehearsalRepository.git(checkout, "status", "--porcelain").stdout();
        String reason = result.stderr().strip();
        if (result.exitCode() != 1 || reason.lines().count() != 1 || !digests.stream().allMatch(reason::contains) || !after.equals(before)) {
            throw CliException.findings("set-image of " + what + ": exit " + result.exitCode() + ", "
                    + (after.equals(before) ? "nothing written" : "main or the checkout changed") + ", stderr: " + reason);
        }
        System.out.println("    " + what + ": refused, nothing written: " + reason);
    }

    /** Fails unless every image of the overlay on that branch is pinned to what the registry holds for its tag. */
    private void checkOverlay(LocalRegistry local, RehearsalRepository repo, String branch, String env,
                              Map<String, String> pushed) {
        RegistryClient registry = local.client();
        String registryHost = local.host();
        Path overlay = options.workDir().resolve("overlay-" + env);
        io(() -> {
            Files.createDirectories(overlay);
            Files.writeString(overlay.resolve("kustomization.yaml"),
                    repo.readOnRemote(branch, "gitops-envs/envs/" + env + "/kustomization.yaml"));
            return null;
        });
        List<String> findings = new ArrayList<>();
        for (OverlayImages.Image image : OverlayImages.read(overlay)) {
            if (!services.contains(image.name())) {
                continue;
            }
            if (!image.registryHost().equals(registryHost)) {
                findings.add(env + " " + image.name() + ": overlay points at " + image.newName() + ", not the rehearsal registry");
                continue;
            }
            String held = registry.digestOf(image.repository(), image.newTag()).orElse("no such tag");
            String written = image.digest();
            if (!held.equals(written)) {
                findings.add(env + " " + image.name() + ": overlay " + written + ", registry shop/" + image.name() + ":" + image.newTag() + " " + held);
            } else if (!written.equals(pushed.get(image.name()))) {
                findings.add(env + " " + image.name() + ": overlay " + written + " is not the digest Jib pushed " + pushed.get(image.name()));
            } else {
                System.out.println("    " + env + " " + image.name() + ":" + image.newTag() + " = " + written);
            }
        }
        if (!findings.isEmpty()) {
            throw CliException.findings(String.join("; ", findings));
        }
    }

    /** Runs each image as the dev overlay names it (newName@digest), with the overlay's environment. */
    private void runContainers(Path main) {
        Map<String, String> overlayImages = new LinkedHashMap<>();
        OverlayImages.read(main.resolve("gitops-envs/envs/dev")).stream().filter(image -> services.contains(image.name()))
                .forEach(image -> overlayImages.put(image.name(), image.newName() + "@" + image.digest()));
        String rendered = ProcessRunner.run(List.of("kubectl", "kustomize", "gitops-envs/envs/dev"), main, Duration.ofMinutes(2))
                .orThrow().stdout();
        ServiceEnvironment overlay = ServiceEnvironment.ofRendered(rendered);
        Map<String, Integer> ports = new LinkedHashMap<>();
        services.forEach(service -> ports.put(service, FreePort.find()));
        try (LocalPostgres postgres = LocalPostgres.start(dir("postgres"), 0, List.of("catalog", "orders"));
             LocalRedis redis = LocalRedis.start(null, 0)) {
            for (String service : services) {
                Map<String, String> env = overlay.of(service, DevelopPushRehearsal::secretStandIn);
                env.replaceAll((name, value) -> local(value, postgres, redis, ports));
                env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
                String image = overlayImages.get(service);
                String name = "shop-rehearsal-" + service + "-" + ProcessHandle.current().pid();
                containers.add(name);
                images.add(image);
                podman.start(name, image, env, List.of());
                System.out.println("    started " + image + " on port " + ports.get(service));
            }
            List<String> findings = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                String service = services.get(i);
                String name = containers.get(i);
                if (!awaitReady(ports.get(service))) {
                    findings.add(service + " never reported ready on /q/health/ready:\n" + podman.logs(name));
                    continue;
                }
                String uid = podman.uidOf(name);
                String imageUser = podman.imageUser(images.get(images.size() - services.size() + i));
                if (uid.equals("0") || uid.equals("unknown") || imageUser.isEmpty() || imageUser.equals("0") || imageUser.equals("root")) {
                    findings.add(service + " runs as uid " + uid + " (image user '" + imageUser + "')");
                } else {
                    System.out.println("    " + service + " ready, running as uid " + uid + " (image user " + imageUser + ")");
                }
            }
            if (!findings.isEmpty()) {
                throw CliException.findings(String.join("\n", findings));
            }
        }
    }

    /** Points an overlay value at the local stand-ins: data stores and sibling services on loopback. */
    static String local(String value, LocalPostgres postgres, LocalRedis redis, Map<String, Integer> ports) {
        Matcher jdbc = JDBC_URL.matcher(value);
        if (jdbc.matches()) {
            return postgres.jdbcUrl(jdbc.group(1));
        }
        if (value.startsWith("redis://") || value.startsWith("rediss://")) {
            return redis.hostsUrl();
        }
        Matcher service = SERVICE_URL.matcher(value);
        if (service.matches() && ports.containsKey(service.group(1))) {
            return "http://127.0.0.1:" + ports.get(service.group(1));
        }
        return value;
    }

    /** Local values for the Secrets External Secrets would make; null leaves the variable unset. */
    static String secretStandIn(String secret, String key) {
        Map<String, String> values = secret.endsWith("-db")
                ? Map.of("username", LocalPostgres.USERNAME, "password", LocalPostgres.PASSWORD)
                : secret.equals("catalog-admin") ? Map.of("username", "admin", "password", "rehearsal-admin-password") : Map.of();
        return values.get(key);
    }

    private boolean awaitReady(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(options.readyTimeout());
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            sleep(Duration.ofSeconds(1));
        }
        return false;
    }

    private void cleanUp() {
        containers.forEach(podman::remove);
        images.forEach(podman::removeImage);
    }

    private String gitops(Path dir, String... args) {
        ProcessRunner.Result result = ProcessRunner.run(gitopsCommand(dir, List.of(args)), dir, CI_IDENTITY, null, Duration.ofMinutes(10)).orThrow();
        if (!result.stdout().isBlank()) {
            System.out.println(result.stdout().strip().indent(4).stripTrailing());
        }
        return result.stdout();
    }

    private static List<String> gitopsCommand(Path dir, List<String> args) {
        Path launcher = dir.resolve("ops/bin/gitops");
        List<String> command = new ArrayList<>(Files.isExecutable(launcher) ? List.of(launcher.toString())
                : List.of("java", "-jar", dir.resolve("ops/gitops/target/gitops.jar").toString()));
        command.addAll(args);
        return command;
    }

    /** The Jib build and push of {@code built} as deliver.yml's publish job runs it (the SBOMs are made in the same build). */
    private void jibPush(Path checkout, String registryHost, List<String> built, String version) {
        maven(checkout, "-pl", "app/" + String.join(",app/", built), "-am", "package", "-DskipTests",
                "-Dquarkus.container-image.build=true", "-Dquarkus.container-image.push=true",
                "-Dquarkus.container-image.registry=" + registryHost, "-Dquarkus.container-image.insecure=true",
                "-Dquarkus.container-image.group=shop", "-Dquarkus.container-image.tag=" + version,
                "-Dquarkus.jib.base-jvm-image=" + baseImage);
    }

    private ProcessRunner.Result maven(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("./mvnw", "-B", "-ntp", "-q"));
        command.addAll(List.of(args));
        return ProcessRunner.run(command, dir, Duration.ofMinutes(30)).orThrow();
    }

    private Path dir(String name) {
        return io(() -> Files.createDirectories(options.workDir().resolve(name)));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    interface IoWork<T> {
        T get() throws IOException;
    }

    static <T> T io(IoWork<T> work) {
        try {
            return work.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
