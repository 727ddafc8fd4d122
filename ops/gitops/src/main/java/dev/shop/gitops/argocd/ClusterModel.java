package dev.shop.gitops.argocd;

import dev.shop.gitops.kustomize.Kustomize;
import dev.shop.gitops.manifests.Manifests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything Argo CD applies in one cluster, as sync units: the root Application's objects (from
 * ops/argocd/clusters/<cluster>), each platform Application's chart (its contract) or folder (rendered),
 * and each shop environment the ApplicationSet generates (rendered from gitops-envs/envs/<env>).
 */
final class ClusterModel {

    /** What an EKS cluster with Argo CD installed by the bootstrap already has before the root syncs. */
    private static final List<String> PRESENT_BEFORE_ROOT = List.of("namespace:argocd", "namespace:kube-system",
            "namespace:default", "crd:argoproj.io/Application", "crd:argoproj.io/AppProject", "crd:argoproj.io/ApplicationSet");

    static final String CONTRACTS = "ops/argocd/platform/contracts";

    final String cluster;
    final List<ObjectNode> rootObjects;
    final List<SyncUnit> units = new ArrayList<>();
    /** An object Argo CD applies, with the unit that applies it and the namespace it lands in. */
    record Placed(String unit, String namespace, ObjectNode object) {
    }

    /** Every object that is not hidden inside a chart: the root's, the platform folders', the environments'. */
    final List<Placed> objects = new ArrayList<>();
    /** env name -> its rendered objects, for the checks that look inside the shop environments. */
    final Map<String, List<ObjectNode>> envs = new TreeMap<>();
    /** Application name -> its contract, for the platform Applications that install a chart. */
    final Map<String, ChartContract> contracts = new TreeMap<>();

    private ClusterModel(String cluster, List<ObjectNode> rootObjects) {
        this.cluster = cluster;
        this.rootObjects = rootObjects;
    }

    static ClusterModel load(Path repo, String cluster, Kustomize kustomize) {
        Path clusterDir = repo.resolve("ops/argocd/clusters").resolve(cluster);
        ClusterModel model = new ClusterModel(cluster, Manifests.parseAll(kustomize.build(clusterDir), clusterDir.toString()));
        boolean rootRetries = rootRetries(repo.resolve("ops/argocd/bootstrap").resolve(cluster + ".yaml"));

        SyncUnit present = new SyncUnit("the cluster before the root syncs", Integer.MIN_VALUE, false);
        PRESENT_BEFORE_ROOT.forEach(c -> present.provide(Capability.parse(c), "bootstrap", 0));
        model.units.add(present);

        for (ObjectNode object : model.rootObjects) {
            String kind = object.path("kind").asString("");
            int wave = ObjectCapabilities.wave(object);
            String name = object.path("metadata").path("name").asString("");
            switch (kind) {
                case "Application" -> model.units.add(model.application(repo, object, kustomize));
                case "ApplicationSet" -> model.units.addAll(model.environments(repo, object, kustomize));
                default -> {
                    SyncUnit unit = new SyncUnit("root " + kind + "/" + name, wave, rootRetries);
                    ObjectCapabilities.describe(object, "argocd", unit);
                    model.objects.add(new Placed(unit.name, "argocd", object));
                    model.units.add(unit);
                }
            }
        }
        return model;
    }

    private SyncUnit application(Path repo, ObjectNode application, Kustomize kustomize) {
        String name = application.path("metadata").path("name").asString("");
        JsonNode spec = application.path("spec");
        SyncUnit unit = new SyncUnit("Application " + name, ObjectCapabilities.wave(application), spec.path("syncPolicy").has("retry"));
        String namespace = spec.path("destination").path("namespace").asString("default");
        unit.need(new Capability(Capability.CRD, "argoproj.io/Application"), "Application/" + name, 0);
        if (createsNamespace(spec.path("syncPolicy"))) {
            unit.provide(new Capability(Capability.NAMESPACE, namespace), "CreateNamespace=true", Integer.MIN_VALUE);
        }
        for (JsonNode source : sources(spec)) {
            if (source.has("chart")) {
                Path file = repo.resolve(CONTRACTS).resolve(name + ".yaml");
                if (!Files.isRegularFile(file)) {
                    contracts.put(name, null);
                    continue;
                }
                ChartContract contract = ChartContract.parse(read(file), repo.relativize(file).toString());
                contracts.put(name, contract);
                contract.provides().forEach(c -> unit.provide(c, "chart " + source.path("chart").asString(), 0));
                contract.needs().forEach(c -> unit.need(c, "chart " + source.path("chart").asString(), 0));
            } else if (source.has("path")) {
                Path dir = repo.resolve(source.path("path").asString());
                for (ObjectNode object : Manifests.parseAll(kustomize.build(dir), dir.toString())) {
                    ObjectCapabilities.describe(object, namespace, unit);
                    objects.add(new Placed(unit.name, namespace, object));
                }
            }
        }
        return unit;
    }

    /** One unit per environment folder the ApplicationSet's git directory generator lists. */
    private List<SyncUnit> environments(Path repo, ObjectNode applicationSet, Kustomize kustomize) {
        List<SyncUnit> generated = new ArrayList<>();
        int wave = ObjectCapabilities.wave(applicationSet);
        JsonNode template = applicationSet.path("spec").path("template").path("spec");
        for (JsonNode generator : applicationSet.path("spec").path("generators")) {
            for (JsonNode directory : generator.path("git").path("directories")) {
                Path dir = repo.resolve(directory.path("path").asString());
                String env = String.valueOf(dir.getFileName());
                String namespace = "shop-" + env;
                SyncUnit unit = new SyncUnit("Application shop-" + env, wave, template.path("syncPolicy").has("retry"));
                unit.need(new Capability(Capability.CRD, "argoproj.io/ApplicationSet"), "ApplicationSet/" + applicationSet.path("metadata").path("name").asString(), 0);
                if (createsNamespace(template.path("syncPolicy"))) {
                    unit.provide(new Capability(Capability.NAMESPACE, namespace), "CreateNamespace=true", Integer.MIN_VALUE);
                }
                List<ObjectNode> objects = Manifests.parseAll(kustomize.build(dir), dir.toString());
                for (ObjectNode object : objects) {
                    ObjectCapabilities.describe(object, namespace, unit);
                    this.objects.add(new Placed(unit.name, namespace, object));
                }
                envs.put(env, objects);
                generated.add(unit);
            }
        }
        return generated;
    }

    private static boolean createsNamespace(JsonNode syncPolicy) {
        for (JsonNode option : syncPolicy.path("syncOptions")) {
            if ("CreateNamespace=true".equals(option.asString(""))) {
                return true;
            }
        }
        return false;
    }

    static List<JsonNode> sources(JsonNode spec) {
        List<JsonNode> sources = new ArrayList<>();
        if (spec.has("source")) {
            sources.add(spec.path("source"));
        }
        spec.path("sources").forEach(sources::add);
        return sources;
    }

    private static boolean rootRetries(Path bootstrap) {
        if (!Files.isRegularFile(bootstrap)) {
            return false;
        }
        return Manifests.parseAll(read(bootstrap), bootstrap.toString()).stream()
                .anyMatch(root -> root.path("spec").path("syncPolicy").has("retry"));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
