package dev.shop.supplychain.sbom;

import dev.shop.supplychain.ImageReference;
import dev.shop.supplychain.registry.OciRegistry;

import java.util.Optional;

/**
 * The promotion PR's "Dependencies" section for one service, read from the SBOMs attached to the
 * image the target env runs and the one it is promoted to. A missing SBOM is said, not guessed.
 */
public final class PromotionDependencies {

    public static final String HEADING = "### Dependencies (from the images' SBOMs)";

    private PromotionDependencies() {
    }

    /** The section for images named {@code registry/repository@digest}; {@code running} null for a first deployment. */
    public static String section(String service, String running, String promoted) {
        ImageReference next = ImageReference.parse(promoted);
        return section(OciRegistry.withDockerLogin(next.registry()), service, running == null ? null : ImageReference.parse(running), next);
    }

    /** {@code running} is null when the target env runs no image of the service yet. */
    public static String section(OciRegistry registry, String service, ImageReference running, ImageReference promoted) {
        SbomAttachment sboms = new SbomAttachment(registry);
        Optional<byte[]> next = sboms.read(promoted);
        if (next.isEmpty()) {
            return "**" + service + "**: no SBOM attached to " + promoted.digest() + ".\n";
        }
        if (running == null) {
            return "**" + service + "**: first deployment, " + Sbom.parse(next.get()).versions().size() + " dependencies.\n";
        }
        Optional<byte[]> old = sboms.read(running);
        if (old.isEmpty()) {
            return "**" + service + "**: no SBOM attached to the running image " + running.digest() + ".\n";
        }
        return DependencyDiff.between(Sbom.parse(old.get()), Sbom.parse(next.get())).markdown(service);
    }
}
