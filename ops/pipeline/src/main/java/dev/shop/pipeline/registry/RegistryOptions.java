package dev.shop.pipeline.registry;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    RegistryLogin login;

    RegistryClient client() {
        return login.client(registry);
    }

    String repository(String service) {
        return prefix + "/" + service;
    }

    String image(String service) {
        return registry + "/" + repository(service);
    }
}
