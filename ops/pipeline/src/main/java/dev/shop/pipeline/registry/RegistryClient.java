package dev.shop.pipeline.registry;

import dev.shop.cli.CliException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The few calls of the OCI distribution API the pipeline needs: a tag's digest, a manifest by
 * digest, and putting a manifest under another tag (how a release tag lands on a tested digest
 * without a rebuild). Works with Amazon ECR (HTTPS, basic auth "AWS" + login password) and with a
 * local registry (plain HTTP on loopback).
 */
public final class RegistryClient {

    /** Every manifest kind Jib, podman and ECR produce, so the registry never converts one. */
    static final String ACCEPT = String.join(", ",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    public record Manifest(String mediaType, byte[] body, String digest) {
    }

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RegistryClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** Plain HTTP for a registry on loopback, HTTPS for every other host. */
    public static RegistryClient forHost(String host, String username, String password) {
        boolean loopback = host.startsWith("127.0.0.1:") || host.startsWith("localhost:")
                || host.equals("127.0.0.1") || host.equals("localhost");
        String authorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new RegistryClient((loopback ? "http://" : "https://") + host, authorization);
    }

    /** The digest the registry holds for a tag (HEAD .../manifests/<tag> -> Docker-Content-Digest), if any. */
    public Optional<String> digestOf(String repository, String tag) {
        HttpResponse<byte[]> response = send(request(repository, tag).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expect(response, 200, "HEAD " + repository + ":" + tag);
        return response.headers().firstValue("Docker-Content-Digest")
                .or(() -> { throw CliException.environment("no Docker-Content-Digest for " + repository + ":" + tag); });
    }

    public Manifest manifest(String repository, String reference) {
        HttpResponse<byte[]> response = send(request(repository, reference).GET());
        expect(response, 200, "GET manifest " + repository + "@" + reference);
        String mediaType = response.headers().firstValue("Content-Type").orElseThrow(
                () -> CliException.environment("no Content-Type for " + repository + "@" + reference));
        return new Manifest(mediaType, response.body(), sha256(response.body()));
    }

    /** Puts the exact bytes of a manifest under {@code tag}; the registry answers with their digest. */
    public String putManifest(String repository, String tag, Manifest manifest) {
        HttpResponse<byte[]> response = send(request(repository, tag)
                .header("Content-Type", manifest.mediaType())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.body())));
        expect(response, 201, "PUT manifest " + repository + ":" + tag);
        return response.headers().firstValue("Docker-Content-Digest").orElse(manifest.digest());
    }

    /** Uploads a blob in one request (POST then PUT with the digest); returns its digest. */
    public String putBlob(String repository, byte[] content) {
        String digest = sha256(content);
        HttpResponse<byte[]> start = send(builder(URI.create(baseUrl + "/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        expect(start, 202, "start upload to " + repository);
        String location = start.headers().firstValue("Location").orElseThrow(
                () -> CliException.environment("no upload Location from the registry"));
        URI uploadUri = URI.create(baseUrl).resolve(location);
        String separator = uploadUri.getQuery() == null ? "?" : "&";
        HttpResponse<byte[]> finish = send(builder(URI.create(uploadUri + separator + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        expect(finish, 201, "finish upload to " + repository);
        return digest;
    }

    /** Whether the registry answers its API root ({@code GET /v2/} is 200 or, with auth required, 401). */
    public boolean isUp() {
        try {
            HttpResponse<Void> response = http.send(builder(URI.create(baseUrl + "/v2/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 || response.statusCode() == 401;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String repository, String reference) {
        return builder(URI.create(baseUrl + "/v2/" + repository + "/manifests/" + reference)).header("Accept", ACCEPT);
    }

    private HttpRequest.Builder builder(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw CliException.environment("registry " + baseUrl + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.environment("interrupted talking to " + baseUrl);
        }
    }

    private static void expect(HttpResponse<byte[]> response, int status, String what) {
        if (response.statusCode() != status) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw CliException.environment(what + ": HTTP " + response.statusCode()
                    + (body.isBlank() ? "" : " " + body.strip()));
        }
    }
}
