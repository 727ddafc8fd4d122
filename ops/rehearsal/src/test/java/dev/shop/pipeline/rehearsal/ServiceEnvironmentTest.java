package dev.shop.pipeline.rehearsal;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The container environment the rehearsal derives from a rendered overlay, as the kubelet would. */
class ServiceEnvironmentTest {

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
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServiceEnvironment.ofRendered(RENDERED).of("catalog", (s, k) -> null))
                .hasMessageContaining("Deployment catalog");
    }
}
