package dev.shop.pipeline.rehearsal;

import dev.shop.cli.CliException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the lifecycle rehearsal requires of the prod PR body before ops would merge it. */
class PromotionBodyTest {

    private static final String CATALOG = "sha256:" + "ab12cd34ef56".repeat(5) + "abcd";
    private static final LifecycleRehearsal.Delivery TESTED = new LifecycleRehearsal.Delivery("1.1.0-rc.2", Map.of("catalog", CATALOG));
    private static final String BODY = """
            ## Promote staging → prod

            | service | version | digest |
            |---|---|---|
            | catalog | 1.0.0 → **1.1.0-rc.2** | `765e31f6ad91` → `ab12cd34ef56` |

            ### Commits

            **catalog**: `0123456...89abcde`

            ### Rendered manifests of prod

            | object | change | lines |
            |---|---|---|
            | Deployment/catalog | changed | +1 −1 |

            <details><summary>Full rendered diff</summary>

            ```diff
            -image: a
            +image: b
            ```
            </details>
            """;

    @Test
    void aBodyWithVersionsDigestsCommitsAndTheRenderedDiffPasses() {
        assertThatCode(() -> LifecycleRehearsal.requirePullRequestBody(BODY, TESTED)).doesNotThrowAnyException();
    }

    @Test
    void aBodyWithoutTheTestedDigestIsRefused() {
        assertThatThrownBy(() -> LifecycleRehearsal.requirePullRequestBody(BODY.replace("`ab12cd34ef56`", "`ffffffffffff`"), TESTED))
                .isInstanceOf(CliException.class).hasMessageContaining("catalog 1.1.0-rc.2 ab12cd34ef56");
    }

    @Test
    void aBodyWithoutTheRenderedDiffIsRefused() {
        assertThatThrownBy(() -> LifecycleRehearsal.requirePullRequestBody(BODY.substring(0, BODY.indexOf("### Rendered")), TESTED))
                .hasMessageContaining("### Rendered manifests of prod").hasMessageContaining("```diff");
    }
}
