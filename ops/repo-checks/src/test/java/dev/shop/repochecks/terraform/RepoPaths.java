package dev.shop.repochecks.terraform;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and this module's test fixtures are. */
final class RepoPaths {

    private RepoPaths() {
    }

    /** The repository root: the repo.root system property set by surefire, else two levels up. */
    static Path repoRoot() {
        String configured = System.getProperty("repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("../..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("ops/repo-checks"))) {
            throw new IllegalStateException("not the repository root: " + root);
        }
        return root;
    }

    static Path infraTerraform() {
        return repoRoot().resolve("infra-terraform");
    }

    /** A fixture tree under src/test/resources/terraform/. */
    static Path fixture(String name) {
        return repoRoot().resolve("ops/repo-checks/src/test/resources/terraform").resolve(name);
    }
}
