package dev.shop.supplychain.registry;

import dev.shop.cli.CliException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The OCI distribution calls that signing, SBOM attachment and verification need: manifests and
 * blobs by digest (content checked against the digest, so a registry cannot hand out other bytes),
 * uploads, and the OCI 1.1 referrers API where the registry has it. Plain HTTP on loopback
 * (the rehearsal's registry), HTTPS elsewhere; basic auth for ECR ("AWS" + login password).
 */
public final class OciRegistry {

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String ACCEPT = String.join(", ", OCI_MANIFEST, OCI_INDEX,
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A manifest's exact bytes, its media type and digest. */
    public record Manifest(String mediaType, byte[] body, String digest) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final String host;
    private final String baseUrl;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private OciRegistry(String host, String baseUrl, String authorization) {
        this.host = host;
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static OciRegistry anonymous(String host) {
        return forHost(host, null, null);
    }

    /** With the login {@code docker login} stored for this host, else anonymous. */
    public static OciRegistry withDockerLogin(String host) {
        OciRegistry registry = anonymous(host);
        return DockerConfig.basicAuth(host).map(auth -> new OciRegistry(host, registry.baseUrl, auth)).orElse(registry);
    }

    /** Plain HTTP for a registry on loopback, HTTPS for every other host. */
    public static OciRegistry forHost(String host, String username, String password) {
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1")
                || host.startsWith("localhost:") || host.startsWith("127.0.0.1:");
        String authorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new OciRegistry(host, (loopback ? "http://" : "https://") + host, authorization);
    }

    public String host() {
        return host;
    }

    /** The manifest under a tag or digest, or empty when the registry has none. */
    public Optional<Manifest> manifest(String repository, String reference) {
        HttpResponse<byte[]> response = send(builder(manifestUri(repository, reference)).header("Accept", ACCEPT).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expect(response, 200, "GET manifest " + repository + ":" + reference);
        String mediaType = response.headers().firstValue("Content-Type").orElse(OCI_MANIFEST);
        String digest = sha256(response.body());
        if (reference.startsWith("sha256:") && !reference.equals(digest)) {
            throw CliException.findings("registry " + host + " returned a manifest for " + repository + "@" + reference
                    + " whose content has digest " + digest);
        }
        return Optional.of(new Manifest(mediaType, response.body(), digest));
    }

    public byte[] blob(String repository, String digest) {
        HttpResponse<byte[]> response = send(builder(URI.create(baseUrl + "/v2/" + repository + "/blobs/" + digest)).GET());
        expect(response, 200, "GET blob " + repository + "@" + digest);
        if (!sha256(response.body()).equals(digest)) {
            throw CliException.findings("registry " + host + " returned a blob for " + repository + "@" + digest
                    + " with other content");
        }
        return response.body();
    }

    /** Uploads a blob in one request (POST, then PUT with its digest) and returns the digest. */
    public String putBlob(String repository, byte[] content) {
        String digest = sha256(content);
        HttpResponse<byte[]> start = send(builder(URI.create(baseUrl + "/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        expect(start, 202, "start blob upload to " + repository);
        URI upload = URI.create(baseUrl).resolve(start.headers().firstValue("Location").orElseThrow(
                () -> CliException.environment("registry " + host + " gave no upload location")));
        String separator = upload.getQuery() == null ? "?" : "&";
        HttpResponse<byte[]> finish = send(builder(URI.create(upload + separator + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        expect(finish, 201, "finish blob upload to " + repository);
        return digest;
    }

    /** Puts a manifest under a tag or its digest; returns its digest. */
    public String putManifest(String repository, String reference, String mediaType, byte[] body) {
        HttpResponse<byte[]> response = send(builder(manifestUri(repository, reference))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
        expect(response, 201, "PUT manifest " + repository + ":" + reference);
        return sha256(body);
    }

    /**
     * The descriptors of the manifests whose subject is {@code digest} (OCI 1.1 referrers API),
     * filtered by artifact type; empty when the registry does not implement the API (Distribution
     * 2.x answers 404), so callers fall back to cosign's tag convention.
     */
    public Optional<List<JsonNode>> referrers(String repository, String digest, String artifactType) {
        HttpResponse<byte[]> response = send(builder(URI.create(baseUrl + "/v2/" + repository + "/referrers/" + digest
                + "?artifactType=" + artifactType)).header("Accept", OCI_INDEX).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expect(response, 200, "GET referrers of " + repository + "@" + digest);
        List<JsonNode> descriptors = new ArrayList<>();
        for (JsonNode descriptor : JSON.readTree(response.body()).path("manifests")) {
            if (artifactType.equals(descriptor.path("artifactType").asString())) {
                descriptors.add(descriptor);
            }
        }
        return Optional.of(descriptors);
    }

    public static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI manifestUri(String repository, String reference) {
        return URI.create(baseUrl + "/v2/" + repository + "/manifests/" + reference);
    }

    private HttpRequest.Builder builder(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw CliException.environment("registry " + host + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.environment("interrupted talking to registry " + host);
        }
    }

    private void expect(HttpResponse<byte[]> response, int status, String what) {
        if (response.statusCode() != status) {
            String body = new String(response.body(), StandardCharsets.UTF_8).strip();
            throw CliException.environment(what + " on " + host + ": HTTP " + response.statusCode()
                    + (body.isEmpty() ? "" : " " + body.lines().findFirst().orElse("")));
        }
    }
}
