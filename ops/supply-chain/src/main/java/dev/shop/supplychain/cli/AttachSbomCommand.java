package dev.shop.supplychain.cli;

import dev.shop.cli.CliFiles;
import dev.shop.cli.Verb;
import dev.shop.supplychain.sbom.SbomAttachment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "attach-sbom", mixinStandardHelpOptions = true,
        description = {"Attach a CycloneDX JSON SBOM to an image: an OCI 1.1 referrer where the registry",
            "supports it, else the tag sha256-<hex>.sbom. Prints the SBOM's digest."})
final class AttachSbomCommand extends Verb {

    @Mixin
    RegistryOptions target;

    @Option(names = "--sbom", required = true, paramLabel = "FILE", description = "CycloneDX JSON, e.g. target/bom.json.")
    Path sbom;

    @Override
    public Integer call() {
        byte[] json = CliFiles.read(sbom);
        SbomAttachment.Attached attached = new SbomAttachment(target.registry()).attach(target.reference(), json);
        out().println(attached.sbomDigest() + " attached as " + attached.where());
        return 0;
    }
}
