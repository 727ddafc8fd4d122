package dev.shop.pipeline.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.pipeline.Processes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Argo CD stand-in reports what runs, in the form pipeline wait-argocd reads. */
class LocalArgoCdTest {

    private static final String DIGEST = "sha256:" + "0".repeat(64);

    @Test
    void anEnvWhoseContainerIsGoneIsDegradedOutOfSyncAndRunsNothing() throws IOException {
        assumeTrue(podmanWorks(), "podman is not installed (ops/bin/install-rehearsal-deps)");
        JsonNode state = new ObjectMapper().readTree("""
                {"application": "shop-staging", "services": [
                  {"service": "catalog", "container": "shop-rehearsal-no-such-container-%d",
                   "image": "127.0.0.1:5000/shop/catalog@%s", "ready": "http://127.0.0.1:9/q/health/ready"}]}
                """.formatted(ProcessHandle.current().pid(), DIGEST));

        JsonNode status = LocalArgoCd.application(state, new Podman()).path("status");

        assertThat(status.path("sync").path("status").asText()).isEqualTo("OutOfSync");
        assertThat(status.path("health").path("status").asText()).isEqualTo("Degraded");
        assertThat(status.path("summary").path("images")).isEmpty();
    }

    private static boolean podmanWorks() {
        try {
            return Processes.run(List.of("podman", "--version"), null, Duration.ofSeconds(30)).ok();
        } catch (RuntimeException notInstalled) {
            return false;
        }
    }
}
