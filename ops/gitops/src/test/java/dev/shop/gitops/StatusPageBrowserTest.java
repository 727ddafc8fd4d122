package dev.shop.gitops;

import dev.shop.gitops.support.Cli;
import dev.shop.gitops.support.GitRepos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.shop.gitops.support.GitRepos.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * gitops status --html as a person sees it: the page rendered by headless Chromium, its DOM read back
 * from the browser, a screenshot kept in target/status-page/ for a human to look at.
 */
class StatusPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target/status-page").toAbsolutePath();
    private static final String DIGEST_8 = "sha256:" + "a8".repeat(32);
    private static final String DIGEST_9 = "sha256:" + "a9".repeat(32);

    @TempDir
    Path temp;

    @Test
    void theEnvMatrixShowsVersionDigestSourceWhenAndByWhichCommitAndTheLastDeployments() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no browser: " + CHROMIUM + " is needed (ops/bin/install-test-deps installs Debian's chromium)");
        GitRepos repos = GitRepos.seeded(temp, GitRepos.FIXTURES.resolve("gitops-envs"));
        Path clone = repos.clone("ops");
        String source = git(clone, "rev-parse", "HEAD").strip();
        setImage(clone, "dev", "1.3.0-alpha.8", DIGEST_8, source);
        setImage(clone, "dev", "1.3.0-alpha.9", DIGEST_9, source);
        Cli.Run hold = Cli.run("hold", "--repo", clone.toString(), "--env", "prod", "--service", "orders", "--reason", "incident 42", "--direct");
        assertThat(hold.exitCode()).as(hold.toString()).isZero();
        git(clone, "pull", "--quiet", "origin", "main");
        String deployCommit = git(clone, "log", "-1", "--format=%H", "--grep", "1.3.0-alpha.9").strip();
        Files.createDirectories(OUT);
        Path page = OUT.resolve("status.html");

        Cli.Run status = Cli.run("status", "--root", clone.resolve("gitops-envs").toString(), "--html", page.toString(), "--recent", "3");
        assertThat(status.exitCode()).as(status.toString()).isZero();

        String dom = chromium("--dump-dom", page.toUri().toString());
        Path screenshot = OUT.resolve("status.png");
        Files.deleteIfExists(screenshot);
        chromium("--screenshot=" + screenshot, page.toUri().toString());

        String catalogRow = row(dom, "catalog");
        assertThat(cells(catalogRow)).hasSize(3);
        String devCatalog = cells(catalogRow).get(0);
        assertThat(devCatalog).contains("1.3.0-alpha.9", "sha256:a9a9a9a9a9a9", "built from " + source.substring(0, 12),
                "by " + deployCommit.substring(0, 12)).containsPattern("deployed \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
        assertThat(catalogRow).as("dev differs from staging and prod").contains("class=\"drift\"");
        assertThat(cells(row(dom, "orders")).get(2)).contains("1.1.0", "held since");
        assertThat(cells(row(dom, "shared manifests"))).allSatisfy(cell -> assertThat(cell).contains("base from "));

        String devHistory = between(dom, "data-env=\"dev\"", "</table>");
        assertThat(devHistory.split("<tr>", -1)).as("header and the three most recent deployments").hasSize(5);
        assertThat(devHistory).contains("1.3.0-alpha.9", "1.3.0-alpha.8", "deploy(dev): catalog 1.3.0-alpha.8 -&gt; 1.3.0-alpha.9");

        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("screenshot at " + screenshot).isNotNull();
        assertThat(distinctColours(image)).as("a rendered page, not a blank one").isGreaterThan(20);
    }

    private static void setImage(Path clone, String env, String tag, String digest, String source) {
        Cli.Run run = Cli.run("set-image", "--repo", clone.toString(), "--env", env, "--service", "catalog", "--digest", digest,
                "--tag", tag, "--source-commit", source, "--source-repo", clone.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private String chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory(temp, "profile")));
        command.addAll(List.of(args));
        Path stdout = temp.resolve("chromium.out");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(temp.resolve("chromium.err").toFile()).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(temp.resolve("chromium.err"))).isZero();
        return Files.readString(stdout);
    }

    /** The matrix row whose header cell is the given text. */
    private static String row(String dom, String header) {
        Matcher m = Pattern.compile("<tr><th>" + Pattern.quote(header) + "</th>(.*?)</tr>", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("row " + header).isTrue();
        return m.group(1);
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row);
        while (m.find()) {
            cells.add(m.group(0));
        }
        return cells;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return text.substring(from, text.indexOf(end, from));
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
