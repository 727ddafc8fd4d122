package dev.shop.supplychain.signing;

import dev.shop.cli.CliException;
import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.registry.ArtifactManifest;
import dev.shop.supplychain.registry.OciRegistry;
import tools.jackson.databind.JsonNode;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Signs an image with a local key in cosign's layout: the signature manifest sits under the tag
 * {@code sha256-<hex>.sig} next to the image, one layer per signature, holding the simple-signing
 * payload with the base64 signature as the {@code dev.cosignproject.cosign/signature} annotation.
 * That is what {@code cosign sign --key} writes and what cosign and Kyverno read.
 */
public final class ImageSigner {

    public static final String SIGNATURE_TAG_SUFFIX = ".sig";
    public static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";

    private final OciRegistry registry;
    private final PrivateKey key;

    public ImageSigner(OciRegistry registry, PrivateKey key) {
        this.registry = registry;
        this.key = key;
    }

    /** Signs {@code image} (which must exist) and returns the signature manifest's digest. */
    public String sign(ImageReference image, Map<String, String> annotations) {
        if (registry.manifest(image.repository(), image.digest()).isEmpty()) {
            throw CliException.findings(image + " does not exist in the registry; nothing to sign");
        }
        byte[] payload = SimpleSigningPayload.of(image, annotations).toBytes();
        String signature = Base64.getEncoder().encodeToString(sign(payload));
        String tag = image.derivedTag(SIGNATURE_TAG_SUFFIX);
        // Earlier signatures (another key, an earlier run) stay: verifiers accept any trusted one.
        List<JsonNode> kept = new ArrayList<>();
        registry.manifest(image.repository(), tag)
                .ifPresent(existing -> existing.json().path("layers").forEach(kept::add));
        return ArtifactManifest.push(registry, image.repository(), tag, null, null, kept,
                List.of(new ArtifactManifest.Layer(SimpleSigningPayload.MEDIA_TYPE, payload, Map.of(SIGNATURE_ANNOTATION, signature))));
    }

    private byte[] sign(byte[] payload) {
        try {
            Signature signer = Signature.getInstance(Keys.SIGNATURE_ALGORITHM);
            signer.initSign(key);
            signer.update(payload);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw CliException.usage("cannot sign with this key: " + e.getMessage());
        }
    }
}
