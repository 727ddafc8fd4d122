package dev.shop.supplychain.cli;

import dev.shop.cli.CliException;
import dev.shop.supplychain.sbom.DependencyDiff;
import dev.shop.supplychain.sbom.Sbom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "sbom-diff", mixinStandardHelpOptions = true,
        description = "Print the Markdown section of dependencies added, removed and changed between two SBOM files.")
final class SbomDiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--service", required = true, paramLabel = "SERVICE", description = "Name shown in the section.")
    String service;

    @Parameters(index = "0", paramLabel = "RUNNING", description = "SBOM of the image running now.")
    Path running;

    @Parameters(index = "1", paramLabel = "PROMOTED", description = "SBOM of the image promoted.")
    Path promoted;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(DependencyDiff.between(read(running), read(promoted)).markdown(service));
        return 0;
    }

    private static Sbom read(Path file) {
        try {
            return Sbom.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw CliException.usage("cannot read " + file + ": " + e.getMessage());
        }
    }
}
