package dev.shop.repochecks.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the documentation true: every relative link in a Markdown file, and every repository path
 * written in backticks (`ops/bin/gitops`, `gitops-envs/envs/prod/`), must exist.
 */
class DocumentedPathsTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_PATH = Pattern.compile(
            "`((?:\\./)?(?:app|ops|gitops-envs|infra-terraform|docs|\\.github|\\.ci)/[A-Za-z0-9_./-]+)`");

    @Test
    void everyRelativeLinkInTheDocumentationPointsAtAFileThatExists() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path markdown : markdownFiles()) {
            Matcher link = LINK.matcher(Files.readString(markdown));
            while (link.find()) {
                String target = link.group(1).replaceFirst("#.*$", "");
                if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
                    continue;
                }
                if (!Files.exists(markdown.getParent().resolve(target))) {
                    broken.add(ROOT.relativize(markdown) + " -> " + link.group(1));
                }
            }
        }
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    @Test
    void everyRepositoryPathWrittenInBackticksExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path markdown : markdownFiles()) {
            Matcher path = CODE_PATH.matcher(Files.readString(markdown));
            while (path.find()) {
                String written = path.group(1);
                // build output appears only after a build
                if (written.contains("/target/") || written.endsWith("/target")) {
                    continue;
                }
                if (!Files.exists(ROOT.resolve(written))) {
                    missing.add(ROOT.relativize(markdown) + " -> " + written);
                }
            }
        }
        assertThat(missing).as("paths named in the documentation that do not exist").isEmpty();
    }

    @Test
    void theCheckFindsABrokenLink(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.md");
        Files.writeString(page, "See [the guide](missing.md) and [the web](https://example.com).");
        Matcher link = LINK.matcher(Files.readString(page));
        List<String> targets = new ArrayList<>();
        while (link.find()) {
            targets.add(link.group(1));
        }
        assertThat(targets).containsExactly("missing.md", "https://example.com");
        assertThat(Files.exists(dir.resolve("missing.md"))).isFalse();
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> {
                        String relative = ROOT.relativize(file).toString();
                        return !relative.contains("node_modules") && !relative.contains("/target/")
                                && !relative.startsWith(".git/") && !relative.startsWith(".local/");
                    })
                    .sorted()
                    .toList();
        }
    }
}
