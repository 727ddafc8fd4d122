package dev.shop.pipeline;

import dev.shop.cli.CliException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@code --github-output FILE}: where a step appends its outputs for the next steps (GitHub Actions' $GITHUB_OUTPUT). */
public final class GithubOutput {

    @Option(names = "--github-output", paramLabel = "FILE",
            description = "append this step's outputs, one name=value a line, to FILE ($GITHUB_OUTPUT)")
    private Path file;

    public boolean requested() {
        return file != null;
    }

    public void append(String name, String value) {
        if (value.contains("\n")) {
            throw new IllegalArgumentException("a one-line output value was expected for " + name);
        }
        try {
            Files.writeString(file, name + "=" + value + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw CliException.environment("cannot write " + file + ": " + e.getMessage());
        }
    }
}
