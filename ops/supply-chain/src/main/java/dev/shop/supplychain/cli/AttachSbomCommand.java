package dev.shop.supplychain.cli;

import dev.shop.cli.CliException;
import dev.shop.supplychain.sbom.SbomAttachment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "attach-sbom", mixinStandardHelpOptions = true,
        description = {"Attach a CycloneDX JSON SBOM to an image: an OCI 1.1 referrer where the registry",
            "supports it, else the tag sha256-<hex>.sbom. Prints the SBOM's digest."})
final class AttachSbomCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions target;

    @Option(names = "--sbom", required = true, paramLabel = "FILE", description = "CycloneDX JSON, e.g. target/bom.json.")
    Path sbom;

    @Override
    public Integer call() {
        byte[] json;
        try {
            json = Files.readAllBytes(sbom);
        } catch (IOException e) {
            throw CliException.usage("cannot read " + sbom + ": " + e.getMessage());
        }
        SbomAttachment.Attached attached = new SbomAttachment(target.registry()).attach(target.reference(), json);
        spec.commandLine().getOut().println(attached.sbomDigest() + " attached as " + attached.where());
        return 0;
    }
}
