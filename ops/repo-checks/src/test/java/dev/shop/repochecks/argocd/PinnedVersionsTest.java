package dev.shop.repochecks.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Helm chart and every image that reaches a cluster is pinned to one exact version. */
class PinnedVersionsTest {

    /** An exact SemVer, with the optional leading v some publishers (cert-manager) use; no ranges. */
    private static final Pattern EXACT_VERSION = Pattern.compile("v?\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
    private static final Pattern PINNED_IMAGE = Pattern.compile("[^\\s@:]+(:[0-9A-Za-z._-]+)?@sha256:[0-9a-f]{64}");

    static boolean isExactVersion(String version) {
        return EXACT_VERSION.matcher(version).matches();
    }

    static boolean isPinnedImage(String image) {
        return PINNED_IMAGE.matcher(image).matches() && !image.contains(":latest@");
    }

    @Test
    void everyChartSourceOfEveryApplicationHasAnExactVersion() {
        List<String> charts = new ArrayList<>();
        for (String cluster : Repo.clusters()) {
            for (JsonNode application : Repo.ofKind(Repo.render(Repo.ARGOCD.resolve("clusters").resolve(cluster)), "Application")) {
                for (JsonNode source : sources(application)) {
                    String revision = source.path("targetRevision").asText();
                    if (source.hasNonNull("chart")) {
                        assertThat(isExactVersion(revision)).as(source.path("chart").asText() + " " + revision).isTrue();
                        charts.add(source.path("chart").asText() + "@" + revision);
                    } else {
                        // Git sources follow the one branch Argo CD watches (docs/decisions/0300-argocd-layout.md)
                        assertThat(revision).as(Repo.name(application)).isEqualTo("main");
                    }
                }
            }
        }
        assertThat(charts).contains("argo-cd@9.5.4", "kube-prometheus-stack@79.10.0", "external-secrets@1.3.1");
        assertThat(charts.stream().map(c -> c.substring(0, c.indexOf('@'))).distinct())
                .containsExactlyInAnyOrder("argo-cd", "external-secrets", "cert-manager", "kube-prometheus-stack",
                        "nginx-ingress", "metrics-server", "loki", "tempo", "fluent-bit", "kyverno",
                        "prometheus-operator-crds");
    }

    @Test
    void helmValuesNeverAskForALatestOrFloatingImage() throws IOException {
        try (Stream<Path> files = Files.list(Repo.ARGOCD.resolve("platform/values"))) {
            for (Path file : files.toList()) {
                for (JsonNode values : Repo.documents(file)) {
                    List<String> tags = new ArrayList<>();
                    collectImageTags(values, tags);
                    assertThat(tags).as(file.getFileName().toString()).noneMatch(t -> t.equals("latest") || t.endsWith(":latest"));
                }
            }
        }
    }

    @Test
    void everyImageOfEveryEnvironmentIsPinnedByDigestWithItsVersionTag() {
        for (String env : Repo.envFolders()) {
            for (JsonNode deployment : Repo.ofKind(Repo.render(Repo.ENVS.resolve(env)), "Deployment")) {
                for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                    String image = container.path("image").asText();
                    assertThat(isPinnedImage(image)).as(env + " " + image).isTrue();
                    assertThat(image).as("the version stays visible in Argo CD's image summary").contains(":");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "*", "9.x", "^1.2.3", "~1.2.3", ">=1.0.0", "1.2", "1.2.3 || 1.2.4", "HEAD", ""})
    void floatingChartVersionsAreRejected(String version) {
        assertThat(isExactVersion(version)).isFalse();
    }

    @Test
    void exactChartVersionsAndDigestPinnedImagesAreAccepted() {
        assertThat(isExactVersion("79.10.0")).isTrue();
        assertThat(isExactVersion("v1.19.0")).isTrue();
        assertThat(isExactVersion("1.0.0-rc.1")).isTrue();
        String digest = "sha256:" + "a".repeat(64);
        assertThat(isPinnedImage("registry/shop/catalog:1.0.0@" + digest)).isTrue();
        assertThat(isPinnedImage("registry/shop/catalog:1.0.0")).isFalse();
        assertThat(isPinnedImage("registry/shop/catalog:latest@" + digest)).isFalse();
        assertThat(isPinnedImage("registry/shop/catalog@sha256:abc")).isFalse();
    }

    private static List<JsonNode> sources(JsonNode application) {
        List<JsonNode> sources = new ArrayList<>();
        JsonNode spec = application.path("spec");
        if (spec.has("source")) {
            sources.add(spec.path("source"));
        }
        spec.path("sources").forEach(sources::add);
        return sources;
    }

    /** Values of "tag" keys and "image" strings anywhere in a Helm values tree. */
    private static void collectImageTags(JsonNode node, List<String> tags) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getValue().isValueNode() && (field.getKey().equals("tag") || field.getKey().equals("image"))) {
                    tags.add(field.getValue().asText());
                }
                collectImageTags(field.getValue(), tags);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectImageTags(item, tags));
        }
    }
}
