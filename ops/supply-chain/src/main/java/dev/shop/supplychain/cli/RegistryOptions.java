package dev.shop.supplychain.cli;

import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.registry.OciRegistry;
import picocli.CommandLine.Option;

/** The image a command works on and how to log in to its registry. */
final class RegistryOptions {

    @Option(names = "--image", required = true, paramLabel = "REGISTRY/REPOSITORY@sha256:HEX",
            description = "The image, pinned by digest.")
    String image;

    @Option(names = "--username", paramLabel = "USER",
            description = "Registry user (ECR: AWS); the password is read from REGISTRY_PASSWORD. Default: the docker login for the host, else anonymous.")
    String username;

    ImageReference reference() {
        return ImageReference.parse(image);
    }

    OciRegistry registry() {
        String host = reference().registry();
        return username == null ? OciRegistry.withDockerLogin(host)
                : OciRegistry.forHost(host, username, System.getenv().getOrDefault("REGISTRY_PASSWORD", ""));
    }
}
