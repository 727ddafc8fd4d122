package dev.shop.supplychain.cli;

import dev.shop.cli.CliFiles;
import dev.shop.supplychain.signing.SignatureVerifier;
import dev.shop.supplychain.signing.SigstoreTrust;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** The keyless identity a verifier trusts, and the Sigstore roots it is checked under. */
public final class IdentityOptions {

    public static final String GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";

    @Option(names = {"--identity", "--verify-identity"}, paramLabel = "REGEX",
            description = "Trust keyless signatures whose certificate SAN fully matches REGEX (the signing workflow).")
    String subject;

    @Option(names = {"--issuer", "--verify-issuer"}, paramLabel = "URL", defaultValue = GITHUB_ACTIONS_ISSUER,
            description = "OIDC issuer of the keyless identity (default: ${DEFAULT-VALUE}).")
    String issuer;

    @Option(names = "--sigstore-trusted-root", paramLabel = "FILE",
            description = "Sigstore TrustedRoot JSON. Default: the public-good instance's, shipped in the jar.")
    Path trustedRoot;

    /** A verifier of these keys and, with --identity, this identity; null when neither is given. */
    public SignatureVerifier verifier(List<Path> keys) {
        if (subject == null) {
            return keys.isEmpty() ? null : SignatureVerifier.trusting(keys);
        }
        return SignatureVerifier.trustingIdentity(issuer, subject, trust(), keys);
    }

    private SigstoreTrust trust() {
        if (trustedRoot == null) {
            return SigstoreTrust.publicGood();
        }
        return SigstoreTrust.parse(CliFiles.read(trustedRoot));
    }
}
