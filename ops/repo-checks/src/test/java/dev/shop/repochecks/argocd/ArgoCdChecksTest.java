package dev.shop.repochecks.argocd;

import dev.shop.gitops.argocd.ArgoCdChecks;
import dev.shop.gitops.kustomize.Kustomize;
import dev.shop.gitops.verify.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Argo CD checks that `ops/bin/gitops verify` runs (ops/gitops, package argocd): the repository
 * passes them, and each rejects a broken example of its class, made by changing one fact in a copy of
 * the repository's ops/argocd, ops/observability and gitops-envs (with a small infra-terraform fixture,
 * src/test/resources/argocd/terraform, that provides everything the manifests assume).
 */
class ArgoCdChecksTest {

    private static final Kustomize KUSTOMIZE = Kustomize.locate();
    private static final Path TERRAFORM_FIXTURE = Path.of("src/test/resources/argocd/terraform").toAbsolutePath();

    @TempDir
    Path copy;

    @BeforeEach
    void copyTheRepository() {
        for (String dir : List.of("ops/argocd", "ops/observability", "gitops-envs")) {
            Repo.copyTree(Repo.ROOT.resolve(dir), copy.resolve(dir));
        }
        Repo.copyTree(TERRAFORM_FIXTURE, copy.resolve("infra-terraform"));
        // one cluster is enough to break things in, and halves the rendering
        deleteTree(copy.resolve("ops/argocd/clusters/prod"));
    }

    @Test
    void theRepositoryPassesEveryArgoCdCheck() {
        assertThat(lines(ArgoCdChecks.run(Repo.ROOT, KUSTOMIZE))).isEmpty();
    }

    @Test
    void theUnchangedCopyWithTheTerraformFixturePasses() {
        assertThat(lines(run())).isEmpty();
    }

    @Test
    void anAddOnWhoseIngressAndSecretsComeInALaterWaveDeadlocks() {
        edit("ops/argocd/platform/apps/argocd.yaml", "sync-wave: \"1\"", "sync-wave: \"-2\"");

        assertThat(lines(run())).anySatisfy(l -> assertThat(l)
                        .contains("Application argocd [sync-order-deadlock]", "ingress-class:nginx", "wave -2", "wave -1"))
                .anySatisfy(l -> assertThat(l).contains("[sync-order-deadlock]", "secret:argocd/argocd-dex-github", "wave 0"));
    }

    @Test
    void aCustomResourceSyncedBeforeItsCrdIsRejected() {
        edit("ops/argocd/platform/apps/observability.yaml", "sync-wave: \"2\"", "sync-wave: \"-3\"");

        assertThat(lines(run())).anySatisfy(l -> assertThat(l)
                .contains("Application observability [sync-order-crd]", "PrometheusRule/shop is synced in wave -3", "wave -2"));
    }

    @Test
    void aCrdFromTheSameWaveNeedsRetry() {
        edit("ops/argocd/platform/apps/cert-manager.yaml", "sync-wave: \"-1\"", "sync-wave: \"-2\"");
        edit("ops/argocd/platform/apps/cert-manager.yaml",
                "    retry:\n      limit: 10\n      backoff:\n        duration: 10s\n        factor: 2\n        maxDuration: 5m\n", "");

        assertThat(lines(run())).anySatisfy(l -> assertThat(l)
                .contains("Application cert-manager [sync-order-crd]", "crd:monitoring.coreos.com/ServiceMonitor", "same wave -2 without retry"));
    }

    @Test
    void aWorkloadWhoseSecretIsMadeInALaterWaveOfItsApplicationDeadlocks() {
        edit("gitops-envs/envs/dev/shared/components/aws-data-stores/external-secrets.yaml", "sync-wave: \"-1\"", "sync-wave: \"1\"");

        assertThat(lines(run())).anySatisfy(l -> assertThat(l)
                .contains("Application shop-dev [sync-order-deadlock]", "Deployment/catalog needs secret:shop-dev/catalog-db",
                        "a later wave inside the Application"));
    }

