package dev.shop.supplychain.cli;

import dev.shop.cli.CliFiles;
import dev.shop.cli.Verb;
import dev.shop.supplychain.sbom.DependencyDiff;
import dev.shop.supplychain.sbom.Sbom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "sbom-diff", mixinStandardHelpOptions = true,
        description = "Print the Markdown section of dependencies added, removed and changed between two SBOM files.")
final class SbomDiffCommand extends Verb {

    @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "Name shown in the section.")
    String service;

    @Parameters(index = "0", paramLabel = "RUNNING", description = "SBOM of the image running now.")
    Path running;

    @Parameters(index = "1", paramLabel = "PROMOTED", description = "SBOM of the image promoted.")
    Path promoted;

    @Override
    public Integer call() {
        out().print(DependencyDiff.between(read(running), read(promoted)).markdown(service));
        return 0;
    }

    private static Sbom read(Path file) {
        return Sbom.parse(CliFiles.read(file));
    }
}
