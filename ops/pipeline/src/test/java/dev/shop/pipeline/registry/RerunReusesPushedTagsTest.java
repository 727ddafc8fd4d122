package dev.shop.pipeline.registry;

import dev.shop.pipeline.PipelineCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A re-run of a publish job against a real registry (Debian's docker-registry on loopback): a tag
 * that exists is not built again, and its digest comes from the registry, so the write-back gets
 * image, tag and digest whether this run or an earlier one pushed.
 */
class RerunReusesPushedTagsTest extends LocalRegistryTest {

    private static String catalogDigest;

    @BeforeAll
    static void pushCatalog() {
        catalogDigest = TestImages.push(registry.client(), "shop/catalog", "1.4.0-alpha.7", "catalog layer");
    }

    @Test
    void onlyServicesWhoseTagIsMissingAreBuilt() throws IOException {
        Path output = work.resolve("missing-output");
        assertThat(PipelineCli.commandLine().execute("missing-images", "--registry", registry.host(), "--tag", "1.4.0-alpha.7",
                "--services", "catalog,orders", "--github-output", output.toString())).isZero();
        assertThat(Files.readString(output)).isEqualTo("services=orders\nmodules=app/orders\n");
    }

    @Test
    void theImagesJsonComesFromTheRegistryAndMustMatchWhatJibPushed() throws IOException {
        Path repo = work.resolve("checkout");
        Path output = work.resolve("digests-output");
        String[] digests = {"image-digests", "--registry", registry.host(), "--tag", "1.4.0-alpha.7", "--services", "catalog",
                "--repo", repo.toString(), "--github-output", output.toString()};
        assertThat(PipelineCli.commandLine().execute(digests)).isZero();
        assertThat(Files.readString(output)).isEqualTo("images={\"catalog\":{\"image\":\"" + registry.host()
                + "/shop/catalog\",\"tag\":\"1.4.0-alpha.7\",\"digest\":\"" + catalogDigest + "\"}}\npushed={}\n");

        Path jib = repo.resolve("app/catalog/target/jib-image.digest");
        Files.createDirectories(jib.getParent());
        Files.writeString(jib, "sha256:" + "e".repeat(64));
        assertThat(PipelineCli.commandLine().execute(digests)).isEqualTo(1);
        Files.writeString(jib, catalogDigest + "\n");
        Files.delete(output);
        assertThat(PipelineCli.commandLine().execute(digests)).isZero();
        assertThat(Files.readString(output)).endsWith("pushed={\"catalog\":\"" + catalogDigest + "\"}\n");

        assertThat(PipelineCli.commandLine().execute("image-digests", "--registry", registry.host(), "--tag", "1.4.0-alpha.7",
                "--services", "orders", "--repo", repo.toString())).isEqualTo(1);
        assertThat(PipelineCli.commandLine().execute("image-digests", "--registry", registry.host(), "--tag", "1.4.0-alpha.7",
                "--services", "Orders!", "--repo", repo.toString())).isEqualTo(2);
    }
}
