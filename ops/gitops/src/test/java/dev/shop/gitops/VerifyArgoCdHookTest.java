package dev.shop.gitops;

import dev.shop.cli.ExitCodes;
import dev.shop.gitops.support.Cli;
import dev.shop.gitops.support.GitRepos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `gitops verify` without --env also runs the Argo CD checks when the repository has ops/argocd next to
 * gitops-envs: here one cluster whose only Application has an Ingress that no ingress controller serves.
 */
class VerifyArgoCdHookTest {

    @TempDir
    Path repo;

    @BeforeEach
    void repositoryWithABrokenCluster() {
        GitRepos.copyTree(GitRepos.FIXTURES.resolve("gitops-envs"), repo.resolve("gitops-envs"));
        write("ops/argocd/clusters/lab/kustomization.yaml", "resources:\n  - web.yaml\n");
        write("ops/argocd/clusters/lab/web.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: web
                  namespace: argocd
                spec:
                  project: default
                  source:
                    repoURL: https://github.com/example-org/shop.git
                    targetRevision: main
                    path: ops/argocd/web
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: web
                  syncPolicy:
                    syncOptions:
                      - CreateNamespace=true
                """);
        write("ops/argocd/web/kustomization.yaml", "resources:\n  - ingress.yaml\n");
        write("ops/argocd/web/ingress.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                spec:
                  ingressClassName: nginx
                  defaultBackend:
                    service:
                      name: web
                      port:
                        number: 80
                """);
        write("ops/argocd/platform/values/argocd-bootstrap.yaml", """
                configs:
                  cm:
                    resource.customizations.health.argoproj.io_Application: |
                      return {status = "Healthy"}
                """);
    }

    @Test
    void verifyingEveryEnvAlsoChecksWhatArgoCdApplies() {
        Cli.Run run = Cli.run("verify", "--root", repo.resolve("gitops-envs").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out().lines()).as(run.toString()).containsExactly(
                "ops/argocd/clusters/lab Application web [sync-order-missing] Ingress/web needs ingress-class:nginx, which nothing Argo CD"
                        + " syncs in this cluster provides (fix: add the add-on that provides it, or state it in ops/argocd/platform/contracts/<app>.yaml)",
                "verify: 1 violation(s) in dev, staging, prod");
    }

    @Test
    void verifyingChosenEnvsChecksOnlyThem() {
        Cli.Run run = Cli.run("verify", "--root", repo.resolve("gitops-envs").toString(), "--env", "dev");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("verify: 1 env(s) ok: dev\n");
    }

    private void write(String file, String text) {
        GitRepos.write(repo.resolve(file), text);
    }
}
