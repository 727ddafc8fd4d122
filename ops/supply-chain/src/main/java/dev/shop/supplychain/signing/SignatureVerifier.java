package dev.shop.supplychain.signing;

import dev.shop.cli.CliException;
import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.registry.OciRegistry;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides whether an image digest may be written into an overlay: it must exist in the registry
 * and carry at least one cosign signature that names exactly that digest and verifies with a
 * trusted public key (the local rehearsal) or, keyless, was made by the trusted identity (CI:
 * the pipeline's GitHub workflow, checked by {@link KeylessCheck}). Every refusal is one line
 * saying which of these failed.
 */
public final class SignatureVerifier {

    /** A signature that verified: its payload (with the annotations signed along) and who signed (key file or identity). */
    public record Verified(ImageReference image, SimpleSigningPayload payload, String trustedKey) {
    }

    private record TrustedKey(String name, PublicKey key) {
    }

    private final List<TrustedKey> trusted;
    private final KeylessCheck.Identity identity;
    private final SigstoreTrust sigstore;

    private SignatureVerifier(List<TrustedKey> trusted, KeylessCheck.Identity identity, SigstoreTrust sigstore) {
        if (trusted.isEmpty() && identity == null) {
            throw CliException.usage("no trusted public key or identity given");
        }
        this.trusted = trusted;
        this.identity = identity;
        this.sigstore = sigstore;
    }

    public static SignatureVerifier trusting(List<Path> publicKeyFiles) {
        return new SignatureVerifier(readKeys(publicKeyFiles), null, null);
    }

    /**
     * Trusts keyless signatures whose Fulcio certificate names {@code issuer} and a SAN fully
     * matching {@code subjectExpression}, under {@code sigstore}'s roots; and the given keys, if any.
     */
    public static SignatureVerifier trustingIdentity(String issuer, String subjectExpression, SigstoreTrust sigstore,
                                                     List<Path> publicKeyFiles) {
        Pattern subject;
        try {
            subject = Pattern.compile(subjectExpression);
        } catch (PatternSyntaxException e) {
            throw CliException.usage("bad identity expression '" + subjectExpression + "': " + e.getDescription());
        }
        return new SignatureVerifier(readKeys(publicKeyFiles), new KeylessCheck.Identity(issuer, subject), sigstore);
    }

    private static List<TrustedKey> readKeys(List<Path> publicKeyFiles) {
        List<TrustedKey> keys = new ArrayList<>();
        for (Path file : publicKeyFiles) {
            keys.add(new TrustedKey(String.valueOf(file.getFileName()), Keys.readPublic(file)));
        }
        return keys;
    }

    /** Verifies {@code registry/repository@digest} in its registry, logged in as {@code docker login} left it. */
    public Verified verify(String repositoryName, String digest) {
        ImageReference image = ImageReference.parse(repositoryName + "@" + digest);
        return verify(OciRegistry.withDockerLogin(image.registry()), image);
    }

    public Verified verify(OciRegistry registry, ImageReference image) {
        if (registry.manifest(image.repository(), image.digest()).isEmpty()) {
            throw CliException.findings(image + " does not exist in the registry");
        }
        String tag = image.derivedTag(ImageSigner.SIGNATURE_TAG_SUFFIX);
        OciRegistry.Manifest signatures = registry.manifest(image.repository(), tag).orElseThrow(
                () -> CliException.findings(image + " is not signed (no signature under tag " + tag + ")"));
        String otherDigest = null;
        List<String> keylessProblems = new ArrayList<>();
        for (JsonNode layer : signatures.json().path("layers")) {
            JsonNode annotations = layer.path("annotations");
            String signature = annotations.path(ImageSigner.SIGNATURE_ANNOTATION).asString("");
            if (!SimpleSigningPayload.MEDIA_TYPE.equals(layer.path("mediaType").asString()) || signature.isEmpty()) {
                continue;
            }
            byte[] payload = registry.blob(image.repository(), layer.path("digest").asString());
            String signer;
            if (identity != null && annotations.has(KeylessCheck.CERTIFICATE_ANNOTATION)) {
                String problem = KeylessCheck.problem(payload, decode(signature), annotations, identity, sigstore);
                if (problem != null) {
                    keylessProblems.add(problem);
                    continue;
                }
                signer = identity.toString();
            } else {
                TrustedKey key = verifyingKey(payload, signature);
                if (key == null) {
                    continue;
                }
                signer = key.name();
            }
            SimpleSigningPayload signed = SimpleSigningPayload.parse(payload);
            if (signed.manifestDigest().equals(image.digest())) {
                return new Verified(image, signed, signer);
            }
            otherDigest = signed.manifestDigest();
        }
        if (otherDigest != null) {
            throw CliException.findings("signature under " + tag + " was made for " + otherDigest
                    + ", not for " + image.digest() + " (copied or tampered)");
        }
        if (!keylessProblems.isEmpty()) {
            throw CliException.findings("no keyless signature of " + image + " is trusted: " + String.join("; ", keylessProblems));
        }
        throw CliException.findings("no signature of " + image + " verifies with the trusted "
                + (trusted.isEmpty() ? "identity " + identity : "key(s) " + String.join(", ", trusted.stream().map(TrustedKey::name).toList())));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    private TrustedKey verifyingKey(byte[] payload, String base64Signature) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(base64Signature);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        for (TrustedKey candidate : trusted) {
            try {
                Signature verifier = Signature.getInstance(Keys.SIGNATURE_ALGORITHM);
                verifier.initVerify(candidate.key());
                verifier.update(payload);
                if (verifier.verify(signature)) {
                    return candidate;
                }
            } catch (GeneralSecurityException malformedSignature) {
                // a garbled signature verifies with no key; the next key gets its chance
            }
        }
        return null;
    }
}
