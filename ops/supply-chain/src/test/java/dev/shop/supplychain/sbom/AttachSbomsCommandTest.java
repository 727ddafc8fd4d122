package dev.shop.supplychain.sbom;

import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.cli.SupplyChainCli;
import dev.shop.supplychain.registry.OciRegistry;
import dev.shop.supplychain.support.TestRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the publish job's sign-images action runs after the push: every SBOM attached, signing inputs written. */
class AttachSbomsCommandTest {

    @Test
    void attachesEachServicesSbomAndWritesTheSigningInputs(@TempDir Path work) throws Exception {
        Path repo = work.resolve("repo");
        Path sbom = repo.resolve("app/catalog/target/bom.json");
        Files.createDirectories(sbom.getParent());
        Files.copy(Path.of("src/test/resources/sboms/picocli-4.7.7/bom.json"), sbom);
        try (TestRegistry registry = TestRegistry.start(work.resolve("registry"))) {
            ImageReference catalog = registry.pushImage("shop/catalog", "1.5.0", "catalog 1.5.0");

            int exit = SupplyChainCli.commandLine().execute("attach-sboms", "--registry", registry.host(),
                    "--digests", "{\"catalog\":\"" + catalog.digest() + "\"}", "--repo", repo.toString(),
                    "--cosign-args", work.resolve("out/cosign-args").toString(), "--subjects", work.resolve("out/subjects").toString());

            assertThat(exit).isZero();
            String sbomDigest = OciRegistry.sha256(Files.readAllBytes(sbom));
            assertThat(new SbomAttachment(registry.client()).read(catalog)).hasValueSatisfying(
                    attached -> assertThat(OciRegistry.sha256(attached)).isEqualTo(sbomDigest));
            assertThat(Files.readString(work.resolve("out/cosign-args")))
                    .isEqualTo("-a dev.shop.sbom.digest=" + sbomDigest + " " + catalog + "\n");
            assertThat(Files.readString(work.resolve("out/subjects")))
                    .isEqualTo(catalog.digest().substring(7) + "  " + catalog.name() + "\n");
        }
    }

    @Test
    void aServiceWithoutSbomIsAUsageErrorAndNothingIsWritten(@TempDir Path work) throws Exception {
        try (TestRegistry registry = TestRegistry.start(work.resolve("registry"))) {
            ImageReference orders = registry.pushImage("shop/orders", "1.5.0", "orders 1.5.0");
            StringWriter err = new StringWriter();
            var commandLine = SupplyChainCli.commandLine();
            commandLine.setErr(new PrintWriter(err, true));

            int exit = commandLine.execute("attach-sboms", "--registry", registry.host(),
                    "--digests", "{\"orders\":\"" + orders.digest() + "\"}", "--repo", work.toString(),
                    "--cosign-args", work.resolve("cosign-args").toString(), "--subjects", work.resolve("subjects").toString());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString().strip()).startsWith("supply-chain: no SBOM at ").doesNotContain("\n");
            assertThat(work.resolve("cosign-args")).doesNotExist();
        }
    }
}
