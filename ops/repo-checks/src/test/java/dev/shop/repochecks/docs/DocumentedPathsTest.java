package dev.shop.repochecks.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void theRepositoryHasItsDocumentationToCheck() throws IOException {
        assertThat(markdownFiles(ROOT)).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/architecture.md"));
    }

    @Test
    void everyRelativeLinkInTheDocumentationPointsAtAFileThatExists() throws IOException {
        assertThat(brokenLinks(ROOT)).as("links to files that do not exist").isEmpty();
    }

    @Test
    void everyRepositoryPathWrittenInBackticksExists() throws IOException {
        assertThat(missingPaths(ROOT)).as("paths named in the documentation that do not exist").isEmpty();
    }

    @Test
    void theChecksFindABrokenLinkAndAMissingPathAndPassTheRest(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/present.md"), "here");
        Files.writeString(root.resolve("docs/page.md"), "See [the guide](missing.md), [this](present.md#top),"
                + " [the web](https://example.com), `docs/present.md`, `docs/absent.md` and `app/x/target/y.jar`.");

        assertThat(brokenLinks(root)).containsExactly("docs/page.md -> missing.md");
        assertThat(missingPaths(root)).containsExactly("docs/page.md -> docs/absent.md");
    }

    static List<String> brokenLinks(Path root) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path markdown : markdownFiles(root)) {
            Matcher link = LINK.matcher(Files.readString(markdown));
            while (link.find()) {
                String target = link.group(1).replaceFirst("#.*$", "");
                if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
                    continue;
                }
                if (!Files.exists(markdown.getParent().resolve(target))) {
                    broken.add(root.relativize(markdown) + " -> " + link.group(1));
                }
            }
        }
        return broken;
    }

    static List<String> missingPaths(Path root) throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path markdown : markdownFiles(root)) {
            Matcher path = CODE_PATH.matcher(Files.readString(markdown));
            while (path.find()) {
                String written = path.group(1);
                // build output appears only after a build
                if (written.contains("/target/") || written.endsWith("/target")) {
                    continue;
                }
                if (!Files.exists(root.resolve(written))) {
                    missing.add(root.relativize(markdown) + " -> " + written);
                }
            }
        }
        return missing;
    }

    /** Every Markdown file of the repository, build output and installed packages left out. */
    static List<Path> markdownFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> {
                        String relative = root.relativize(file).toString();
                        return !relative.contains("node_modules") && !relative.contains("/target/")
                                && !relative.startsWith(".git/") && !relative.startsWith(".local/");
                    })
                    .sorted()
                    .toList();
        }
    }
}
