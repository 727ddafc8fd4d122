package dev.shop.pipeline.rehearsal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each persona's walkthrough in docs/rehearsal.md names the lifecycle stages that play it, and every
 * pipeline command it shows is one those stages run the same way.
 */
class DocumentedWalkthroughsTest {

    private static final Path REPO = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern STAGE = Pattern.compile("stage `([^`]+)`");
    private static final Pattern CODE = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyWalkthroughNamesItsStagesAndShowsOnlyCommandsTheyRun() throws IOException {
        String doc = Files.readString(REPO.resolve("docs/rehearsal.md"));

        assertThat(findings(doc)).isEmpty();
        assertThat(walkthroughs(doc)).extracting(section -> section.lines().findFirst().orElse(""))
                .anySatisfy(heading -> assertThat(heading).startsWith("Developer"))
                .anySatisfy(heading -> assertThat(heading).startsWith("Release manager"))
                .anySatisfy(heading -> assertThat(heading).startsWith("Ops"))
                .anySatisfy(heading -> assertThat(heading).startsWith("Dashboard viewer"));
    }

    @Test
    void aCommandNoStageRunsAndAStageThatDoesNotExistAreReported() {
        String doc = """
                ## Walkthroughs

                ### Ops: rolling out

                Played by stage `ops merge the prod PR: prod runs it`.

                ```bash
                ops/bin/gitops promote --from staging --to prod
                java -jar ops/pipeline/target/pipeline.jar wait-deployed --app shop-prod
                ```

                ### Developer: a preview

                Played by stage `preview environment`.

                ```bash
                ops/bin/gitops verify
                ```
                """;

        assertThat(findings(doc)).containsExactly(
                "Ops: rolling out: gitops promote is not run by its stages [ops merge the prod PR: prod runs it]",
                "Developer: a preview: no stage preview environment in the lifecycle",
                "Developer: a preview: gitops verify is not run by its stages [preview environment]");
    }

    @Test
    void aWalkthroughThatNamesNoStageIsReported() {
        assertThat(findings("## Walkthroughs\n\n### Ops: by hand\n\n```\nops/bin/gitops status\n```\n"))
                .contains("Ops: by hand: names no rehearsal stage");
    }

    static List<String> findings(String doc) {
        List<String> findings = new ArrayList<>();
        for (String section : walkthroughs(doc)) {
            String title = section.lines().findFirst().orElse("").strip();
            List<String> stages = new ArrayList<>();
            Matcher stage = STAGE.matcher(section);
            while (stage.find()) {
                stages.add(stage.group(1));
            }
            if (stages.isEmpty()) {
                findings.add(title + ": names no rehearsal stage");
            }
            List<String> runs = new ArrayList<>();
            for (String name : stages) {
                LifecyclePlan.STAGES.stream().filter(planned -> planned.name().equals(name)).findFirst().ifPresentOrElse(
                        planned -> planned.steps().stream().filter(step -> step.how() == LifecyclePlan.How.SAME)
                                .forEach(step -> runs.add(step.command())),
                        () -> findings.add(title + ": no stage " + name + " in the lifecycle"));
            }
            Matcher code = CODE.matcher(section);
            while (code.find()) {
                String script = code.group(1).lines().filter(line -> !line.strip().startsWith("#"))
                        .reduce("", (text, line) -> text + line + "\n");
                WorkflowSteps.commands(script).stream().filter(command -> !runs.contains(command))
                        .forEach(command -> findings.add(title + ": " + command + " is not run by its stages " + stages));
            }
        }
        return findings;
    }

    /** The ### sections under ## Walkthroughs, each starting with its heading text. */
    static List<String> walkthroughs(String doc) {
        int start = doc.indexOf("## Walkthroughs");
        if (start < 0) {
            return List.of();
        }
        String rest = doc.substring(start + "## Walkthroughs".length());
        int end = rest.indexOf("\n## ");
        String part = end < 0 ? rest : rest.substring(0, end);
        List<String> sections = new ArrayList<>(List.of(part.split("\n### ")));
        sections.remove(0);
        return sections;
    }
}
