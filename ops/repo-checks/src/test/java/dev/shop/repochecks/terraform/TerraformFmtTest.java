package dev.shop.repochecks.terraform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** terraform fmt -check, when a terraform binary is on PATH (skipped, and reported as skipped, when not). */
class TerraformFmtTest {

    @BeforeAll
    static void terraformOnPath() {
        assumeTrue(run(List.of("terraform", "version"), null).exit == 0,
                "terraform is not on PATH: fmt check skipped");
    }

    @Test
    void infraTerraformIsFormatted() {
        Result result = run(List.of("terraform", "fmt", "-check", "-recursive", "-diff"), RepoPaths.infraTerraform());

        assertThat(result.exit).as(result.output).isZero();
    }

    @Test
    void unformattedFileFailsTheCheck(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("main.tf"), "variable \"x\" {\ntype=string\n}\n", StandardCharsets.UTF_8);

        Result result = run(List.of("terraform", "fmt", "-check", "-recursive"), dir);

        assertThat(result.exit).isNotZero();
        assertThat(result.output).contains("main.tf");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Path dir) {
        try {
            List<String> full = new ArrayList<>(command);
            ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
