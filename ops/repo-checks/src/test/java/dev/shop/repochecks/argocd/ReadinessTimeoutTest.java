package dev.shop.repochecks.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A readiness probe must wait longer than the readiness check itself may wait for the service's data
 * store (Agroal's acquisition timeout, the Redis client's timeout, in the service's
 * application.properties): otherwise a slow but healthy PostgreSQL or Redis takes every pod out of the
 * Service at once (the probe's default timeout is 1 s, the stores' 2 s).
 */
class ReadinessTimeoutTest {

    /** The properties that bound how long a readiness check waits for a data store. */
    private static final List<String> DATA_STORE_TIMEOUTS = List.of("quarkus.datasource.jdbc.acquisition-timeout", "quarkus.redis.timeout");
    private static final Pattern DURATION = Pattern.compile("(?i)(\\d+)(ms|s)?");

    @Test
    void everyReadinessProbeOutwaitsItsServicesDataStoreTimeouts() {
        List<String> problems = new ArrayList<>();
        for (String env : Repo.envFolders()) {
            for (JsonNode deployment : Repo.ofKind(Repo.render(Repo.ENVS.resolve(env)), "Deployment")) {
                String service = Repo.name(deployment);
                String text = Repo.read(Repo.ROOT.resolve("app").resolve(service).resolve("src/main/resources/application.properties"));
                problems.addAll(problems(env + " " + service, deployment, text));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aProbeThatGivesUpBeforeTheDataStoreTimeoutIsRejected() {
        JsonNode deployment = Repo.documents("""
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                        - name: storefront
                          readinessProbe:
                            httpGet: {path: /q/health/ready, port: http}
                """).get(0);

        assertThat(problems("storefront", deployment, "quarkus.redis.timeout=2s\n%test.quarkus.redis.timeout=1s\n"))
                .containsExactly("storefront: readiness timeoutSeconds 1 is not above quarkus.redis.timeout=2s");
        assertThat(problems("storefront", deployment, "quarkus.redis.timeout=500ms\n")).isEmpty();
    }

    static List<String> problems(String where, JsonNode deployment, String applicationProperties) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(applicationProperties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            int timeout = container.path("readinessProbe").path("timeoutSeconds").asInt(1);
            for (String property : DATA_STORE_TIMEOUTS) {
                String value = properties.getProperty(property);
                if (value != null && millis(value) >= timeout * 1000L) {
                    problems.add(where + ": readiness timeoutSeconds " + timeout + " is not above " + property + "=" + value);
                }
            }
        }
        return problems;
    }

    private static long millis(String duration) {
        Matcher m = DURATION.matcher(duration.strip());
        assertThat(m.matches()).as("a duration like 2s or 500ms: " + duration).isTrue();
        long amount = Long.parseLong(m.group(1));
        return "ms".equalsIgnoreCase(m.group(2)) ? amount : amount * 1000;
    }
}
