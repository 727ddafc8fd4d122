package dev.shop.supplychain.support;

import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.registry.ArtifactManifest;
import dev.shop.supplychain.registry.OciRegistry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's docker-registry (CNCF Distribution, installed by ops/bin/install-rehearsal-deps) on a
 * free loopback port with its own storage, for the tests that push, sign and verify for real.
 */
public final class TestRegistry implements AutoCloseable {

    private final Process process;
    private final String host;

    private TestRegistry(Process process, String host) {
        this.process = process;
        this.host = host;
    }

    public static TestRegistry start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("config.yml");
        Files.createDirectories(dir.resolve("storage"));
        Files.writeString(config, "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
                + dir.resolve("storage").toAbsolutePath() + "\nhttp:\n  addr: 127.0.0.1:" + port + "\n");
        Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        TestRegistry registry = new TestRegistry(process, "127.0.0.1:" + port);
        HttpClient http = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 300 && process.isAlive(); attempt++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://" + registry.host + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return registry;
                }
            } catch (IOException notYetListening) {
                Thread.sleep(Duration.ofMillis(100).toMillis());
            }
        }
        registry.close();
        throw new IllegalStateException("docker-registry did not start: " + Files.readString(dir.resolve("registry.log")));
    }

    public String host() {
        return host;
    }

    public OciRegistry client() {
        return OciRegistry.anonymous(host);
    }

    /** Pushes a one-layer image whose layer holds {@code content}; returns its reference by digest. */
    public ImageReference pushImage(String repository, String tag, String content) {
        String digest = ArtifactManifest.push(client(), repository, tag, null, null, List.of(), List.of(
                new ArtifactManifest.Layer("application/vnd.oci.image.layer.v1.tar", content.getBytes(StandardCharsets.UTF_8), Map.of())));
        return ImageReference.parse(host + "/" + repository + "@" + digest);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
