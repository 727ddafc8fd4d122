package dev.shop.pipeline;

/** Kustomize overlays for tests, shaped as a write-back leaves them: an images: entry per service. */
public final class TestOverlays {

    private TestOverlays() {
    }

    /** A kustomization pinning each service (pairs of name and digest) to registry/service:tag@digest. */
    public static String pinning(String registry, String tag, String... serviceDigestPairs) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                images:
                """);
        for (int i = 0; i + 1 < serviceDigestPairs.length; i += 2) {
            String service = serviceDigestPairs[i];
            yaml.append("  - name: ").append(service).append('\n')
                    .append("    newName: ").append(registry).append('/').append(service).append('\n')
                    .append("    newTag: ").append(tag).append('\n')
                    .append("    digest: ").append(serviceDigestPairs[i + 1]).append('\n');
        }
        return yaml.toString();
    }
}
