package dev.shop.pipeline.argocd;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whether an Argo CD Application (its JSON from the cluster) runs what a pipeline run wrote:
 * sync status Synced, health Healthy, no operation in flight, and every expected digest among the
 * images Argo CD reports for the live resources ({@code status.summary.images}).
 */
public record ApplicationStatus(String sync, String health, String operationPhase, List<String> images) {

    public static ApplicationStatus of(JsonNode application) {
        JsonNode status = application.path("status");
        List<String> images = new ArrayList<>();
        status.path("summary").path("images").forEach(image -> images.add(image.asText()));
        return new ApplicationStatus(status.path("sync").path("status").asText("Unknown"),
                status.path("health").path("status").asText("Unknown"),
                status.path("operationState").path("phase").asText(""), images);
    }

    /** Digests among {@code expected} that no live image runs yet. */
    public List<String> missing(Collection<String> expected) {
        return expected.stream().filter(digest -> images.stream().noneMatch(image -> image.endsWith("@" + digest))).toList();
    }

    public boolean runs(Collection<String> expected) {
        boolean operationDone = operationPhase.isEmpty() || operationPhase.equals("Succeeded");
        return sync.equals("Synced") && health.equals("Healthy") && operationDone && missing(expected).isEmpty();
    }

    /** A health Argo CD will not leave by waiting: the rollout failed. */
    public boolean failed() {
        return health.equals("Degraded") || operationPhase.equals("Failed") || operationPhase.equals("Error");
    }

    public String describe(Collection<String> expected) {
        return "sync " + sync + ", health " + health
                + (operationPhase.isEmpty() ? "" : ", operation " + operationPhase)
                + (missing(expected).isEmpty() ? "" : ", not yet running " + missing(expected));
    }
}
