package dev.shop.pipeline.rehearsal;

import dev.shop.cli.CliException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The develop-push rehearsal's second build: one dependency added, and the promotion PR body must show exactly it. */
class DependencyChangeTest {

    private static final String ADDED = "info.picocli:picocli:4.7.7";
    private static final String BODY = """
            ## Promote dev → staging

            | service | version | digest |
            |---|---|---|
            | storefront | 1.1.0-alpha.2 → **1.1.0-alpha.3** | `765e31f6ad91` → `ab12cd34ef56` |

            ### Dependencies (from the images' SBOMs)

            **storefront**: 1 added, 0 removed, 0 changed

            | dependency | running | promoted |
            |---|---|---|
            | `info.picocli:picocli` | (none) | **4.7.7** |

            ### Rendered manifests of staging
            """;

    @Test
    void aBodyThatNamesExactlyTheAddedDependencyPasses() {
        assertThat(DevelopPushRehearsal.requireDependencySection(BODY, "storefront", ADDED))
                .startsWith(DevelopPushRehearsal.PROMOTION_DEPENDENCIES).doesNotContain("Rendered manifests");
    }

    @Test
    void aBodyWithAnotherChangeBesidesIsRefused() {
        String broken = BODY.replace("1 added, 0 removed, 0 changed", "1 added, 0 removed, 1 changed")
                .replace("| `info.picocli:picocli` | (none) | **4.7.7** |",
                        "| `io.quarkus:quarkus-core` | 3.33.1 | **3.33.2** |\n| `info.picocli:picocli` | (none) | **4.7.7** |");
        assertThatThrownBy(() -> DevelopPushRehearsal.requireDependencySection(broken, "storefront", ADDED))
                .isInstanceOf(CliException.class).hasMessageContaining("does not show exactly");
    }

    @Test
    void aBodyWithAnotherVersionOrServiceIsRefused() {
        assertThatThrownBy(() -> DevelopPushRehearsal.requireDependencySection(BODY.replace("**4.7.7**", "**4.7.6**"), "storefront", ADDED))
                .hasMessageContaining("does not show exactly");
        assertThatThrownBy(() -> DevelopPushRehearsal.requireDependencySection(BODY, "catalog", ADDED))
                .hasMessageContaining("does not show exactly");
    }

    @Test
    void aBodyWithoutTheSectionIsRefused() {
        String withoutSection = BODY.substring(0, BODY.indexOf("### Dependencies"));
        assertThatThrownBy(() -> DevelopPushRehearsal.requireDependencySection(withoutSection, "storefront", ADDED))
                .hasMessageContaining("has no section");
    }

    @Test
    void theDependencyGoesIntoTheProjectsDependenciesNotTheManagedOnes() throws IOException {
        String pom = Files.readString(Path.of(System.getProperty("repo.root", "../.."), "app/storefront/pom.xml"));
        String block = "    <dependency>\n      <groupId>info.picocli</groupId>\n      <artifactId>picocli</artifactId>\n"
                + "      <version>4.7.7</version>\n    </dependency>\n";
        String changed = DevelopPushRehearsal.withDependency(pom, ADDED);
        assertThat(changed).contains("\n  <dependencies>\n" + block);
        assertThat(changed.replace(block, "")).isEqualTo(pom);
    }

    @Test
    void aPomWithoutProjectDependenciesIsRefused() {
        assertThatThrownBy(() -> DevelopPushRehearsal.withDependency("<project>\n</project>\n", ADDED))
                .hasMessageContaining("no <dependencies> section");
    }
}
