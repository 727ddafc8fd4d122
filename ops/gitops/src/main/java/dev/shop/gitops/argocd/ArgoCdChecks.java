package dev.shop.gitops.argocd;

import dev.shop.gitops.kustomize.Kustomize;
import dev.shop.gitops.verify.Violation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checks over everything Argo CD applies in each cluster (ops/argocd/clusters/<cluster>, its
 * platform Applications, the shop environments its ApplicationSet generates): sync order and health,
 * chart contracts, the first install, secret store scopes, public Ingress paths, and what the cluster
 * must provide (held against infra-terraform/). `gitops verify` runs them when it verifies every env.
 */
public final class ArgoCdChecks {

    public static final String CLUSTERS = "ops/argocd/clusters";

    private ArgoCdChecks() {
    }

    /** True when repo holds the Argo CD tree these checks read. */
    public static boolean applies(Path repo) {
        return Files.isDirectory(repo.resolve(CLUSTERS));
    }

    public static List<Violation> run(Path repo, Kustomize kustomize) {
        List<String> clusters = clusters(repo);
        // each cluster is a dozen kustomize runs: render the clusters side by side
        List<Checked> checked = clusters.parallelStream().map(cluster -> check(repo, cluster, kustomize)).toList();
        List<Violation> found = new ArrayList<>();
        List<ClusterModel> models = new ArrayList<>();
        for (Checked result : checked) {
            found.addAll(result.violations());
            if (result.model() != null) {
                models.add(result.model());
            }
        }
        if (models.size() == clusters.size()) {
            found.addAll(ChartContractsCheck.stale(repo, models));
        }
        found.addAll(BootstrapCheck.check(repo, models));
        return found;
    }

    /** One cluster's findings, and its model when it could be built. */
    private record Checked(ClusterModel model, List<Violation> violations) {
    }

    private static Checked check(Path repo, String cluster, Kustomize kustomize) {
        ClusterModel model;
        try {
            model = ClusterModel.load(repo, cluster, kustomize);
        } catch (Kustomize.RenderException e) {
            return new Checked(null, List.of(new Violation(CLUSTERS + "/" + cluster, "kustomization", "render",
                    "kustomize build failed: " + e.getMessage(), "run `kubectl kustomize` on the folder it names and fix the reported file")));
        } catch (IllegalArgumentException e) {
            return new Checked(null, List.of(new Violation(CLUSTERS + "/" + cluster, "contract", ChartContractsCheck.RULE, e.getMessage(),
                    "write provides: and needs: as lists of type:value")));
        }
        List<Violation> found = new ArrayList<>();
        found.addAll(SyncOrderCheck.check(model));
        found.addAll(ChartContractsCheck.check(repo, model));
        found.addAll(SecretStoreScopeCheck.check(model));
        model.envs.forEach((env, objects) -> found.addAll(PublicIngressCheck.check(env, objects)));
        found.addAll(ClusterCapabilitiesCheck.check(repo, model));
        return new Checked(model, found);
    }

    private static List<String> clusters(Path repo) {
        try (Stream<Path> dirs = Files.list(repo.resolve(CLUSTERS))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
