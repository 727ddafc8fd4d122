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

    public record Options(Path source, Path workDir, Path cacheDir, boolean rebuildBase, Duration readyTimeout,
                          List<String> services) {
    }

    private final Options options;
    private final List<String> services;
    private final Podman podman = new Podman();
    private final Timeline timeline = new Timeline();
    private final List<String> containers = new ArrayList<>();
    private final List<String> images = new ArrayList<>();

    public DevelopPushRehearsal(Options options) {
        this.options = options;
        this.services = List.copyOf(options.services());
    }

    public void run() throws IOException {
        Files.createDirectories(options.workDir());
        try (LocalRegistry registry = timeline.step("start the registry", () -> LocalRegistry.start(dir("registry")))) {
            Path rootfs = timeline.step("JRE base rootfs (mmdebstrap, cached)", () -> io(() -> BaseImage.rootfs(options.cacheDir(), options.rebuildBase())));
            String baseImage = timeline.step("base image import and push", () -> BaseImage.publish(podman, rootfs, registry.host()));
            images.add("localhost/shop-rehearsal/jre-base:17");
            RehearsalRepository repo = timeline.step("bare remote and develop checkout", () -> io(() -> RehearsalRepository.create(options.source(), options.workDir())));
            Path checkout = repo.checkout;
            timeline.step("build the gitops CLI", () -> maven(checkout, "-pl", "ops/gitops", "-am", "package", "-DskipTests"));
            String version = timeline.step("gitops version", () -> gitops(checkout, "version", "--branch", "develop").strip());
            System.out.println("    version " + version);
            timeline.step("Jib build and push of " + services, () -> maven(checkout, "-pl", "app/" + String.join(",app/", services), "-am",
                    "package", "-DskipTests",
                    "-Dquarkus.container-image.build=true", "-Dquarkus.container-image.push=true",
                    "-Dquarkus.container-image.registry=" + registry.host(), "-Dquarkus.container-image.insecure=true",
                    "-Dquarkus.container-image.group=shop", "-Dquarkus.container-image.tag=" + version,
                    "-Dquarkus.jib.base-jvm-image=" + baseImage));
            Map<String, String> pushed = io(() -> ImageDigestsCommand.read(checkout, String.join(",", services)));
            timeline.step("gitops set-image into dev", () -> pushed.forEach((service, digest) ->
                    gitops(checkout, "set-image", "--env", "dev", "--service", service, "--digest", digest, "--tag", version,
                            "--image", registry.host() + "/shop/" + service, "--branch", "main")));
            Path main = repo.checkoutOf("main", options.workDir().resolve("main"));
            timeline.step("gitops verify", () -> gitops(main, "verify"));
            List<String> branchesBefore = repo.remoteBranches();
            List<String> promote = new ArrayList<>(List.of("promote", "--from", "dev", "--to", "staging"));
            services.forEach(service -> promote.addAll(List.of("--service", service)));
            timeline.step("gitops promote dev -> staging", () -> gitops(main, promote.toArray(String[]::new)));
            String promotion = repo.remoteBranches().stream().filter(branch -> !branchesBefore.contains(branch)).findFirst()
                    .orElseThrow(() -> CliException.findings("gitops promote pushed no promotion branch"));
            System.out.println("    promotion branch " + promotion);
            timeline.step("overlay digests = registry digests", () -> {
                checkOverlay(registry, repo, "main", "dev", pushed);
                checkOverlay(registry, repo, promotion, "staging", pushed);
            });
            timeline.step("run the images from the dev overlay", () -> runContainers(main));
        } finally {
            cleanUp();
        }
        System.out.println("rehearsal of a push to develop passed in " + timeline.total().toSeconds() + " s");
        System.out.print(timeline.summary());
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
        Path launcher = dir.resolve("ops/bin/gitops");
        List<String> command = new ArrayList<>(Files.isExecutable(launcher) ? List.of(launcher.toString())
                : List.of("java", "-jar", dir.resolve("ops/gitops/target/gitops.jar").toString()));
        command.addAll(List.of(args));
        Map<String, String> identity = Map.of("GIT_AUTHOR_NAME", "shop-ci", "GIT_AUTHOR_EMAIL", "ci@shop.invalid",
                "GIT_COMMITTER_NAME", "shop-ci", "GIT_COMMITTER_EMAIL", "ci@shop.invalid");
        ProcessRunner.Result result = ProcessRunner.run(command, dir, identity, null, Duration.ofMinutes(10)).orThrow();
        if (!result.stdout().isBlank()) {
            System.out.println(result.stdout().strip().indent(4).stripTrailing());
        }
        return result.stdout();
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
