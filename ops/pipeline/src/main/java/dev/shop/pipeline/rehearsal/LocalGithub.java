package dev.shop.pipeline.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shop.cli.ProcessRunner;
import dev.shop.pipeline.registry.OverlayImages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rehearsal's stand-in for the three GitHub REST calls {@code pipeline wait-deployed} makes
 * (see {@code GithubApi}): a branch's commits and a file at a commit, read from the bare remote,
 * and a commit's statuses, where {@code argocd/shop-<env>} stands for what Argo CD Notifications
 * post (ADR 0705): success when the local environment runs exactly the digests the overlay at that
 * commit pins and every service answers ready, failure when a container is gone or keeps crashing
 * (a Deployment past its progress deadline), otherwise pending. Listens on 127.0.0.1, a free port.
 */
final class LocalGithub implements AutoCloseable {

    static final String CREATOR = "argocd-notifications";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMMITS = Pattern.compile("/repos/[^/]+/[^/]+/commits");
    private static final Pattern CONTENTS = Pattern.compile("/repos/[^/]+/[^/]+/contents/(.+)");
    private static final Pattern STATUSES = Pattern.compile("/repos/[^/]+/[^/]+/commits/([^/]+)/statuses");

    /** What an environment runs now: per service its live digest, and whether it is ready or failed for good. */
    record Live(Map<String, String> digests, boolean ready, boolean failed) {
    }

    private final Path remote;
    private final List<String> envs;
    private final Function<String, Optional<Live>> live;
    private final HttpServer server;

    /** {@code live} answers for an env ("staging"), empty while nothing was applied there. */
    LocalGithub(Path remote, List<String> envs, Function<String, Optional<Live>> live) {
        this.remote = remote;
        this.envs = List.copyOf(envs);
        this.live = live;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** The stand-in over the state files {@link LocalEnvironment} writes and what podman and the probes say. */
    static LocalGithub over(Path remote, List<String> envs, Path stateDir, Podman podman) {
        return new LocalGithub(remote, envs, env -> {
            Path state = stateDir.resolve("shop-" + env + ".json");
            if (!Files.isRegularFile(state)) {
                return Optional.empty();
            }
            try {
                return Optional.of(live(JSON.readTree(state.toFile()), podman));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The value for {@code --api-url}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What runs for one applied state: podman's container state and image digest, and the readiness probes. */
    static Live live(JsonNode state, Podman podman) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, String> digests = new LinkedHashMap<>();
        boolean ready = true;
        boolean failed = false;
        for (JsonNode service : state.path("services")) {
            Podman.Live container = podman.live(service.path("container").asText());
            if (container.status().equals("running")) {
                digests.put(service.path("service").asText(), container.digest());
                ready &= answers200(http, service.path("ready").asText());
            } else {
                // the kubelet restarts a crashed container; once podman gave up on its restarts, or the
                // container is gone, the rollout failed, as when a Deployment passes its progress deadline
                ready = false;
                failed |= container.status().equals("gone") || container.restarts() >= LocalEnvironment.RESTARTS;
            }
        }
        return new Live(digests, ready, failed);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Matcher matcher;
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "{\"message\":\"this stand-in only reads\"}");
            } else if ((matcher = STATUSES.matcher(path)).matches()) {
                send(exchange, 200, statuses(matcher.group(1)).toString());
            } else if ((matcher = CONTENTS.matcher(path)).matches()) {
                Optional<String> file = show(query.getOrDefault("ref", "HEAD"), matcher.group(1));
                send(exchange, file.isPresent() ? 200 : 404, file.orElse("{\"message\":\"Not Found\"}"));
            } else if (COMMITS.matcher(path).matches()) {
                ProcessRunner.Result log = git("rev-list", "--max-count=" + query.getOrDefault("per_page", "30"),
                        query.getOrDefault("sha", "HEAD"), "--");
                ArrayNode commits = JSON.createArrayNode();
                log.stdout().lines().forEach(sha -> commits.addObject().put("sha", sha));
                send(exchange, log.ok() ? 200 : 404, log.ok() ? commits.toString() : "{\"message\":\"Branch not found\"}");
            } else {
                send(exchange, 404, "{\"message\":\"Not Found\"}");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, JSON.createObjectNode().put("message", String.valueOf(e.getMessage())).toString());
        }
    }

    /** The statuses on one commit, as Argo CD Notifications would have posted them for each env. */
    private ArrayNode statuses(String sha) {
        ArrayNode statuses = JSON.createArrayNode();
        for (String env : envs) {
            Optional<Live> now = live.apply(env);
            Optional<String> overlay = show(sha, "gitops-envs/envs/" + env + "/kustomization.yaml");
            if (now.isEmpty() || overlay.isEmpty()) {
                continue;
            }
            Map<String, String> pinned = OverlayImages.digests(OverlayImages.parse(overlay.get(), env + "@" + sha));
            String state;
            String description;
            if (now.get().failed()) {
                state = "failure";
                description = "Degraded: a container is gone or keeps crashing";
            } else if (now.get().ready() && now.get().digests().equals(pinned)) {
                state = "success";
                description = "Synced and Healthy";
            } else {
                state = "pending";
                description = "Progressing";
            }
            var status = statuses.addObject().put("context", "argocd/shop-" + env).put("state", state)
                    .put("description", description).put("target_url", "");
            status.putObject("creator").put("login", CREATOR);
        }
        return statuses;
    }

    private Optional<String> show(String ref, String file) {
        ProcessRunner.Result shown = git("show", ref + ":" + file);
        return shown.ok() ? Optional.of(shown.stdout()) : Optional.empty();
    }

    private ProcessRunner.Result git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return ProcessRunner.run(command, remote, Duration.ofSeconds(30));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static boolean answers200(HttpClient http, String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
