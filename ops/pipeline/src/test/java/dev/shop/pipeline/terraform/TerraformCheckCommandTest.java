package dev.shop.pipeline.terraform;

import dev.shop.pipeline.PipelineCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** terraform fmt and validate on small trees, with the real terraform binary (modules without providers need no registry). */
class TerraformCheckCommandTest {

    @TempDir
    Path tree;

    @Test
    void aFormattedValidTreePasses() throws IOException {
        write("modules/naming/main.tf", "variable \"name\" {\n  type = string\n}\n\noutput \"prefix\" {\n  value = \"shop-${var.name}\"\n}\n");
        write("envs/dev/main.tf", "module \"naming\" {\n  source = \"../../modules/naming\"\n  name   = \"dev\"\n}\n");
        assertThat(TerraformCheckCommand.moduleDirs(tree)).containsExactly(tree.resolve("envs/dev"), tree.resolve("modules/naming"));
        assertThat(PipelineCli.commandLine().execute("terraform-check", "--dir", tree.toString())).isZero();
    }

    @Test
    void anUnformattedFileIsAFinding() throws IOException {
        write("main.tf", "variable \"name\" {\ntype=string\n}\n");
        assertThat(PipelineCli.commandLine().execute("terraform-check", "--dir", tree.toString(), "--skip-validate")).isEqualTo(1);
    }

    @Test
    void anUndeclaredReferenceFailsValidate() throws IOException {
        write("main.tf", "output \"prefix\" {\n  value = var.missing\n}\n");
        assertThat(PipelineCli.commandLine().execute("terraform-check", "--dir", tree.toString())).isEqualTo(1);
    }

    private void write(String path, String content) throws IOException {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
