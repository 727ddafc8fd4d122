package dev.shop.pipeline.registry;

import dev.shop.cli.CliException;
import dev.shop.pipeline.PipelineCli;
import dev.shop.pipeline.TestOverlays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Release tags land on the exact digest staging runs, against a real registry (Debian's
 * docker-registry on loopback, installed by ops/bin/install-rehearsal-deps).
 */
class TagReleaseTest extends LocalRegistryTest {

    private static String digest;

    @BeforeAll
    static void pushAnImage() {
        digest = TestImages.push(registry.client(), "shop/catalog", "1.4.0-rc.2", "a layer");
    }

    @Test
    void theReleaseTagResolvesToTheDigestStagingRuns() throws IOException {
        Path staging = overlay("staging", digest);
        int exit = PipelineCli.commandLine().execute("tag-release", "--env-dir", staging.toString(), "--tag", "v1.4.0");
        assertThat(exit).isZero();
        assertThat(registry.client().digestOf("shop/catalog", "v1.4.0")).contains(digest);
        assertThat(registry.client().digestOf("shop/catalog", "1.4.0-rc.2")).contains(digest);
        assertThat(registry.client().digestOf("shop/catalog", "v9.9.9")).isEmpty();
    }

    @Test
    void aDigestTheRegistryDoesNotHoldIsRefusedAndTagsNothing() throws IOException {
        String unknown = "sha256:" + "0".repeat(64);
        Path staging = overlay("staging-unknown", unknown);
        assertThat(PipelineCli.commandLine().execute("tag-release", "--env-dir", staging.toString(), "--tag", "v1.5.0")).isEqualTo(3);
        assertThat(registry.client().digestOf("shop/catalog", "v1.5.0")).isEmpty();
    }

    @Test
    void anOverlayWithoutDigestsOrABadTagIsRefused() throws IOException {
        Path unpinned = work.resolve("unpinned");
        Files.createDirectories(unpinned);
        Files.writeString(unpinned.resolve("kustomization.yaml"), "images:\n  - name: catalog\n    newName: " + registry.host() + "/shop/catalog\n    newTag: 1.4.0\n");
        assertThat(PipelineCli.commandLine().execute("tag-release", "--env-dir", unpinned.toString(), "--tag", "v1.4.0")).isEqualTo(1);
        assertThat(PipelineCli.commandLine().execute("tag-release", "--env-dir", overlay("bad-tag", digest).toString(), "--tag", "v1.4.0+build")).isEqualTo(2);
        assertThatThrownBy(() -> new OverlayImages.Image("catalog", "shop/catalog", "1", digest).registryHost())
                .isInstanceOf(CliException.class);
    }

    private static Path overlay(String name, String imageDigest) throws IOException {
        Path dir = work.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kustomization.yaml"), TestOverlays.pinning(registry.host() + "/shop", "1.4.0-rc.2", "catalog", imageDigest));
        return dir;
    }
}
