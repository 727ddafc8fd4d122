package dev.shop.pipeline.affected;

import dev.shop.pipeline.PipelineCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** `pipeline affected` on a real git repository shaped like ours: a shared library, two services, a tool. */
class AffectedCommandTest {

    @TempDir
    Path repo;
    private String base;

    @BeforeEach
    void createRepository() throws Exception {
        write("pom.xml", "<project><modules><module>app/local-stack</module><module>app/catalog</module>"
                + "<module>app/orders</module><module>ops/gitops</module><module>ops/repo-checks</module></modules></project>");
        write(".mvn/wrapper/maven-wrapper.properties", "distributionUrl=maven-3.9.11\n");
        write("app/local-stack/pom.xml", pom("local-stack", ""));
        write("app/catalog/pom.xml", pom("catalog", dependency("dev.shop", "local-stack") + dependency("io.quarkus", "quarkus-container-image-jib")));
        write("app/orders/pom.xml", pom("orders", dependency("dev.shop", "local-stack") + dependency("io.quarkus", "quarkus-container-image-jib")));
        write("ops/gitops/pom.xml", pom("gitops", ""));
        write("ops/repo-checks/pom.xml", pom("repo-checks", dependency("dev.shop", "gitops")));
        write("app/catalog/src/main/java/Catalog.java", "class Catalog {}\n");
        write("gitops-envs/envs/dev/kustomization.yaml", "images: []\n");
        git("init", "--quiet", "--initial-branch=develop");
        git("add", "--all");
        git("commit", "--quiet", "-m", "initial");
        base = git("rev-parse", "HEAD").strip();
    }

    @Test
    void aChangeInsideAServiceAffectsThatServiceOnly() throws Exception {
        commit("app/catalog/src/main/java/Catalog.java", "class Catalog { int stock; }\n");
        assertThat(affected("--base", base)).containsExactly("modules=app/catalog", "services=catalog", "image-modules=app/catalog");
    }

    @Test
    void aChangeToTheSharedLibraryAffectsEveryServiceUsingIt() throws Exception {
        commit("app/local-stack/src/main/java/LocalPostgres.java", "class LocalPostgres {}\n");
        assertThat(affected("--base", base))
                .containsExactly("modules=app/local-stack,app/catalog,app/orders", "services=catalog,orders",
                        "image-modules=app/catalog,app/orders");
    }

    /** Our real shape: a run-time library (compile scope, versioned by a property) under three services and the system tests. */
    @Test
    void aChangeToTheConventionsLibraryAffectsEveryServiceUsingItAndWhatTestsThem() throws Exception {
        write("pom.xml", "<project><modules><module>app/local-stack</module><module>app/service-conventions</module>"
                + "<module>app/catalog</module><module>app/orders</module><module>app/storefront</module>"
                + "<module>app/system-tests</module><module>ops/gitops</module></modules></project>");
        write("app/service-conventions/pom.xml", pom("service-conventions", dependency("io.quarkus", "quarkus-rest-jackson")));
        String service = "<dependency><groupId>dev.shop</groupId><artifactId>service-conventions</artifactId>"
                + "<version>${service-conventions.version}</version></dependency>"
                + "<dependency><groupId>dev.shop</groupId><artifactId>local-stack</artifactId><scope>test</scope></dependency>"
                + dependency("io.quarkus", "quarkus-container-image-jib");
        write("app/catalog/pom.xml", pom("catalog", service));
        write("app/orders/pom.xml", pom("orders", service));
        write("app/storefront/pom.xml", pom("storefront", service));
        write("app/system-tests/pom.xml", pom("system-tests", dependency("dev.shop", "catalog")
                + dependency("dev.shop", "orders") + dependency("dev.shop", "storefront")));
        git("add", "--all");
        git("commit", "--quiet", "-m", "conventions library");
        String withLibrary = git("rev-parse", "HEAD").strip();

        commit("app/service-conventions/src/main/java/ProblemMappers.java", "class ProblemMappers {}\n");
        assertThat(affected("--base", withLibrary)).containsExactly(
                "modules=app/service-conventions,app/catalog,app/orders,app/storefront,app/system-tests",
                "services=catalog,orders,storefront", "image-modules=app/catalog,app/orders,app/storefront");

        String afterLibrary = git("rev-parse", "HEAD").strip();
        commit("app/orders/src/main/java/Orders.java", "class Orders {}\n");
        assertThat(affected("--base", afterLibrary)).containsExactly(
                "modules=app/orders,app/system-tests", "services=orders", "image-modules=app/orders");
    }

    @Test
    void aSharedBuildFileAffectsEverything() throws Exception {
        commit(".mvn/wrapper/maven-wrapper.properties", "distributionUrl=maven-3.9.12\n");
        assertThat(affected("--base", base)).containsExactly(
                "modules=app/local-stack,app/catalog,app/orders,ops/gitops,ops/repo-checks", "services=catalog,orders",
                "image-modules=app/catalog,app/orders");
    }

    @Test
    void overlaysAndWorkflowsAffectOnlyTheModulesThatCheckThem() throws Exception {
        commit("gitops-envs/envs/dev/kustomization.yaml", "images: [{name: catalog}]\n");
        assertThat(affected("--base", base)).containsExactly("modules=ops/gitops,ops/repo-checks", "services=", "image-modules=");
        String afterOverlay = git("rev-parse", "HEAD").strip();
        commit(".github/workflows/develop.yml", "on: push\n");
        assertThat(affected("--base", afterOverlay)).containsExactly("modules=ops/repo-checks", "services=", "image-modules=");
    }

    @Test
    void anUnknownOrEmptyBaseMeansEverything() throws Exception {
        String all = "modules=app/local-stack,app/catalog,app/orders,ops/gitops,ops/repo-checks";
        assertThat(affected("--base", "0000000000000000000000000000000000000000")).first().isEqualTo(all);
        assertThat(affected("--base", "1234567890abcdef1234567890abcdef12345678")).first().isEqualTo(all);
        assertThat(affected("--base", base, "--all=true")).first().isEqualTo(all);
        assertThat(affected("--base", base, "--all=false")).containsExactly("modules=", "services=", "image-modules=");
    }

    @Test
    void aModuleListedWithoutAPomIsAUsageError() throws Exception {
        write("pom.xml", "<project><modules><module>app/payments</module></modules></project>");
        assertThat(PipelineCli.commandLine().execute("affected", "--repo", repo.toString(), "--base", base)).isEqualTo(2);
    }

    private List<String> affected(String... args) throws IOException {
        Path output = Files.createTempFile(repo.getParent(), "github-output", ".txt");
        String[] full = new String[args.length + 4];
        System.arraycopy(args, 0, full, 1, args.length);
        full[0] = "affected";
        full[args.length + 1] = "--repo";
        full[args.length + 2] = repo.toString();
        full[args.length + 3] = "--github-output=" + output;
        assertThat(PipelineCli.commandLine().execute(full)).isZero();
        List<String> lines = Files.readAllLines(output);
        Files.delete(output);
        return lines;
    }

    private void commit(String path, String content) throws Exception {
        write(path, content);
        git("add", "--all");
        git("commit", "--quiet", "-m", "change " + path);
    }

    private void write(String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private String git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private static String pom(String artifactId, String dependencies) {
        return "<project><groupId>dev.shop</groupId><artifactId>" + artifactId + "</artifactId><dependencies>"
                + dependencies + "</dependencies></project>";
    }

    private static String dependency(String groupId, String artifactId) {
        return "<dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId + "</artifactId></dependency>";
    }
}
