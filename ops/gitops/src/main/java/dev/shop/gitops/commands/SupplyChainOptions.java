package dev.shop.gitops.commands;

import dev.shop.cli.CliException;
import dev.shop.supplychain.cli.IdentityOptions;
import dev.shop.supplychain.sbom.PromotionDependencies;
import dev.shop.supplychain.signing.SignatureVerifier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The supply-chain gate of the commands that write digests (set-image, promote): with
 * --verify-signatures-with (a key, the local rehearsal) or --verify-identity (keyless, CI), a digest
 * is written only if its image carries a signature by that key or identity (ops/supply-chain);
 * otherwise the command refuses with one line and writes nothing.
 */
public final class SupplyChainOptions {

    @Option(names = "--verify-signatures-with", paramLabel = "PUBLIC_KEY",
            description = "Refuse a digest whose image has no cosign signature by this key (PEM; repeatable).")
    List<Path> trustedKeys = List.of();

    @Mixin
    IdentityOptions identity;

    @Option(names = "--sbom-diff",
            description = "promote: add each service's dependency changes, read from the images' SBOMs in the registry.")
    boolean sbomDiff;

    /**
     * Refuses unless {@code repository@digest} is signed by a trusted key; a no-op without the option
     * (the repository is then not even looked up).
     */
    void verify(String service, Supplier<String> repositoryOf, String digest) {
        SignatureVerifier verifier = identity.verifier(trustedKeys);
        if (verifier == null) {
            return;
        }
        String repository = repositoryOf.get();
        if (repository == null) {
            throw CliException.usage("cannot verify the signature of " + service + ": its images: entry has no newName (pass --image)");
        }
        verifier.verify(repository, digest);
    }

    /** The promotion PR's dependency section of one service ({@code runningImage} null for a first deployment). */
    String dependencies(String service, String runningImage, String promotedImage) {
        return PromotionDependencies.section(service, runningImage, promotedImage);
    }
}
