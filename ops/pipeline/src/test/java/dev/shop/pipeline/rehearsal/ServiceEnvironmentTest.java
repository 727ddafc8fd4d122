package dev.shop.pipeline.rehearsal;

import dev.shop.cli.ProcessRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The container environment the rehearsal derives from a rendered overlay, as the kubelet would. */
class ServiceEnvironmentTest {

    private static final Path REPO = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();

    private static final String RENDERED = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: orders-config-kkgbbhc985
            data:
              QUARKUS_DATASOURCE_JDBC_URL: jdbc:postgresql://shop-dev.cluster-x.eu-central-1.rds.amazonaws.com:5432/orders
              QUARKUS_REST_CLIENT_CATALOG_URL: http://catalog
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shop-flags
            data:
              checkout: "on"
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: orders
            spec:
              template:
                spec:
                  containers:
                    - name: orders
                      envFrom:
                        - configMapRef:
                            name: orders-config-kkgbbhc985
                      env:
                        - name: QUARKUS_DATASOURCE_USERNAME
                          valueFrom:
                            secretKeyRef: {name: orders-db, key: username}
                        - name: QUARKUS_REDIS_PASSWORD
                          valueFrom:
                            secretKeyRef: {name: storefront-redis, key: password}
                        - name: SHOP_CHECKOUT
                          valueFrom:
                            configMapKeyRef: {name: shop-flags, key: checkout}
                        - name: QUARKUS_LOG_LEVEL
                          value: INFO
            """;

    @Test
    void theEnvironmentComesFromEnvFromEnvAndSecretStandIns() {
        Map<String, String> env = ServiceEnvironment.ofRendered(RENDERED).of("orders", DevelopPushRehearsal::secretStandIn);
        assertThat(env).containsExactly(
                Map.entry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://shop-dev.cluster-x.eu-central-1.rds.amazonaws.com:5432/orders"),
                Map.entry("QUARKUS_REST_CLIENT_CATALOG_URL", "http://catalog"),
                Map.entry("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                Map.entry("SHOP_CHECKOUT", "on"),
                Map.entry("QUARKUS_LOG_LEVEL", "INFO"));
    }

    @Test
    void aServiceWithoutItsDeploymentIsAFinding() {
        assertThatThrownBy(() -> ServiceEnvironment.ofRendered(RENDERED).of("catalog", (s, k) -> null))
                .hasMessageContaining("Deployment catalog");
    }

    @Test
    void theRuntimeIsTheRenderedImageLimitsAndReadinessProbeOfEveryOverlay() {
        for (String env : new String[] {"dev", "staging", "prod"}) {
            String rendered = ProcessRunner.run(List.of("kubectl", "kustomize", "gitops-envs/envs/" + env),
                    REPO, Duration.ofMinutes(2)).orThrow().stdout();
            for (String service : DevelopPushRehearsal.ALL_SERVICES) {
                ServiceEnvironment.Runtime runtime = ServiceEnvironment.ofRendered(rendered).runtime(service);
                assertThat(runtime.image()).as(env + " " + service).contains("/shop/" + service).contains("@sha256:");
                assertThat(runtime.readinessPath()).isEqualTo("/q/health/ready");
                assertThat(runtime.readinessPort()).isEqualTo(8080);
                assertThat(Double.parseDouble(runtime.cpus())).isPositive();
                assertThat(Long.parseLong(runtime.memory())).isGreaterThanOrEqualTo(256L * 1024 * 1024);
            }
        }
        String prod = ProcessRunner.run(List.of("kubectl", "kustomize", "gitops-envs/envs/prod"),
                REPO, Duration.ofMinutes(2)).orThrow().stdout();
        // prod's patch: guaranteed memory and a whole CPU
        assertThat(ServiceEnvironment.ofRendered(prod).runtime("catalog"))
                .extracting(ServiceEnvironment.Runtime::cpus, ServiceEnvironment.Runtime::memory)
                .containsExactly("1", String.valueOf(512L * 1024 * 1024));
    }

    @Test
    void kubernetesQuantitiesBecomePodmanLimits() {
        assertThat(ServiceEnvironment.cpus("500m")).isEqualTo("0.5");
        assertThat(ServiceEnvironment.cpus("1500m")).isEqualTo("1.5");
        assertThat(ServiceEnvironment.cpus("2")).isEqualTo("2");
        assertThat(ServiceEnvironment.memory("384Mi")).isEqualTo(String.valueOf(384L * 1024 * 1024));
        assertThat(ServiceEnvironment.memory("1Gi")).isEqualTo(String.valueOf(1024L * 1024 * 1024));
        assertThat(ServiceEnvironment.memory("500M")).isEqualTo("500000000");
        assertThatThrownBy(() -> ServiceEnvironment.memory("1.5Gi"))
                .hasMessageContaining("1.5Gi");
    }

    @Test
    void aDeploymentWithoutLimitsOrAReadinessProbeCannotBeRunAsTheClusterWould() {
        assertThatThrownBy(() -> ServiceEnvironment.ofRendered(RENDERED).runtime("orders"))
                .hasMessageContaining("Deployment orders needs cpu and memory limits and an httpGet readinessProbe");
    }
}
