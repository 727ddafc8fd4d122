package dev.shop.pipeline.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rehearsal's stand-in for {@code kubectl get applications.argoproj.io APP -o json}: the
 * Application of a {@link LocalEnvironment}, built from what runs (podman's container state and
 * the digest of the image it runs) and what the readiness probe answers now. {@code pipeline
 * wait-argocd --kubectl <script>} reads it exactly as it reads the cluster's, so the wait is the
 * same code with the same contract: Synced, Healthy, and the expected digests live.
 *
 * <p>Usage: {@code LocalArgoCd STATE_DIR get applications.argoproj.io APP [--namespace N] [--output json]}.
 */
public final class LocalArgoCd {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalArgoCd() {
    }

    public static void main(String[] args) throws IOException {
        int kind = List.of(args).indexOf("applications.argoproj.io");
        if (args.length < 4 || !args[1].equals("get") || kind < 0 || kind + 1 >= args.length) {
            System.err.println("error: this stand-in answers only: get applications.argoproj.io NAME -o json");
            System.exit(1);
        }
        String app = args[kind + 1];
        Path state = Path.of(args[0]).resolve(app + ".json");
        if (!Files.isRegularFile(state)) {
            System.err.println("Error from server (NotFound): applications.argoproj.io \"" + app + "\" not found");
            System.exit(1);
        }
        System.out.println(JSON.writeValueAsString(application(JSON.readTree(state.toFile()), new Podman())));
    }

    static ObjectNode application(JsonNode state, Podman podman) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        boolean synced = true;
        boolean degraded = false;
        boolean ready = true;
        List<String> images = new ArrayList<>();
        for (JsonNode service : state.path("services")) {
            String expected = service.path("image").asText();
            String repository = expected.substring(0, expected.indexOf('@'));
            Podman.Live live = podman.live(service.path("container").asText());
            if (!expected.equals(repository + "@" + live.digest())) {
                synced = false;
            }
            if (live.status().equals("running")) {
                images.add(repository + "@" + live.digest());
                ready &= answers200(http, service.path("ready").asText());
            } else {
                // the kubelet restarts a crashed container; once podman gave up on its restarts, or the
                // container is gone, the rollout failed, as when a Deployment passes its progress deadline
                ready = false;
                degraded |= live.status().equals("gone") || live.restarts() >= LocalEnvironment.RESTARTS;
            }
        }
        ObjectNode application = JSON.createObjectNode();
        application.putObject("metadata").put("name", state.path("application").asText());
        ObjectNode status = application.putObject("status");
        status.putObject("sync").put("status", synced ? "Synced" : "OutOfSync");
        status.putObject("health").put("status", degraded ? "Degraded" : ready ? "Healthy" : "Progressing");
        images.forEach(status.putObject("summary").putArray("images")::add);
        return application;
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
}
