package dev.shop.gitops.argocd;

import dev.shop.gitops.manifests.Manifests;
import dev.shop.gitops.verify.Violation;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A public Ingress of a shop environment must not route Quarkus' management paths (/q/health,
 * /q/metrics, /q/openapi) to the internet: no path under /q, and no catch-all Prefix "/" that would
 * include them.
 */
final class PublicIngressCheck {

    static final String RULE = "public-management-paths";

    private PublicIngressCheck() {
    }

    static List<Violation> check(String env, List<? extends JsonNode> objects) {
        List<Violation> found = new ArrayList<>();
        for (JsonNode ingress : objects) {
            if (!"Ingress".equals(ingress.path("kind").asString(""))) {
                continue;
            }
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String value = path.path("path").asString("/");
                    String type = path.path("pathType").asString("Prefix");
                    boolean catchAll = value.equals("/") && !type.equals("Exact");
                    if (catchAll || value.equals("/q") || value.startsWith("/q/")) {
                        found.add(new Violation(env, Manifests.id(ingress), RULE,
                                "path " + value + " (" + type + ") publishes Quarkus' /q/* (health, metrics, OpenAPI) to the internet",
                                "list the storefront's own paths (\"/\" as Exact) instead of a catch-all prefix"));
                    }
                }
            }
        }
        return found;
    }
}
