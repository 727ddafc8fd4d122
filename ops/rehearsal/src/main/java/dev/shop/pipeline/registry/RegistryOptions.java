package dev.shop.pipeline.registry;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One version's service images in a registry and how to log in: shared by the commands that read them. */
public final class RegistryOptions {

    @Option(names = "--registry", required = true, description = "registry host, e.g. 123456789012.dkr.ecr.eu-central-1.amazonaws.com")
    String registry;

    @Option(names = "--repository-prefix", defaultValue = "shop", description = "repository of a service: <prefix>/<service> (default: ${DEFAULT-VALUE})")
    String prefix;

    @Option(names = "--services", required = true, description = "comma-separated services, e.g. catalog,orders")
    String services;

    @Option(names = "--tag", required = true, description = "the version the images are tagged with")
    String tag;

    @Option(names = "--username", description = "registry user (ECR: AWS); none for a local registry")
    String username;

    @Option(names = "--password-stdin", description = "read the registry password from standard input (aws ecr get-login-password)")
    boolean passwordStdin;

    RegistryClient client() {
        String password = null;
        if (passwordStdin) {
            try {
                password = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return RegistryClient.forHost(registry, username, password);
    }

    String repository(String service) {
        return prefix + "/" + service;
    }

    String image(String service) {
        return registry + "/" + repository(service);
    }
}
