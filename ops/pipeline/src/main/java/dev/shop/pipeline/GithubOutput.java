package dev.shop.pipeline;

import dev.shop.cli.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends step outputs to the file GitHub Actions names in $GITHUB_OUTPUT. */
public final class GithubOutput {

    private GithubOutput() {
    }

    public static void append(Path file, String name, String value) {
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
