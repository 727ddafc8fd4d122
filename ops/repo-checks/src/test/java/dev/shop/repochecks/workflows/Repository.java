package dev.shop.repochecks.workflows;

import java.nio.file.Path;

/** The repository root the tests read, from the repo.root system property the pom sets. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        return Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    }
}
