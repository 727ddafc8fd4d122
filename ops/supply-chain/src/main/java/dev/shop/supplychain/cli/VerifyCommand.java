package dev.shop.supplychain.cli;

import dev.shop.cli.CliException;
import dev.shop.cli.Verb;
import dev.shop.supplychain.signing.SignatureVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Exit 0 when the image exists and a signature by a trusted key or keyless identity names its",
            "digest, else 1 with the reason."})
final class VerifyCommand extends Verb {

    @Mixin
    RegistryOptions target;

    @Option(names = "--key", paramLabel = "FILE", description = "Trusted public key (PEM); repeatable.")
    List<Path> keys = List.of();

    @Mixin
    IdentityOptions identity;

    @Override
    public Integer call() {
        SignatureVerifier verifier = identity.verifier(keys);
        if (verifier == null) {
            throw CliException.usage("give --key or --identity");
        }
        SignatureVerifier.Verified verified = verifier.verify(target.registry(), target.reference());
        out().println("verified " + verified.image() + " (signed by " + verified.trustedKey() + ")");
        return 0;
    }
}
