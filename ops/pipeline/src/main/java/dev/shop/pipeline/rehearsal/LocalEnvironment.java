package dev.shop.pipeline.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shop.cli.CliException;
import dev.shop.cli.ProcessRunner;
import dev.shop.localstack.FreePort;
import dev.shop.localstack.LocalPostgres;
import dev.shop.localstack.LocalRedis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for "Argo CD applied env E": the rendered overlay of E (kubectl kustomize) run
 * under podman, one container per service, pulled by the digest the overlay pins, under the
 * Deployment's CPU and memory limits, with its environment, against this env's own PostgreSQL and
 * Redis (app/local-stack). Applying again replaces only the containers whose digest changed, as a
 * sync would. What was applied is written to {@code <stateDir>/shop-<env>.json}, which
 * {@link LocalGithub} reads to post the env's {@code argocd/shop-<env>} status for {@code pipeline wait-deployed}.
 */
final class LocalEnvironment implements AutoCloseable {

    /** Restarts of a crashing container before the stand-in reports the env Degraded. */
    static final int RESTARTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String env;
    private final List<String> services;
    private final Path workDir;
    private final Path stateDir;
    private final String registryHost;
    private final Podman podman;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> running = new LinkedHashMap<>();
    private final Map<String, String> containers = new LinkedHashMap<>();
    private final List<String> pulled = new ArrayList<>();
    private LocalPostgres postgres;
    private LocalRedis redis;
    private Ahead<Void> dataStores;
    private int generation;

    LocalEnvironment(String env, List<String> services, Path workDir, Path stateDir, String registryHost, Podman podman) {
        this.env = env;
        this.services = List.copyOf(services);
        this.workDir = workDir;
        this.stateDir = stateDir;
        this.registryHost = registryHost;
        this.podman = podman;
        services.forEach(service -> ports.put(service, FreePort.find()));
    }

    String name() {
        return env;
    }

    String application() {
        return "shop-" + env;
    }

    /** The storefront as a browser reaches it: localhost, since its session cookie is Secure. */
    String storefrontUrl() {
        return "http://localhost:" + ports.get("storefront");
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The digest each service runs now, as last applied. */
    Map<String, String> runningDigests() {
        Map<String, String> digests = new LinkedHashMap<>();
        running.forEach((service, image) -> digests.put(service, image.substring(image.indexOf('@') + 1)));
        return digests;
    }

    /** Syncs the env to the overlay in {@code checkout} (a checkout of main, as Argo CD reads it). */
    void apply(Path checkout) {
        String rendered = ProcessRunner.run(List.of("kubectl", "kustomize", "gitops-envs/envs/" + env), checkout, Duration.ofMinutes(2))
                .orThrow().stdout();
        ServiceEnvironment overlay = ServiceEnvironment.ofRendered(rendered);
        startDataStores();
        dataStores.await();
        ArrayNode state = JSON.createArrayNode();
        for (String service : services) {
            ServiceEnvironment.Runtime runtime = overlay.runtime(service);
            String image = byDigest(service, runtime.image());
            if (!image.equals(running.get(service))) {
                replace(service, image, runtime, overlay);
            } else {
                System.out.println("    " + env + " " + service + " unchanged: " + image);
            }
            ObjectNode entry = state.addObject();
            entry.put("service", service);
            entry.put("container", containers.get(service));
            entry.put("image", image);
            entry.put("ready", "http://127.0.0.1:" + ports.get(service) + runtime.readinessPath());
        }
        writeState(state);
    }

    private void replace(String service, String image, ServiceEnvironment.Runtime runtime, ServiceEnvironment overlay) {
        String old = containers.get(service);
        if (old != null) {
            podman.remove(old);
        }
        Map<String, String> environment = overlay.of(service, DevelopPushRehearsal::secretStandIn);
        environment.replaceAll((name, value) -> DevelopPushRehearsal.local(value, postgres, redis, ports));
        // host network: the container port becomes this env's port for the service; the probe follows it
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
        String name = "shop-rehearsal-" + env + "-" + service + "-" + ProcessHandle.current().pid() + "-" + (++generation);
        containers.put(service, name);
        running.put(service, image);
        pulled.add(image);
        podman.start(name, image, environment, List.of("--cpus=" + runtime.cpus(), "--memory=" + runtime.memory(),
                "--restart=on-failure:" + RESTARTS));
        System.out.println("    " + env + " " + service + ": " + image + " (--cpus=" + runtime.cpus() + " --memory="
                + runtime.memory() + ") on port " + ports.get(service));
    }

    /** The rendered image as repository@digest; an image outside the rehearsal's registry cannot run here. */
    private String byDigest(String service, String rendered) {
        int at = rendered.indexOf('@');
        if (at < 0) {
            throw CliException.findings(env + " " + service + " is not pinned to a digest: " + rendered);
        }
        String name = rendered.substring(0, at);
        int lastSlash = name.lastIndexOf('/');
        int tag = name.lastIndexOf(':');
        String repository = tag > lastSlash ? name.substring(0, tag) : name;
        if (!repository.startsWith(registryHost + "/")) {
            throw CliException.findings(env + " " + service + " pins " + repository + ", which is not in the rehearsal registry "
                    + registryHost);
        }
        return repository + rendered.substring(at);
    }

    /** Starts this env's PostgreSQL and Redis on a thread of their own, so they come up while images build. */
    void startDataStores() {
        if (dataStores == null) {
            dataStores = Ahead.start("shop-" + env + "-data-stores", () -> {
                try {
                    Path data = Files.createDirectories(workDir.resolve("postgres-" + env));
                    postgres = LocalPostgres.start(data, 0, List.of("catalog", "orders"));
                    redis = LocalRedis.start(null, 0);
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private void writeState(ArrayNode services) {
        ObjectNode state = JSON.createObjectNode();
        state.put("application", application());
        state.set("services", services);
        try {
            Files.createDirectories(stateDir);
            Path partial = stateDir.resolve(application() + ".json.partial");
            JSON.writeValue(partial.toFile(), state);
            Files.move(partial, stateDir.resolve(application() + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless every container's main process runs as a user other than root, as runAsNonRoot demands. */
    void requireNonRoot() {
        List<String> findings = new ArrayList<>();
        containers.forEach((service, name) -> {
            String uid = podman.uidOf(name);
            if (uid.equals("0") || uid.equals("unknown")) {
                findings.add(env + " " + service + " runs as uid " + uid);
            }
        });
        if (!findings.isEmpty()) {
            throw CliException.findings(String.join("; ", findings));
        }
    }

    /** The last log lines of every container that is not running or has restarted: why the env is not ready. */
    String notReadyLogs() {
        StringBuilder logs = new StringBuilder();
        containers.forEach((service, name) -> {
            Podman.Live live = podman.live(name);
            if (!live.status().equals("running") || live.restarts() > 0) {
                logs.append(env).append(' ').append(service).append(" (").append(live.status()).append(", ")
                        .append(live.restarts()).append(" restarts):\n").append(podman.logs(name)).append('\n');
            }
        });
        return logs.toString();
    }

    @Override
    public void close() {
        podman.removeAll(containers.values());
        pulled.forEach(podman::removeImage);
        if (dataStores != null) {
            try {
                dataStores.await();
            } catch (RuntimeException notStarted) {
                // what did start is closed below
            }
        }
        if (redis != null) {
            redis.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
