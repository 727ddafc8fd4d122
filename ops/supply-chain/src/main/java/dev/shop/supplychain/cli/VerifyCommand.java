package dev.shop.supplychain.cli;

import dev.shop.supplychain.signing.SignatureVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Exit 0 when the image exists and a signature by a trusted key names its digest, else 1 with the reason.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions target;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "Trusted public key (PEM); repeatable.")
    List<Path> keys;

    @Override
    public Integer call() {
        SignatureVerifier.Verified verified = SignatureVerifier.trusting(keys).verify(target.registry(), target.reference());
        spec.commandLine().getOut().println("verified " + verified.image() + " (signed with " + verified.trustedKey() + ")");
        return 0;
    }
}
