package dev.shop.repochecks.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README says what CI runs ("{@code .ci/run} runs exactly ..."), and newcomers rely on it to reproduce a CI
 * failure. It said the lifecycle rehearsal was run by hand until {@code .ci/run} began to run it; this test keeps the
 * sentence and the script's commands the same, in the same order.
 */
class CiRunDocumentedTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    private static final String CLAIM = "`.ci/run` runs exactly";
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`");

    @Test
    void theReadmeListsWhatCiRunsInOrder() throws IOException {
        List<String> script = scriptCommands(Files.readString(ROOT.resolve(".ci/run")));
        assertThat(script).contains("./mvnw -B verify");
        assertThat(readmeCommands(Files.readString(ROOT.resolve("README.md")))).isEqualTo(script);
    }

    @Test
    void aCommandTheReadmeDoesNotNameIsCaught(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("run"), """
                #!/usr/bin/env bash
                # CI entry point
                set -euo pipefail
                cd "$(dirname "${BASH_SOURCE[0]}")/.."
                ./mvnw -B verify
                ops/bin/rehearse
                ops/bin/rehearse --lifecycle
                """);
        String readme = """
                `.ci/run` runs exactly `./mvnw -B verify`, then `ops/bin/rehearse` (the lifecycle,
                `ops/bin/rehearse --lifecycle`, is run by hand).
                """;

        assertThat(readmeCommands(readme)).containsExactly("./mvnw -B verify", "ops/bin/rehearse");
        assertThat(readmeCommands(readme)).isNotEqualTo(scriptCommands(Files.readString(root.resolve("run"))));
        assertThatThrownBy(() -> readmeCommands("CI runs the tests."))
                .hasMessageContaining(CLAIM);
    }

    /** The script's commands: its lines without comments, blank lines, shell options and the change of directory. */
    static List<String> scriptCommands(String script) {
        return script.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .filter(line -> !line.startsWith("set ") && !line.startsWith("cd "))
                .toList();
    }

    /** The code spans of the README's sentence, from its claim to the first parenthesis. */
    static List<String> readmeCommands(String readme) {
        int start = readme.indexOf(CLAIM);
        if (start < 0) {
            throw new IllegalStateException("the README no longer says " + CLAIM);
        }
        int end = readme.indexOf('(', start);
        Matcher code = INLINE.matcher(readme.substring(start + CLAIM.length(), end < 0 ? readme.length() : end));
        return code.results().map(match -> match.group(1).replaceAll("\\s+", " ")).toList();
    }
}
