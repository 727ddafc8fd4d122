package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * src/test/node/module-facts.js, the command that (re)generates infra-terraform/.module-facts,
 * run on a real git repository shaped like a terraform-aws-modules release.
 */
class ModuleFactsGeneratorTest {

    private static final Path SCRIPT = RepoPaths.repoRoot().resolve("ops/repo-checks/src/test/node/module-facts.js");

    @Test
    void readsInputsAndConstraintsAtTheReleaseTag(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("modules/endpoints"));
        Files.writeString(repo.resolve("modules/endpoints/variables.tf"), """
                variable "vpc_id" {
                  type = string
                }
                variable "endpoints" {
                  type = map(object({
                    service = string
                  }))
                  default = {}
                }
                variable "create" {
                  default = true
                }
                """);
        Files.writeString(repo.resolve("modules/endpoints/versions.tf"), """
                terraform {
                  required_version = ">= 1.11"
                  required_providers {
                    aws = {
                      source  = "hashicorp/aws"
                      version = ">= 6.0"
                    }
                  }
                }
                """);
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "release");
        git(repo, "tag", "v1.2.3");
        Files.writeString(repo.resolve("modules/endpoints/variables.tf"), "variable \"added_after_the_tag\" {}\n");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "later");

        Result result = node(repo.resolve(".git").toString(), "example/vpc/aws//modules/endpoints", "1.2.3");

        assertThat(result.exit).as(result.output).isZero();
        JsonNode facts = new ObjectMapper().readTree(result.output);
        assertThat(facts.path("required_version").asText()).isEqualTo(">= 1.11");
        assertThat(facts.path("required_providers").path("aws").asText()).isEqualTo(">= 6.0");
        assertThat(facts.path("upstream").path("tag").asText()).isEqualTo("v1.2.3");
        assertThat(facts.path("inputs").path("vpc_id").path("required").asBoolean()).isTrue();
        assertThat(facts.path("inputs").path("endpoints").path("type").asText()).isEqualTo("map(object({ service = string }))");
        assertThat(facts.path("inputs").path("create").path("type").asText()).isEqualTo("any");
        assertThat(facts.path("inputs").has("added_after_the_tag")).isFalse();
    }

    @Test
    void aMissingTagIsAnEnvironmentErrorAndPrintsNoFacts(@TempDir Path repo) throws Exception {
        git(repo, "init", "-q");

        Result result = node(repo.resolve(".git").toString(), "example/vpc/aws", "9.9.9");

        assertThat(result.exit).isEqualTo(3);
        assertThat(result.stdout).isEmpty();
    }

    @Test
    void aSourceThatIsNotARegistryAddressIsAUsageError(@TempDir Path repo) throws Exception {
        Result result = node(repo.toString(), "../modules/local", "1.0.0");

        assertThat(result.exit).isEqualTo(2);
    }

    private record Result(int exit, String stdout, String output) {
    }

    private static Result node(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        Path stderr = Files.createTempFile("module-facts", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(RepoPaths.repoRoot().resolve("ops/repo-checks").toFile())
                    .redirectError(stderr.toFile())
                    .start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            return new Result(exit, stdout, stdout + Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static void git(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }
}
