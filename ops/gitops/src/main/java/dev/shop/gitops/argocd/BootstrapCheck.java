package dev.shop.gitops.argocd;

import dev.shop.gitops.manifests.Manifests;
import dev.shop.gitops.verify.Violation;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Argo CD's first install (values/argocd-bootstrap.yaml, by hand or by Terraform) must already carry the
 * Application health check, or the root's waves do not wait for anything, and must need nothing the
 * platform installs later (a ServiceMonitor fails the install before its CRD exists). The Application
 * "argocd" must apply the same file first, so self-management keeps what the first install had.
 */
final class BootstrapCheck {

    static final String RULE = "bootstrap";
    static final String BOOTSTRAP_VALUES = "ops/argocd/platform/values/argocd-bootstrap.yaml";
    static final String APPLICATION_HEALTH = "resource.customizations.health.argoproj.io_Application";

    private BootstrapCheck() {
    }

    static List<Violation> check(Path repo, List<ClusterModel> models) {
        List<Violation> found = new ArrayList<>();
        Path file = repo.resolve(BOOTSTRAP_VALUES);
        if (!Files.isRegularFile(file)) {
            return List.of(new Violation(BOOTSTRAP_VALUES, "values", RULE, "the first install's values file is missing",
                    "create it with the Application health check (see docs/operations.md)"));
        }
        JsonNode values = Manifests.parseAll(ClusterModel.read(file), BOOTSTRAP_VALUES).get(0);
        if (values.path("configs").path("cm").path(APPLICATION_HEALTH).asString("").isBlank()) {
            found.add(new Violation(BOOTSTRAP_VALUES, "configs.cm", RULE,
                    "no " + APPLICATION_HEALTH + ": the root Application would not wait for an add-on to be Healthy before the next wave",
                    "add the Lua health check that returns the child Application's health"));
        }
        for (Capability need : ChartContract.needsOfValues(values, "argocd")) {
            found.add(new Violation(BOOTSTRAP_VALUES, "values", RULE,
                    "the first install asks for " + need + ", which only the platform brings later",
                    "move it to values/argocd.yaml (applied by the Application argocd)"));
        }
        for (ClusterModel model : models) {
            for (JsonNode application : model.rootObjects) {
                if (!"argocd".equals(application.path("metadata").path("name").asString(""))
                        || !"Application".equals(application.path("kind").asString(""))) {
                    continue;
                }
                boolean first = ClusterModel.sources(application.path("spec")).stream()
                        .anyMatch(s -> s.path("helm").path("valueFiles").path(0).asString("").equals("$values/" + BOOTSTRAP_VALUES));
                if (!first) {
                    found.add(new Violation("ops/argocd/clusters/" + model.cluster, "Application/argocd", RULE,
                            "does not apply " + BOOTSTRAP_VALUES + " as its first values file",
                            "list $values/" + BOOTSTRAP_VALUES + " first in helm.valueFiles"));
                }
            }
        }
        return found;
    }
}
