package dev.shop.pipeline.registry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Tests against a real registry (Debian's docker-registry on loopback, installed by
 * ops/bin/install-rehearsal-deps), started once per test class before the class's own @BeforeAll.
 */
abstract class LocalRegistryTest {

    @TempDir
    static Path work;
    static LocalRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = LocalRegistry.start(work.resolve("registry"));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }
}
