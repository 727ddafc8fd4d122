package dev.shop.repochecks.terraform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** terraform fmt -check, when a terraform binary is on PATH (skipped, and reported as skipped, when not). */
class TerraformFmtTest {

    @BeforeAll
    static void terraformOnPath() {
        assumeTrue(TerraformCli.available(),
                "terraform is not on PATH: fmt check skipped");
    }

    @Test
    void infraTerraformIsFormatted() {
        TerraformCli.Result result = TerraformCli.run(RepoPaths.infraTerraform(), "fmt", "-check", "-recursive", "-diff");

        assertThat(result.exit()).as(result.output()).isZero();
    }

    @Test
    void unformattedFileFailsTheCheck(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("main.tf"), "variable \"x\" {\ntype=string\n}\n", StandardCharsets.UTF_8);

        TerraformCli.Result result = TerraformCli.run(dir, "fmt", "-check", "-recursive");

        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("main.tf");
    }
}
