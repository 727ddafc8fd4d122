package dev.shop.repochecks.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What issue 3 asks of gitops-envs/ beyond the CLI's generic policies: env folders that only say
 * what differs, the CI-owned images block, probe paths, graceful shutdown, secrets by name.
 */
class EnvOverlaysTest {

    private static final List<String> SERVICES = List.of("catalog", "orders", "storefront");
    private static final String CI_MARKER = "# Written by CI only";

    static List<String> envs() {
        return Repo.envFolders();
    }

    @Test
    void theEnvironmentsAreDevStagingAndProd() {
        assertThat(Repo.envFolders()).containsExactly("dev", "prod", "staging");
    }

    @ParameterizedTest
    @MethodSource("envs")
    void anEnvFolderHoldsOneKustomizationWhoseImagesBlockIsSeparatedAndLast(String env) throws IOException {
        try (Stream<Path> files = Files.list(Repo.ENVS.resolve(env))) {
            // shared/: the env's own copy of base and components (ADR 0205); holds.yaml only while a rollback holds a service
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.equals("holds.yaml")))
                    .containsExactlyInAnyOrder("kustomization.yaml", "shared");
        }
        String text = Repo.read(Repo.ENVS.resolve(env).resolve("kustomization.yaml"));
        int marker = text.indexOf(CI_MARKER);
        assertThat(marker).as("comment separating the humans' part from CI's").isPositive();
        String ciPart = text.substring(marker);
        assertThat(ciPart.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith(" ") && !l.startsWith("-")))
                .as("only images: below the marker").containsExactly("images:");

        JsonNode images = Repo.documents(text).get(0).path("images");
        assertThat(images).extracting(i -> i.path("name").asText()).containsExactlyElementsOf(SERVICES);
        for (JsonNode image : images) {
            String service = image.path("name").asText();
            assertThat(image.path("newName").asText()).isEqualTo("111122223333.dkr.ecr.eu-central-1.amazonaws.com/shop/" + service);
            assertThat(image.path("newTag").asText()).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
            assertThat(image.path("digest").asText()).matches("sha256:[0-9a-f]{64}");
        }
    }

    @ParameterizedTest
    @MethodSource("envs")
    void deploymentsProbeQuarkusHealthAndShutDownWithinTheirGracePeriod(String env) {
        List<JsonNode> objects = Repo.render(Repo.ENVS.resolve(env));
        Map<String, JsonNode> configMaps = Repo.ofKind(objects, "ConfigMap").stream()
                .collect(Collectors.toMap(Repo::name, c -> c.path("data")));
        for (JsonNode deployment : Repo.ofKind(objects, "Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            String name = Repo.name(deployment);

            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/started");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/live");
            assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
            assertThat(container.path("volumeMounts")).extracting(m -> m.path("mountPath").asText()).as(name).contains("/tmp");
            assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");

            String configMap = container.path("envFrom").get(0).path("configMapRef").path("name").asText();
            int shutdown = seconds(configMaps.get(configMap).path("QUARKUS_SHUTDOWN_TIMEOUT").asText());
            int preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asInt();
            int grace = pod.path("terminationGracePeriodSeconds").asInt();
            assertThat(preStop + shutdown).as(name + ": preStop + Quarkus shutdown within the grace period").isLessThan(grace);
            assertThat(deployment.path("spec").has("replicas")).as(name + ": the HPA owns replicas").isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("envs")
    void secretsComeFromSecretsManagerUnderTheEnvironmentsPrefix(String env) {
        List<JsonNode> externalSecrets = Repo.ofKind(Repo.render(Repo.ENVS.resolve(env)), "ExternalSecret");

        assertThat(externalSecrets).extracting(Repo::name)
                .containsExactlyInAnyOrder("catalog-db", "orders-db", "catalog-admin", "storefront-redis");
        for (JsonNode externalSecret : externalSecrets) {
            JsonNode spec = externalSecret.path("spec");
            assertThat(spec.path("target").path("name").asText()).isEqualTo(Repo.name(externalSecret));
            assertThat(spec.path("dataFrom").get(0).path("extract").path("key").asText())
                    .isEqualTo("shop/" + env + "/" + Repo.name(externalSecret));
            assertThat(spec.path("secretStoreRef").path("name").asText()).as("the environment's own store").isEqualTo("shop-" + env);
        }
    }

    @ParameterizedTest
    @MethodSource("envs")
    void everyNamespaceDeniesByDefaultAndPublishesOnlyTheStorefront(String env) {
        List<JsonNode> objects = Repo.render(Repo.ENVS.resolve(env));
        JsonNode denyAll = Repo.ofKind(objects, "NetworkPolicy").stream()
                .filter(p -> Repo.name(p).equals("default-deny-all")).findFirst().orElseThrow();
        assertThat(denyAll.path("spec").path("podSelector").size()).isZero();
        assertThat(denyAll.path("spec").path("policyTypes")).extracting(JsonNode::asText).containsExactly("Ingress", "Egress");

        List<JsonNode> ingresses = Repo.ofKind(objects, "Ingress");
        assertThat(ingresses).extracting(Repo::name).containsExactly("storefront");
        JsonNode ingress = ingresses.get(0).path("spec");
        String host = ingress.path("rules").get(0).path("host").asText();
        assertThat(host).isEqualTo(env.equals("prod") ? "shop.example.com" : env + ".shop.example.com");
        assertThat(ingress.path("tls").get(0).path("hosts").get(0).asText()).isEqualTo(host);
        assertThat(ingress.path("ingressClassName").asText()).isEqualTo("nginx");
    }

    @ParameterizedTest
    @MethodSource("envs")
    void onlyProdSpreadsPodsAcrossZones(String env) {
        for (JsonNode deployment : Repo.ofKind(Repo.render(Repo.ENVS.resolve(env)), "Deployment")) {
            JsonNode spread = deployment.path("spec").path("template").path("spec").path("topologySpreadConstraints");
            if (env.equals("prod")) {
                assertThat(spread).extracting(c -> c.path("topologyKey").asText())
                        .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            } else {
                assertThat(spread.isMissingNode()).as(env).isTrue();
            }
        }
    }

    private static int seconds(String duration) {
        assertThat(duration).matches("\\d+s");
        return Integer.parseInt(duration.substring(0, duration.length() - 1));
    }
}
