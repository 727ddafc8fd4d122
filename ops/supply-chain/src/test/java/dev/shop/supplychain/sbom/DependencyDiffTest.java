package dev.shop.supplychain.sbom;

import dev.shop.cli.CliException;
import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.support.TestRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The promotion PR's dependency section from real SBOMs: src/test/resources/sboms holds three
 * builds of one tiny project by cyclonedx-maven-plugin 2.9.3 (each folder's pom.xml made its
 * bom.json): picocli 4.7.6 and slf4j-api, the same with picocli 4.7.7, and the first plus slf4j-nop.
 */
class DependencyDiffTest {

    private static final Path SBOMS = Path.of("src/test/resources/sboms");

    @Test
    void oneUpgradedDependencyIsTheOnlyChange() {
        DependencyDiff diff = DependencyDiff.between(sbom("picocli-4.7.6"), sbom("picocli-4.7.7"));

        assertThat(diff.changed()).containsExactly(new DependencyDiff.Change("info.picocli:picocli", "4.7.6", "4.7.7"));
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.markdown("catalog")).isEqualTo("""
                **catalog**: 0 added, 0 removed, 1 changed

                | dependency | running | promoted |
                |---|---|---|
                | `info.picocli:picocli` | 4.7.6 | **4.7.7** |
                """);
    }

    @Test
    void anAddedDependencyAndItsRemovalOnTheWayBack() {
        assertThat(DependencyDiff.between(sbom("picocli-4.7.6"), sbom("picocli-4.7.6-slf4j-nop")).added())
                .containsExactly(new DependencyDiff.Dependency("org.slf4j:slf4j-nop", "2.0.17"));
        DependencyDiff back = DependencyDiff.between(sbom("picocli-4.7.6-slf4j-nop"), sbom("picocli-4.7.6"));
        assertThat(back.removed()).containsExactly(new DependencyDiff.Dependency("org.slf4j:slf4j-nop", "2.0.17"));
        assertThat(back.markdown("orders")).contains("| `org.slf4j:slf4j-nop` | 2.0.17 | (removed) |");
    }

    @Test
    void theSameSbomHasNoChanges() {
        assertThat(DependencyDiff.between(sbom("picocli-4.7.7"), sbom("picocli-4.7.7")).markdown("storefront"))
                .isEqualTo("**storefront**: no dependency changes.\n");
    }

    @Test
    void aFileThatIsNoCycloneDxSbomIsAUsageError() {
        assertThatThrownBy(() -> Sbom.parse("{\"spdxVersion\":\"SPDX-2.3\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CliException.class)
                .hasMessage("not a CycloneDX SBOM (bomFormat is '')");
    }

    @Test
    void thePromotionSectionReadsTheSbomsAttachedToTheTwoImagesInTheRegistry(@TempDir Path work) throws Exception {
        try (TestRegistry registry = TestRegistry.start(work)) {
            ImageReference running = registry.pushImage("shop/catalog", "1.4.0", "catalog built with picocli 4.7.6");
            ImageReference promoted = registry.pushImage("shop/catalog", "1.5.0", "catalog built with picocli 4.7.7");
            ImageReference bare = registry.pushImage("shop/catalog", "1.5.1", "catalog without SBOM");
            SbomAttachment sboms = new SbomAttachment(registry.client());
            sboms.attach(running, bytes("picocli-4.7.6"));
            sboms.attach(promoted, bytes("picocli-4.7.7"));

            assertThat(PromotionDependencies.section(registry.client(), "catalog", running, promoted))
                    .contains("| `info.picocli:picocli` | 4.7.6 | **4.7.7** |");
            assertThat(PromotionDependencies.section(registry.client(), "catalog", null, promoted))
                    .isEqualTo("**catalog**: first deployment, 2 dependencies.\n");
            assertThat(PromotionDependencies.section(registry.client(), "catalog", running, bare))
                    .isEqualTo("**catalog**: no SBOM attached to " + bare.digest() + ".\n");
        }
    }

    private static Sbom sbom(String build) {
        return Sbom.parse(bytes(build));
    }

    private static byte[] bytes(String build) {
        try {
            return Files.readAllBytes(SBOMS.resolve(build).resolve("bom.json"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