    @Test
    void aClaimWithoutStorageClassNeedsADefaultClass() {
        edit("ops/argocd/platform/storage/gp3.yaml", "    storageclass.kubernetes.io/is-default-class: \"true\"\n", "");
        write("ops/observability/claim.yaml", """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: scratch
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: 1Gi
                """);
        edit("ops/observability/kustomization.yaml", "  - alerts/shop-rules.yaml\n", "  - alerts/shop-rules.yaml\n  - claim.yaml\n");

        assertThat(lines(run())).anySatisfy(l -> assertThat(l)
                .contains("Application observability [sync-order-missing]", "PersistentVolumeClaim/scratch needs storage-class:(default)"));
    }

    @Test
    void aValuesFileThatAsksForMoreThanItsContractSaysIsRejected() {
        edit("ops/argocd/platform/values/loki.yaml", "deploymentMode: SingleBinary\n",
                "deploymentMode: SingleBinary\nenterprise:\n  existingSecret: loki-license\n");

        assertThat(lines(run())).anySatisfy(l -> assertThat(l)
                .contains("Application/loki [chart-contract]", "asks for secret:logging/loki-license", "contracts/loki.yaml"));
    }

    @Test
    void aChartWithoutContractAndAContractWithoutApplicationAreRejected() {
        delete("ops/argocd/platform/contracts/metrics-server.yaml");
        write("ops/argocd/platform/contracts/velero.yaml", "provides: []\nneeds: []\n");

        assertThat(lines(run()))
                .anySatisfy(l -> assertThat(l).contains("Application/metrics-server [chart-contract] installs a chart but has no"))
                .anySatisfy(l -> assertThat(l).contains("velero.yaml [chart-contract] no Application named velero"));
    }

    @Test
    void anEnvironmentCannotReadAnotherScopeOrUseAnotherEnvironmentsStore() {
        edit("gitops-envs/envs/dev/kustomization.yaml", "configMapGenerator:", """
                patches:
                  - target:
                      kind: ExternalSecret
                      name: catalog-admin
                    patch: |-
                      - op: replace
                        path: /spec/secretStoreRef/name
                        value: shop-prod
                  - target:
                      kind: ExternalSecret
                      name: orders-db
                    patch: |-
                      - op: replace
                        path: /spec/dataFrom/0/extract/key
                        value: shop/platform/argocd-notifications
                configMapGenerator:""");

        assertThat(lines(run()))
                .anySatisfy(l -> assertThat(l).contains("Application shop-dev ExternalSecret/orders-db [secret-store-scope]",
                        "reads shop/platform/argocd-notifications through store shop-dev, whose role may read only shop/dev/*"))
                .anySatisfy(l -> assertThat(l).contains("Application shop-dev [sync-order-missing]", "secret-store:shop-prod"));
    }

    @Test
    void aStoreWithoutItsOwnRoleOrConditionsIsRejected() {
        edit("ops/argocd/clusters/nonprod/secret-stores.yaml", "role/shop-nonprod-secrets-dev", "role/shop-nonprod-external-secrets");
        edit("ops/argocd/clusters/nonprod/secret-stores.yaml", "  conditions:\n    - namespaces:\n        - shop-staging\n", "");

        assertThat(lines(run()))
                .anySatisfy(l -> assertThat(l).contains("ClusterSecretStore/shop-dev [secret-store-scope] the store has no per-scope IAM role"))
                .anySatisfy(l -> assertThat(l).contains("ClusterSecretStore/shop-staging [secret-store-scope] the store has no conditions"));
    }

    @Test
    void aPublicIngressThatRoutesEverythingPublishesTheManagementPaths() {
        edit("gitops-envs/envs/dev/shared/components/public-ingress/ingress.yaml", "pathType: Exact", "pathType: Prefix");

        assertThat(lines(run())).anySatisfy(l -> assertThat(l)
                .contains("dev Ingress/storefront [public-management-paths] path / (Prefix) publishes Quarkus' /q/*"));
    }

