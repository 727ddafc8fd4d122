package dev.shop.pipeline.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.pipeline.PipelineException;
import dev.shop.pipeline.Processes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "wait-argocd", mixinStandardHelpOptions = true,
        description = {"Waits until an Argo CD Application is Synced and Healthy and runs the given digests,",
                "reading it with kubectl from the cluster (no Argo CD API token needed). Exit 1 when it",
                "degrades or the timeout passes."})
public final class WaitArgoCdCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--app", required = true, description = "the Application, e.g. shop-staging")
    String app;

    @Option(names = "--namespace", defaultValue = "argocd", description = "Argo CD's namespace (default: ${DEFAULT-VALUE})")
    String namespace;

    @Option(names = "--digests", defaultValue = "{}",
            description = "JSON {\"<service>\": \"sha256:...\"} of what must be running (image-digests output)")
    String digests;

    @Option(names = "--timeout", defaultValue = "900", description = "seconds to wait (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--interval", defaultValue = "10", description = "seconds between polls (default: ${DEFAULT-VALUE})")
    long intervalSeconds;

    @Option(names = "--kubectl", defaultValue = "kubectl", description = "the kubectl binary (default: ${DEFAULT-VALUE})")
    String kubectl;

    @Override
    public Integer call() throws InterruptedException {
        List<String> expected = expectedDigests(digests);
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        String last = "never read";
        while (true) {
            Processes.Result result = Processes.run(List.of(kubectl, "get", "applications.argoproj.io", app,
                    "--namespace", namespace, "--output", "json"), null, Duration.ofSeconds(60));
            if (result.ok()) {
                ApplicationStatus status = ApplicationStatus.of(parse(result.stdout()));
                last = status.describe(expected);
                if (status.runs(expected)) {
                    System.out.println(app + ": " + last);
                    return 0;
                }
                if (status.failed()) {
                    throw PipelineException.findings(app + " failed: " + last);
                }
            } else {
                last = result.stderr().strip();
            }
            System.out.println(app + ": " + last);
            if (Instant.now().plusSeconds(intervalSeconds).isAfter(deadline)) {
                throw PipelineException.findings(app + " not ready after " + timeoutSeconds + " s: " + last);
            }
            Thread.sleep(intervalSeconds * 1000);
        }
    }

    static List<String> expectedDigests(String json) {
        try {
            JsonNode node = JSON.readTree(json.isBlank() ? "{}" : json);
            if (!node.isObject()) {
                throw PipelineException.usage("--digests must be a JSON object");
            }
            List<String> result = new ArrayList<>();
            node.fields().forEachRemaining(field -> result.add(field.getValue().asText()));
            return result;
        } catch (IOException e) {
            throw PipelineException.usage("--digests is not JSON: " + e.getMessage());
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw PipelineException.environment("kubectl printed no JSON: " + e.getMessage());
        }
    }
}
