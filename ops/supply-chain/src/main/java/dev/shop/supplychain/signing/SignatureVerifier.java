package dev.shop.supplychain.signing;

import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.SupplyChainException;
import dev.shop.supplychain.registry.OciRegistry;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Decides whether an image digest may be written into an overlay: it must exist in the registry
 * and carry at least one cosign signature that verifies with a trusted public key and names
 * exactly that digest. Every refusal is one line saying which of these failed.
 */
public final class SignatureVerifier {

    /** A signature that verified: its payload (with the annotations signed along) and the key file. */
    public record Verified(ImageReference image, SimpleSigningPayload payload, String trustedKey) {
    }

    private record TrustedKey(String name, PublicKey key) {
    }

    private final List<TrustedKey> trusted;

    private SignatureVerifier(List<TrustedKey> trusted) {
        if (trusted.isEmpty()) {
            throw SupplyChainException.usage("no trusted public key given");
        }
        this.trusted = trusted;
    }

    public static SignatureVerifier trusting(List<Path> publicKeyFiles) {
        List<TrustedKey> keys = new ArrayList<>();
        for (Path file : publicKeyFiles) {
            keys.add(new TrustedKey(file.getFileName().toString(), Keys.readPublic(file)));
        }
        return new SignatureVerifier(keys);
    }

    /** Verifies {@code registry/repository@digest} in its registry, logged in as {@code docker login} left it. */
    public Verified verify(String repositoryName, String digest) {
        ImageReference image = ImageReference.parse(repositoryName + "@" + digest);
        return verify(OciRegistry.withDockerLogin(image.registry()), image);
    }

    public Verified verify(OciRegistry registry, ImageReference image) {
        if (registry.manifest(image.repository(), image.digest()).isEmpty()) {
            throw SupplyChainException.refusal(image + " does not exist in the registry");
        }
        String tag = image.derivedTag(ImageSigner.SIGNATURE_TAG_SUFFIX);
        OciRegistry.Manifest signatures = registry.manifest(image.repository(), tag).orElseThrow(
                () -> SupplyChainException.refusal(image + " is not signed (no signature under tag " + tag + ")"));
        String otherDigest = null;
        for (JsonNode layer : signatures.json().path("layers")) {
            String signature = layer.path("annotations").path(ImageSigner.SIGNATURE_ANNOTATION).asString("");
            if (!SimpleSigningPayload.MEDIA_TYPE.equals(layer.path("mediaType").asString()) || signature.isEmpty()) {
                continue;
            }
            byte[] payload = registry.blob(image.repository(), layer.path("digest").asString());
            TrustedKey key = verifyingKey(payload, signature);
            if (key == null) {
                continue;
            }
            SimpleSigningPayload signed = SimpleSigningPayload.parse(payload);
            if (signed.manifestDigest().equals(image.digest())) {
                return new Verified(image, signed, key.name());
            }
            otherDigest = signed.manifestDigest();
        }
        if (otherDigest != null) {
            throw SupplyChainException.refusal("signature under " + tag + " was made for " + otherDigest
                    + ", not for " + image.digest() + " (copied or tampered)");
        }
        throw SupplyChainException.refusal("no signature of " + image + " verifies with the trusted key(s) "
                + String.join(", ", trusted.stream().map(TrustedKey::name).toList()));
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