    @Test
    void theFirstInstallMustCarryTheApplicationHealthCheckAndNeedNoCrd() {
        edit("ops/argocd/platform/values/argocd-bootstrap.yaml", "resource.customizations.health.argoproj.io_Application", "resource.customizations.health.other");
        edit("ops/argocd/platform/values/argocd-bootstrap.yaml", "dex:\n", "server:\n  metrics:\n    serviceMonitor:\n      enabled: true\ndex:\n");

        assertThat(lines(run()))
                .anySatisfy(l -> assertThat(l).contains("argocd-bootstrap.yaml configs.cm [bootstrap]", "would not wait"))
                .anySatisfy(l -> assertThat(l).contains("[bootstrap] the first install asks for crd:monitoring.coreos.com/ServiceMonitor"));
    }

    @Test
    void networkPoliciesNeedEnforcementByTheVpcCni() {
        edit("infra-terraform/modules/cluster/main.tf", "enableNetworkPolicy = \"true\"", "enableNetworkPolicy = \"false\"");

        assertThat(lines(run())).anySatisfy(l -> assertThat(l).contains("NetworkPolicy [cluster-capability]", "does not set enableNetworkPolicy"));
    }

    @Test
    void dns01NeedsRoute53AccessForCertManagersServiceAccount() {
        edit("infra-terraform/modules/cluster/main.tf", "attach_cert_manager_policy = true", "attach_cert_manager_policy = false");
        edit("infra-terraform/modules/cluster/main.tf", "service_account = \"cert-manager\"", "service_account = \"cert-manager-controller\"");

        assertThat(lines(run()))
                .anySatisfy(l -> assertThat(l).contains("ClusterIssuer/letsencrypt [cluster-capability]", "allows route53:ChangeResourceRecordSets"))
                .anySatisfy(l -> assertThat(l).contains("ClusterIssuer/letsencrypt [cluster-capability]", "service account cert-manager/cert-manager"));
    }

    @Test
    void storesMustNameTheRolesAndEntriesTerraformMakes() {
        edit("infra-terraform/envs/nonprod/main.tf", "name         = \"shop-nonprod\"", "name         = \"shop-np\"");
        edit("infra-terraform/modules/secrets/variables.tf", ", \"alertmanager-slack\"", "");

        assertThat(lines(run()))
                .anySatisfy(l -> assertThat(l).contains("ClusterSecretStore/shop-dev [cluster-capability] names cluster shop-nonprod in its role, but Terraform's cluster is shop-np"))
                .anySatisfy(l -> assertThat(l).contains("ExternalSecret/alertmanager-slack [cluster-capability] reads shop/platform/alertmanager-slack"));
    }

    @Test
    void egressMustStayInsideTheClustersVpc() {
        edit("gitops-envs/envs/dev/kustomization.yaml", "vpc-cidr=10.20.0.0/16", "vpc-cidr=10.0.0.0/8");

        assertThat(lines(run())).anySatisfy(l -> assertThat(l)
                .contains("dev NetworkPolicy/catalog-postgres [cluster-capability] egress to 10.0.0.0/8 reaches beyond the nonprod VPC 10.20.0.0/16"));
    }

    private List<Violation> run() {
        return ArgoCdChecks.run(copy, KUSTOMIZE);
    }

    private static List<String> lines(List<Violation> violations) {
        return violations.stream().map(Violation::line).toList();
    }

    private void edit(String file, String from, String to) {
        Path path = copy.resolve(file);
        String text = Repo.read(path);
        assertThat(text).as(file).contains(from);
        write(file, text.replace(from, to));
    }

    private void write(String file, String text) {
        try {
            Files.writeString(copy.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(String file) {
        try {
            Files.delete(copy.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
