package dev.shop.supplychain;

import dev.shop.cli.CliException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image pinned by digest: {@code registry-host[:port]/repository@sha256:<64 hex>}. Only
 * digests count in this project, so a reference without one is a usage error.
 */
public record ImageReference(String registry, String repository, String digest) {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?<registry>[a-zA-Z0-9.-]+(:[0-9]+)?)/(?<repository>[a-z0-9]+([._/-][a-z0-9]+)*)(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
                    + "@(?<digest>sha256:[0-9a-f]{64})");

    public static ImageReference parse(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        if (!matcher.matches()) {
            throw CliException.usage("bad image reference '" + text + "': expected REGISTRY/REPOSITORY@sha256:<64 hex>");
        }
        return new ImageReference(matcher.group("registry"), matcher.group("repository"), matcher.group("digest"));
    }

    /** registry/repository, what cosign's simple-signing payload names as docker-reference. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The tag cosign's layout derives from a digest: sha256:abc... becomes sha256-abc...{suffix}. */
    public String derivedTag(String suffix) {
        return digest.replace(':', '-') + suffix;
    }

    @Override
    public String toString() {
        return name() + "@" + digest;
    }
}
