package dev.shop.systemtests.tracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The JSON log lines of the shop's services as {@link dev.shop.localstack.ServiceProcess} hands them over
 * ({@code [service] {...}}), read the way Loki's derived field reads them: the message and the trace id the
 * OpenTelemetry extension puts in the line's MDC.
 */
final class ServiceLogs implements Consumer<String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();

    @Override
    public void accept(String line) {
        lines.add(line);
        if (Boolean.getBoolean("shop.verbose")) {
            System.out.println(line);
        }
    }

    /** The trace ids of {@code service}'s lines whose message contains {@code fragment}, in log order. */
    List<String> traceIdsOf(String service, String fragment) {
        String prefix = "[" + service + "] {";
        return lines.stream()
                .filter(line -> line.startsWith(prefix))
                .map(line -> parse(line.substring(prefix.length() - 1)))
                .filter(entry -> entry.path("message").asText().contains(fragment))
                .map(entry -> entry.path("mdc").path("traceId").asText(""))
                .toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log line that is not JSON: " + json, e);
        }
    }
}
