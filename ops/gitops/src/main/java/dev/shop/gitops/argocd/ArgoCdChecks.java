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
        List<ClusterModel> models = new ArrayList<>();
        List<Violation> found = new ArrayList<>();
        for (String cluster : clusters(repo)) {
            ClusterModel model;
            try {
                model = ClusterModel.load(repo, cluster, kustomize);
            } catch (Kustomize.RenderException e) {
                found.add(new Violation(CLUSTERS + "/" + cluster, "kustomization", "render", "kustomize build failed: " + e.getMessage(),
                        "run `kubectl kustomize` on the folder it names and fix the reported file"));
                continue;
            } catch (IllegalArgumentException e) {
                found.add(new Violation(CLUSTERS + "/" + cluster, "contract", ChartContractsCheck.RULE, e.getMessage(),
                        "write provides: and needs: as lists of type:value"));
                continue;
            }
            models.add(model);
            found.addAll(SyncOrderCheck.check(model));
            found.addAll(ChartContractsCheck.check(repo, model));
            found.addAll(SecretStoreScopeCheck.check(model));
            model.envs.forEach((env, objects) -> found.addAll(PublicIngressCheck.check(env, objects)));
            found.addAll(ClusterCapabilitiesCheck.check(repo, model));
        }
        if (models.size() == clusters(repo).size()) {
            found.addAll(ChartContractsCheck.stale(repo, models));
        }
        found.addAll(BootstrapCheck.check(repo, models));
        return found;
    }

    private static List<String> clusters(Path repo) {
        try (Stream<Path> dirs = Files.list(repo.resolve(CLUSTERS))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
