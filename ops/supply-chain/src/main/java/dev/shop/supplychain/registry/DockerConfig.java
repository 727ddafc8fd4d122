package dev.shop.supplychain.registry;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The registry login {@code docker login} (and amazon-ecr-login in the workflows) leaves in
 * {@code $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json}: the base64 "user:password"
 * under {@code auths.<host>.auth}. Credential helpers are not consulted.
 */
public final class DockerConfig {

    private DockerConfig() {
    }

    /** The Authorization header value for a host, if the config holds a login for it. */
    public static Optional<String> basicAuth(String host) {
        String dir = System.getenv("DOCKER_CONFIG");
        Path file = dir != null ? Path.of(dir, "config.json") : Path.of(System.getProperty("user.home"), ".docker", "config.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode auths = OciRegistry.JSON.readTree(Files.readString(file)).path("auths");
            for (String key : new String[] {host, "https://" + host}) {
                String auth = auths.path(key).path("auth").asString("");
                if (!auth.isEmpty()) {
                    return Optional.of("Basic " + auth);
                }
            }
            return Optional.empty();
        } catch (IOException | JacksonException unreadable) {
            return Optional.empty();
        }
    }
}
