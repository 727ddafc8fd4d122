package dev.shop.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --repo DIR}: the git checkout a verb reads, the working directory unless named. */
public final class RepositoryOption {

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "The git checkout to work in. Default: ${DEFAULT-VALUE}, the working directory.")
    private Path dir;

    public Path dir() {
        return dir;
    }
}
