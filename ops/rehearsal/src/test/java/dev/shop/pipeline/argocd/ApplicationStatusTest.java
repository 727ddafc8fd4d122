package dev.shop.pipeline.argocd;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.pipeline.PipelineException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the load test may start: Argo CD's Application as kubectl prints it. */
class ApplicationStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW = "sha256:" + "a".repeat(64);
    private static final String OLD = "sha256:" + "b".repeat(64);

    private static ApplicationStatus status(String sync, String health, String phase, String... images) throws Exception {
        String imageList = String.join(",", java.util.Arrays.stream(images).map(i -> "\"" + i + "\"").toList());
        return ApplicationStatus.of(JSON.readTree("""
                {"apiVersion":"argoproj.io/v1alpha1","kind":"Application","metadata":{"name":"shop-staging"},
                 "status":{"sync":{"status":"%s","revision":"0123abc"},"health":{"status":"%s"},
                           %s
                           "summary":{"images":[%s]}}}
                """.formatted(sync, health, phase == null ? "" : "\"operationState\":{\"phase\":\"" + phase + "\"},", imageList)));
    }

    @Test
    void readyOnlyWhenSyncedHealthyAndRunningTheNewDigest() throws Exception {
        String running = "1.dkr.ecr.eu-central-1.amazonaws.com/shop/catalog:1.4.0-rc.2@" + NEW;
        assertThat(status("Synced", "Healthy", "Succeeded", running).runs(List.of(NEW))).isTrue();
        assertThat(status("Synced", "Healthy", null, running.replace(NEW, OLD)).runs(List.of(NEW))).isFalse();
        assertThat(status("OutOfSync", "Healthy", null, running).runs(List.of(NEW))).isFalse();
        assertThat(status("Synced", "Progressing", null, running).runs(List.of(NEW))).isFalse();
        assertThat(status("Synced", "Healthy", "Running", running).runs(List.of(NEW))).isFalse();
    }

    @Test
    void aDegradedApplicationOrFailedSyncIsFinal() throws Exception {
        assertThat(status("Synced", "Degraded", null).failed()).isTrue();
        assertThat(status("OutOfSync", "Healthy", "Failed").failed()).isTrue();
        assertThat(status("OutOfSync", "Progressing", "Running").failed()).isFalse();
        assertThat(status("Synced", "Healthy", null).describe(List.of(NEW))).contains("not yet running [" + NEW + "]");
    }

    @Test
    void digestsComeFromTheImageDigestsJson() {
        assertThat(WaitArgoCdCommand.expectedDigests("{\"catalog\":\"" + NEW + "\",\"orders\":\"" + OLD + "\"}"))
                .containsExactly(NEW, OLD);
        assertThat(WaitArgoCdCommand.expectedDigests("")).isEmpty();
        assertThatThrownBy(() -> WaitArgoCdCommand.expectedDigests("[1]")).isInstanceOf(PipelineException.class);
    }
}
