package dev.shop.gitops.argocd;

import dev.shop.gitops.manifests.Manifests;
import dev.shop.gitops.verify.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every platform Application that installs a chart has a contract (what it provides and needs), and
 * every need its values files ask for is in that contract: the sync-order check can only be as true as
 * these statements. A contract without an Application is stale.
 */
final class ChartContractsCheck {

    static final String RULE = "chart-contract";
    private static final String VALUES_REF = "$values/";

    private ChartContractsCheck() {
    }

    static List<Violation> check(Path repo, ClusterModel model) {
        String where = "ops/argocd/clusters/" + model.cluster;
        List<Violation> found = new ArrayList<>();
        for (ObjectNode application : model.rootObjects) {
            if (!"Application".equals(application.path("kind").asString(""))) {
                continue;
            }
            String name = application.path("metadata").path("name").asString("");
            if (!model.contracts.containsKey(name)) {
                continue;
            }
            ChartContract contract = model.contracts.get(name);
            String contractPath = ClusterModel.CONTRACTS + "/" + name + ".yaml";
            if (contract == null) {
                found.add(new Violation(where, "Application/" + name, RULE, "installs a chart but has no " + contractPath,
                        "write what the chart provides (CRDs, ingress class, ...) and needs (Secrets, CRDs, classes) into " + contractPath));
                continue;
            }
            String namespace = application.path("spec").path("destination").path("namespace").asString("default");
            for (JsonNode source : ClusterModel.sources(application.path("spec"))) {
                for (JsonNode valueFile : source.path("helm").path("valueFiles")) {
                    String ref = valueFile.asString("");
                    if (!ref.startsWith(VALUES_REF)) {
                        continue;
                    }
                    Path file = repo.resolve(ref.substring(VALUES_REF.length()));
                    if (!Files.isRegularFile(file)) {
                        found.add(new Violation(where, "Application/" + name, RULE, "values file " + ref + " does not exist", "fix the path in valueFiles"));
                        continue;
                    }
                    for (JsonNode values : Manifests.parseAll(ClusterModel.read(file), file.toString())) {
                        for (Capability unstated : contract.unstated(ChartContract.needsOfValues(values, namespace))) {
                            found.add(new Violation(where, "Application/" + name, RULE,
                                    repo.relativize(file) + " asks for " + unstated + ", which " + contractPath + " does not list as a need",
                                    "add '- " + unstated + "' to the needs in " + contractPath));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Contract files whose Application no cluster has. */
    static List<Violation> stale(Path repo, List<ClusterModel> models) {
        Path dir = repo.resolve(ClusterModel.CONTRACTS);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Violation> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String fileName = String.valueOf(file.getFileName());
                String name = fileName.replaceFirst("\\.ya?ml$", "");
                if (models.stream().noneMatch(m -> m.contracts.containsKey(name))) {
                    found.add(new Violation(ClusterModel.CONTRACTS, fileName, RULE,
                            "no Application named " + name + " installs a chart", "delete the file or rename it after its Application"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
