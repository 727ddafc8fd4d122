package dev.shop.supplychain.sbom;

import dev.shop.cli.CliException;
import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.registry.ArtifactManifest;
import dev.shop.supplychain.registry.OciRegistry;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attaches a CycloneDX SBOM to an image in the registry and reads it back. Where the registry has
 * the OCI 1.1 referrers API (ECR does), the SBOM is a referrer manifest whose subject is the image;
 * elsewhere (Distribution 2.x, the rehearsal's registry) it goes under cosign's tag convention
 * {@code sha256-<hex>.sbom}. Reading tries the same two places in the same order.
 */
public final class SbomAttachment {

    public static final String MEDIA_TYPE = "application/vnd.cyclonedx+json";
    public static final String TAG_SUFFIX = ".sbom";
    /** The key under which signing records the SBOM's digest in the signed payload. */
    public static final String SIGNED_ANNOTATION = "dev.shop.sbom.digest";

    /** Where an SBOM went: the SBOM blob's digest, and "referrer" or the tag. */
    public record Attached(String sbomDigest, String where) {
    }

    private final OciRegistry registry;

    public SbomAttachment(OciRegistry registry) {
        this.registry = registry;
    }

    public Attached attach(ImageReference image, byte[] sbomJson) {
        Sbom.parse(sbomJson);
        OciRegistry.Manifest subject = registry.manifest(image.repository(), image.digest()).orElseThrow(
                () -> CliException.findings(image + " does not exist in the registry; nothing to attach the SBOM to"));
        String sbomDigest = OciRegistry.sha256(sbomJson);
        List<ArtifactManifest.Layer> layer = List.of(new ArtifactManifest.Layer(MEDIA_TYPE, sbomJson, Map.of()));
        if (registry.referrers(image.repository(), image.digest(), MEDIA_TYPE).isPresent()) {
            JsonNode descriptor = ArtifactManifest.descriptor(subject.mediaType(), subject.digest(), subject.body().length, Map.of());
            String manifest = ArtifactManifest.push(registry, image.repository(), null, MEDIA_TYPE, descriptor, List.of(), layer);
            return new Attached(sbomDigest, "referrer " + manifest);
        }
        String tag = image.derivedTag(TAG_SUFFIX);
        ArtifactManifest.push(registry, image.repository(), tag, MEDIA_TYPE, null, List.of(), layer);
        return new Attached(sbomDigest, "tag " + tag);
    }

    /** The SBOM attached to an image, if any (the newest referrer, else the tag). */
    public Optional<byte[]> read(ImageReference image) {
        Optional<List<JsonNode>> referrers = registry.referrers(image.repository(), image.digest(), MEDIA_TYPE);
        Optional<OciRegistry.Manifest> manifest = referrers.isPresent() && !referrers.get().isEmpty()
                ? registry.manifest(image.repository(), referrers.get().get(referrers.get().size() - 1).path("digest").asString())
                : registry.manifest(image.repository(), image.derivedTag(TAG_SUFFIX));
        return manifest.flatMap(m -> {
            for (JsonNode layer : m.json().path("layers")) {
                if (MEDIA_TYPE.equals(layer.path("mediaType").asString())) {
                    return Optional.of(registry.blob(image.repository(), layer.path("digest").asString()));
                }
            }
            return Optional.empty();
        });
    }
}
