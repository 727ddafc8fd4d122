package dev.shop.repochecks.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The extractor itself, then the shop's dashboard and alert rules through it. */
class PromQlMetricNamesTest {

    private static final Path DASHBOARD = Repo.OBSERVABILITY.resolve("dashboards/shop.json");
    private static final Path RULES = Repo.OBSERVABILITY.resolve("alerts/shop-rules.yaml");

    /** What the shop's assets read from a service's /q/metrics; app/system-tests checks a real scrape against it. */
    private static final Path SERVICE_METRICS = Repo.OBSERVABILITY.resolve("service-metrics.txt");

    @Test
    void aSelectorWithFunctionsAggregationAndRangeYieldsTheMetricOnly() {
        assertThat(PromQlMetricNames.of(
                "sum by (service, le) (rate(http_server_requests_seconds_bucket{uri!~\"/q/.*\", method=\"GET\"}[5m]))"))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void binaryOperationsMatchingAndNumbersAreNotMetrics() {
        Set<String> names = PromQlMetricNames.of(
                "1 - (sum without (pod) (rate(a_total[1h] offset 5m)) / on (namespace) group_left (team) b_info > bool 1e-3)"
                        + " and c_gauge unless d_gauge or histogram_quantile(0.99, e_bucket)");
        assertThat(names).containsExactlyInAnyOrder("a_total", "b_info", "c_gauge", "d_gauge", "e_bucket");
    }

    @Test
    void stringsGrafanaVariablesAndSubqueriesAreSkipped() {
        Set<String> names = PromQlMetricNames.of(
                "max_over_time(rate(x_total{namespace=\"$namespace\", path=\"{not} a metric\"}[$__rate_interval])[1h:5m])"
                        + " * ${factor} + on() vector(0)");
        assertThat(names).containsExactly("x_total");
    }

    @Test
    void recordingRuleNamesWithColonsAreMetricNames() {
        assertThat(PromQlMetricNames.of("shop:errors:ratio_rate1h > (14.4 * 0.005)")).containsExactly("shop:errors:ratio_rate1h");
    }

    @Test
    void grafanaLabelValuesQueriesYieldTheirSeriesSelectorOnly() {
        assertThat(PromQlMetricNames.of("label_values(up{job=\"x\"}, namespace)")).containsExactly("up");
        assertThat(PromQlMetricNames.of("label_values(namespace)")).isEmpty();
    }

    @Test
    void theDashboardIsValidJsonWithTheUidTheArgoCdLinksUse() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Repo.read(DASHBOARD));

        assertThat(dashboard.path("uid").asText()).isEqualTo("shop-overview");
        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(10);
        for (JsonNode panel : dashboard.path("panels")) {
            if (!"row".equals(panel.path("type").asText())) {
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                panel.path("targets").forEach(t -> assertThat(PromQlMetricNames.of(t.path("expr").asText()))
                        .as(panel.path("title").asText()).isNotEmpty());
            }
        }
    }

    @Test
    void theDashboardIsProvisionedByALabelledConfigMap() {
        List<JsonNode> objects = Repo.render(Repo.OBSERVABILITY);
        JsonNode configMap = Repo.ofKind(objects, "ConfigMap").get(0);

        assertThat(configMap.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        assertThat(configMap.path("data").path("shop.json").asText()).isEqualTo(Repo.read(DASHBOARD));
        assertThat(Repo.ofKind(objects, "PrometheusRule")).hasSize(1);
    }

    @Test
    void theAssetsReadExactlyTheListedServiceMetricsPlusKubeStateMetrics() {
        Set<String> used = new TreeSet<>(PromQlMetricNames.fromDashboard(DASHBOARD));
        used.addAll(PromQlMetricNames.fromPrometheusRules(RULES));

        List<String> listed = Repo.read(SERVICE_METRICS).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(PromQlMetricNames.scrapedBy(used)).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(used).contains("kube_pod_container_status_restarts_total", "kube_pod_status_ready",
                "kube_pod_container_status_waiting_reason");
        assertThat(used).noneMatch(name -> name.startsWith("shop:"));
    }

    @Test
    void theRulesHaveMultiWindowBurnAlertsForBothSlosAndPodAlerts() {
        JsonNode rules = Repo.documents(RULES).get(0);
        List<String> alerts = new java.util.ArrayList<>();
        rules.path("spec").path("groups").forEach(g -> g.path("rules").forEach(r -> {
            if (r.hasNonNull("alert")) {
                alerts.add(r.path("alert").asText());
                assertThat(r.path("annotations").path("summary").asText()).isNotBlank();
                assertThat(r.path("labels").path("severity").asText()).isIn("critical", "warning");
            }
        }));
        assertThat(alerts).contains("ShopAvailabilityFastBurn", "ShopAvailabilitySlowBurn", "ShopLatencyFastBurn",
                "ShopLatencySlowBurn", "ShopPodCrashLooping", "ShopPodNotReady");
        String fastBurn = Repo.read(RULES);
        assertThat(fastBurn).contains("ratio_rate1h > (14.4 * 0.005)").contains("ratio_rate5m > (14.4 * 0.005)");
    }
}
