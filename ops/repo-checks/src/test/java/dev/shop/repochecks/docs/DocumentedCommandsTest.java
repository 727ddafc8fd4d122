package dev.shop.repochecks.docs;

import dev.shop.gitops.GitopsCli;
import dev.shop.pipeline.PipelineCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the documentation's commands real: every {@code gitops <verb>} and {@code pipeline <verb>} written as code
 * (in backticks or a fenced block) in the README and docs/ must be a verb the CLI has today. A renamed verb (the
 * README still said {@code pipeline wait-argocd} after it became {@code wait-deployed}) fails here. Decision
 * records are history and keep the names of their time.
 */
class DocumentedCommandsTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern FENCED = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("`([^`\\n]+)`");
    /** The CLI as the docs call it: the script, the jar, or the bare name at the start of a command. */
    private static final Pattern CALL = Pattern.compile(
            "(?:^|[\\s(;&|])(?:ops/bin/)?(?:java -jar \\S*/)?(gitops|pipeline)(?:\\.jar)? +([a-z][a-z-]*)");

    @Test
    void everyDocumentedVerbIsOneTheCliHas() throws IOException {
        assertThat(documentFiles(ROOT)).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/rehearsal.md"));
        assertThat(unknownVerbs(ROOT)).as("commands in the docs that the CLIs do not have").isEmpty();
    }

    @Test
    void aRenamedVerbIsReportedAndTheRestPass(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs/decisions"));
        Files.writeString(root.resolve("README.md"), """
                The gate runs `pipeline wait-argocd`, then `ops/bin/gitops promote --from dev --to staging`.

                ```bash
                java -jar ops/pipeline/target/pipeline.jar wait-deployed --app shop-staging
                ops/bin/gitops rollout --env prod   # the pipeline waits here
                ```
                """);
        Files.writeString(root.resolve("docs/decisions/0001-old.md"), "We used `pipeline wait-argocd` then.");

        assertThat(unknownVerbs(root)).containsExactlyInAnyOrder(
                "README.md: pipeline wait-argocd", "README.md: gitops rollout");
    }

    static List<String> unknownVerbs(Path root) throws IOException {
        Map<String, Set<String>> verbs = Map.of(
                "gitops", new CommandLine(new GitopsCli()).getSubcommands().keySet(),
                "pipeline", PipelineCli.commandLine().getSubcommands().keySet());
        List<String> unknown = new ArrayList<>();
        for (Path document : documentFiles(root)) {
            for (String code : codeIn(Files.readString(document))) {
                Matcher call = CALL.matcher(code);
                while (call.find()) {
                    if (!verbs.get(call.group(1)).contains(call.group(2))) {
                        unknown.add(root.relativize(document) + ": " + call.group(1) + " " + call.group(2));
                    }
                }
            }
        }
        return unknown;
    }

    /** Inline code spans and the lines of fenced blocks, without shell comments (prose after '#'). */
    private static List<String> codeIn(String markdown) {
        List<String> code = new ArrayList<>();
        Matcher fenced = FENCED.matcher(markdown);
        StringBuilder outside = new StringBuilder();
        int last = 0;
        while (fenced.find()) {
            outside.append(markdown, last, fenced.start());
            fenced.group(1).lines().map(line -> line.replaceFirst("\\s#.*$", "")).forEach(code::add);
            last = fenced.end();
        }
        outside.append(markdown.substring(last));
        Matcher inline = INLINE.matcher(outside);
        while (inline.find()) {
            code.add(inline.group(1));
        }
        return code;
    }

    /** README and docs/ (decision records are history), and the ops/ modules' own READMEs. */
    private static List<Path> documentFiles(Path root) throws IOException {
        return DocumentedPathsTest.markdownFiles(root).stream()
                .filter(file -> {
                    String relative = root.relativize(file).toString();
                    return (relative.equals("README.md") || relative.startsWith("docs/") || relative.startsWith("ops/"))
                            && !relative.startsWith("docs/decisions/");
                })
                .toList();
    }
}
