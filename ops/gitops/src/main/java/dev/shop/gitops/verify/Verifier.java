package dev.shop.gitops.verify;

import dev.shop.gitops.kustomize.Kustomize;
import dev.shop.gitops.layout.GitopsLayout;
import dev.shop.gitops.manifests.Manifests;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Renders environments with kustomize and runs the strict schema check and the policies on every object. */
public final class Verifier {

    /** Environments whose images must be pinned by digest: what staging tested is what prod runs. */
    public static final Set<String> DIGEST_REQUIRED_ENVS = Set.of("staging", "prod");

    private final GitopsLayout layout;
    private final Kustomize kustomize;
    private final StrictValidator validator = new StrictValidator();

    public Verifier(GitopsLayout layout, Kustomize kustomize) {
        this.layout = layout;
        this.kustomize = kustomize;
    }

    /** Verifies the given envs, rendering them in parallel; findings come back in env order. */
    public List<Violation> verify(List<String> envs) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(envs.size(), 4)));
        try {
            List<CompletableFuture<List<Violation>>> results = envs.stream()
                    .map(env -> CompletableFuture.supplyAsync(() -> verifyEnv(env), pool))
                    .toList();
            List<Violation> all = new ArrayList<>();
            for (CompletableFuture<List<Violation>> result : results) {
                all.addAll(result.join());
            }
            return all;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    public List<Violation> verifyEnv(String env) {
        layout.envKustomization(env);
        String rendered;
        try {
            rendered = kustomize.build(layout.envDir(env));
        } catch (Kustomize.RenderException e) {
            return List.of(new Violation(env, "kustomization", "render", "kustomize build failed: " + e.getMessage(),
                    "run `kubectl kustomize " + layout.root().relativize(layout.envDir(env)) + "` and fix the reported file"));
        }
        List<ObjectNode> objects = Manifests.parseAll(rendered, "rendered env " + env);
        List<Violation> found = new ArrayList<>();
        for (ObjectNode object : objects) {
            found.addAll(validator.validate(object, env));
        }
        found.addAll(PolicyChecker.check(env, objects, DIGEST_REQUIRED_ENVS.contains(env)));
        found.addAll(SharedCopyCheck.check(layout, env));
        return found;
    }
}
