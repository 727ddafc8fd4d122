package dev.shop.supplychain.cli;

import dev.shop.cli.CliFiles;
import dev.shop.cli.Verb;
import dev.shop.supplychain.registry.OciRegistry;
import dev.shop.supplychain.sbom.SbomAttachment;
import dev.shop.supplychain.signing.ImageSigner;
import dev.shop.supplychain.signing.Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign an image with a local key in cosign's layout (tag sha256-<hex>.sig).",
            "With --sbom, the SBOM's digest is signed along, binding it to the image."})
final class SignCommand extends Verb {

    @Mixin
    RegistryOptions target;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "EC private key (PKCS#8 PEM) from keygen.")
    Path key;

    @Option(names = "--sbom", paramLabel = "FILE", description = "The SBOM attached to the image.")
    Path sbom;

    @Override
    public Integer call() {
        Map<String, String> annotations = sbom == null ? Map.of() : Map.of(SbomAttachment.SIGNED_ANNOTATION, sbomDigest());
        String signature = new ImageSigner(target.registry(), Keys.readPrivate(key)).sign(target.reference(), annotations);
        out().println("signed " + target.reference() + ": " + target.reference().derivedTag(ImageSigner.SIGNATURE_TAG_SUFFIX)
                + " -> " + signature);
        return 0;
    }

    private String sbomDigest() {
        return OciRegistry.sha256(CliFiles.read(sbom));
    }
}
