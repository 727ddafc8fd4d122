package dev.shop.supplychain.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Tests that share one TestRegistry per class: it starts before the class's own @BeforeAll (which
 * may push and sign into it) and stops after its last test. work is the class's scratch folder.
 */
public abstract class RegistryTest {

    @TempDir
    protected static Path work;
    protected static TestRegistry registry;

    @BeforeAll
    static void startRegistry() throws Exception {
        registry = TestRegistry.start(work.resolve("registry"));
    }

    @AfterAll
    static void stopRegistry() throws InterruptedException {
        if (registry != null) {
            registry.close();
        }
        registry = null;
    }
}
