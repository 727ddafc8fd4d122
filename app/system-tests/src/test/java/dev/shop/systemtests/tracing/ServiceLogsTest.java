package dev.shop.systemtests.tracing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the trace check reads the services' lines: a hop that lost the trace shows as another id or none. */
class ServiceLogsTest {

    private final ServiceLogs logs = new ServiceLogs();

    @Test
    void readsTheTraceIdOfEachServicesMatchingLines() {
        logs.accept("[orders] {\"message\":\"order 42 confirmed with 1 line(s)\",\"mdc\":{\"traceId\":\"aa01\"}}");
        logs.accept("[catalog] {\"message\":\"reserved 1 line(s) for 42\",\"mdc\":{\"traceId\":\"bb02\"}}");
        logs.accept("[catalog] {\"message\":\"reserved 1 line(s) for 43\",\"mdc\":{\"traceId\":\"cc03\"}}");

        assertThat(logs.traceIdsOf("orders", "order 42 confirmed")).containsExactly("aa01");
        assertThat(logs.traceIdsOf("catalog", "for 42")).as("a broken propagation: another trace")
                .containsExactly("bb02").doesNotContain("aa01");
    }

    @Test
    void aLineOutsideAnyTraceHasAnEmptyTraceId() {
        logs.accept("[storefront] {\"message\":\"order 42 placed for customer c1\",\"mdc\":{}}");

        assertThat(logs.traceIdsOf("storefront", "order 42 placed")).containsExactly("");
    }

    @Test
    void ignoresLinesOfOtherServicesAndPlainTextButNotBrokenJson() {
        logs.accept("[orders] plain text before the log manager starts");
        logs.accept("[storefront] {\"message\":\"order 42 placed\",\"mdc\":{\"traceId\":\"aa01\"}}");
        assertThat(logs.traceIdsOf("orders", "42")).isEmpty();

        logs.accept("[orders] {\"message\":");
        assertThatThrownBy(() -> logs.traceIdsOf("orders", "42")).hasMessageContaining("not JSON");
    }
}
