package dev.shop.repochecks.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shop.gitops.support.GitRepos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public Ingress (gitops-envs/components/public-ingress) lists the storefront's paths one by one, so
 * that Quarkus' /q/* stays inside the cluster. It must list exactly what the storefront serves: its
 * JAX-RS resources' first path segments and its static folders; a page added without an Ingress path
 * would answer 404 on the internet.
 */
class PublicIngressTest {

    private static final Path STOREFRONT = Repo.ROOT.resolve("app/storefront/src/main");
    private static final Pattern CLASS_PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)\\s*(?:@[A-Za-z]+(?:\\([^)]*\\))?\\s*)*public\\s+(?:final\\s+)?class");
    private static final Pattern METHOD_PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");

    @Test
    void theIngressRoutesExactlyWhatTheStorefrontServesAndNothingUnderQ() {
        for (String env : Repo.envFolders()) {
            Set<String> routed = new TreeSet<>();
            for (JsonNode ingress : Repo.ofKind(Repo.render(Repo.ENVS.resolve(env)), "Ingress")) {
                for (JsonNode path : ingress.path("spec").path("rules").get(0).path("http").path("paths")) {
                    routed.add(path.path("path").asText() + " " + path.path("pathType").asText());
                }
            }
            assertThat(routed).as(env).isEqualTo(served(STOREFRONT));
        }
    }

    @Test
    void aPageTheIngressDoesNotListIsNoticed(@TempDir Path source) throws IOException {
        GitRepos.copyTree(STOREFRONT, source);
        Files.writeString(source.resolve("java/WishlistResource.java"), """
                @Path("/wishlist")
                @Produces(MediaType.TEXT_HTML)
                public class WishlistResource {
                }
                """);

        assertThat(served(source)).contains("/wishlist Prefix").containsAll(served(STOREFRONT));
    }

    /** "/ Exact" for the front page, "/<segment> Prefix" for every other first segment and static folder. */
    static Set<String> served(Path main) {
        Set<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.walk(main.resolve("java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                if (code.contains("@RegisterRestClient")) {
                    continue;
                }
                Matcher resource = CLASS_PATH.matcher(code);
                if (!resource.find()) {
                    continue;
                }
                String root = resource.group(1).replaceAll("^/|/$", "");
                if (!root.isEmpty()) {
                    paths.add("/" + root.split("/")[0] + " Prefix");
                    continue;
                }
                paths.add("/ Exact");
                Matcher method = METHOD_PATH.matcher(code.substring(resource.end()));
                while (method.find()) {
                    paths.add("/" + method.group(1).replaceAll("^/", "").split("/")[0] + " Prefix");
                }
            }
            Path statics = main.resolve("resources/META-INF/resources");
            if (Files.isDirectory(statics)) {
                try (Stream<Path> folders = Files.list(statics)) {
                    folders.filter(Files::isDirectory).forEach(f -> paths.add("/" + f.getFileName() + " Prefix"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }
}
