package dev.shop.repochecks.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trace sampling (ADR 0905) is split between the image and the overlay: Quarkus fixes the sampler when it builds
 * the service ({@code quarkus.otel.traces.sampler} is build-time configuration), and reads only the ratio when the
 * pod starts ({@code QUARKUS_OTEL_TRACES_SAMPLER_ARG}). An overlay that sets the sampler, or a ratio for a service
 * built without a ratio sampler, changes nothing in the cluster while its diff says it does. This check renders
 * every env and holds each Deployment's ConfigMap to what its service's build reads.
 */
class TraceSamplingTest {

    static final String SAMPLER = "quarkus.otel.traces.sampler";
    static final String RATIO_VARIABLE = "QUARKUS_OTEL_TRACES_SAMPLER_ARG";
    /** Build-time properties: set as environment variables of a running pod, Quarkus ignores them. */
    static final Set<String> BUILD_TIME_VARIABLES = Set.of("QUARKUS_OTEL_TRACES_SAMPLER", "QUARKUS_OTEL_ENABLED",
            "QUARKUS_OTEL_TRACES_ENABLED");
    static final Set<String> RATIO_SAMPLERS = Set.of("traceidratio", "parentbased_traceidratio");
    /** Quarkus 3.33.2's default (TracesBuildConfig). */
    static final String DEFAULT_SAMPLER = "parentbased_always_on";

    @Test
    void everyEnvSetsOnlyWhatTheServicesBuildReads() {
        List<String> problems = new ArrayList<>();
        for (String env : Repo.envFolders()) {
            problems.addAll(problems(env, Repo.render(Repo.ENVS.resolve(env)), TraceSamplingTest::applicationProperties));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void prodSamplesAndDevAndStagingTraceEverything() {
        assertThat(ratios(Repo.render(Repo.ENVS.resolve("prod")))).as("prod's ratio per service")
                .containsOnlyKeys("catalog", "orders", "storefront")
                .allSatisfy((service, ratio) -> assertThat(Double.parseDouble(ratio)).isLessThan(1.0));
        assertThat(ratios(Repo.render(Repo.ENVS.resolve("staging")))).as("staging gates at the full tracing cost").isEmpty();
        assertThat(ratios(Repo.render(Repo.ENVS.resolve("dev")))).isEmpty();
    }

    @Test
    void aSamplerSetAtRuntimeOrARatioTheBuildIgnoresIsRejected() {
        List<JsonNode> rendered = Repo.documents("""
                kind: ConfigMap
                metadata: {name: catalog-config-abc}
                data: {QUARKUS_OTEL_TRACES_SAMPLER: always_off}
                ---
                kind: ConfigMap
                metadata: {name: orders-config-abc}
                data: {QUARKUS_OTEL_TRACES_SAMPLER_ARG: "0.1"}
                ---
                kind: ConfigMap
                metadata: {name: storefront-config-abc}
                data: {QUARKUS_OTEL_TRACES_SAMPLER_ARG: "10%"}
                ---
                kind: Deployment
                metadata: {name: catalog}
                spec: {template: {spec: {containers: [{envFrom: [{configMapRef: {name: catalog-config-abc}}]}]}}}
                ---
                kind: Deployment
                metadata: {name: orders}
                spec: {template: {spec: {containers: [{envFrom: [{configMapRef: {name: orders-config-abc}}]}]}}}
                ---
                kind: Deployment
                metadata: {name: storefront}
                spec: {template: {spec: {containers: [{envFrom: [{configMapRef: {name: storefront-config-abc}}]}]}}}
                """);
        Map<String, String> builds = Map.of(
                "catalog", "quarkus.otel.traces.sampler=parentbased_traceidratio\n",
                "orders", "%dev.quarkus.otel.traces.sampler=traceidratio\n",
                "storefront", "quarkus.otel.traces.sampler=parentbased_traceidratio\n");

        assertThat(problems("prod", rendered, builds::get)).containsExactly(
                "prod catalog: QUARKUS_OTEL_TRACES_SAMPLER is build-time configuration, ignored when the pod starts",
                "prod orders: QUARKUS_OTEL_TRACES_SAMPLER_ARG is ignored: the service is built with sampler parentbased_always_on",
                "prod storefront: QUARKUS_OTEL_TRACES_SAMPLER_ARG=10% is not a ratio between 0 and 1");
    }

    static List<String> problems(String env, List<JsonNode> rendered, Function<String, String> buildProperties) {
        Map<String, JsonNode> configMaps = configMaps(rendered);
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : Repo.ofKind(rendered, "Deployment")) {
            String service = Repo.name(deployment);
            for (JsonNode data : environmentOf(deployment, configMaps)) {
                data.fieldNames().forEachRemaining(variable -> {
                    if (BUILD_TIME_VARIABLES.contains(variable)) {
                        problems.add(env + " " + service + ": " + variable + " is build-time configuration, ignored when the pod starts");
                    }
                });
                if (data.has(RATIO_VARIABLE)) {
                    String ratio = data.path(RATIO_VARIABLE).asText();
                    String sampler = prodValue(buildProperties.apply(service), SAMPLER, DEFAULT_SAMPLER);
                    if (!isRatio(ratio)) {
                        problems.add(env + " " + service + ": " + RATIO_VARIABLE + "=" + ratio + " is not a ratio between 0 and 1");
                    } else if (!RATIO_SAMPLERS.contains(sampler)) {
                        problems.add(env + " " + service + ": " + RATIO_VARIABLE + " is ignored: the service is built with sampler " + sampler);
                    }
                }
            }
        }
        return problems;
    }

    /** Per service, the ratio its ConfigMaps give it (services without one are left out). */
    static Map<String, String> ratios(List<JsonNode> rendered) {
        Map<String, JsonNode> configMaps = configMaps(rendered);
        return Repo.ofKind(rendered, "Deployment").stream()
                .flatMap(deployment -> environmentOf(deployment, configMaps).stream()
                        .filter(data -> data.has(RATIO_VARIABLE))
                        .map(data -> Map.entry(Repo.name(deployment), data.path(RATIO_VARIABLE).asText())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, JsonNode> configMaps(List<JsonNode> rendered) {
        return Repo.ofKind(rendered, "ConfigMap").stream().collect(Collectors.toMap(Repo::name, c -> c.path("data")));
    }

    private static List<JsonNode> environmentOf(JsonNode deployment, Map<String, JsonNode> configMaps) {
        List<JsonNode> data = new ArrayList<>();
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            for (JsonNode source : container.path("envFrom")) {
                JsonNode configMap = configMaps.get(source.path("configMapRef").path("name").asText());
                if (configMap != null) {
                    data.add(configMap);
                }
            }
        }
        return data;
    }

    private static boolean isRatio(String value) {
        try {
            double ratio = Double.parseDouble(value);
            return ratio >= 0 && ratio <= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The value the prod build sees: the %prod key if set, else the unprofiled one, else the default. */
    static String prodValue(String applicationProperties, String key, String defaultValue) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(applicationProperties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("%prod." + key, properties.getProperty(key, defaultValue)).strip();
    }

    private static String applicationProperties(String service) {
        return Repo.read(Repo.ROOT.resolve("app").resolve(service).resolve("src/main/resources/application.properties"));
    }
}
