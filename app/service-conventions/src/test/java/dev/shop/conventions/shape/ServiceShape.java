package dev.shop.conventions.shape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one service shape (docs/architecture.md, "Packages by role"), checked on a service's sources: every class
 * sits in a package named for its role directly under {@code dev.shop.<service>}, and each role holds what it
 * says. It reads sources, not classes, so one test covers every service without depending on them (this library
 * builds before the services; decision 0506).
 */
final class ServiceShape {

    static final Set<String> ROLES = Set.of("rest", "web", "service", "repository", "model", "client", "config",
            "security");

    /** What business logic must not know: HTTP, its problem+json rendering, and REST clients. */
    private static final List<String> EDGE_TYPES = List.of("jakarta.ws.rs.", "org.jboss.resteasy.",
            "io.vertx.core.http.", "dev.shop.conventions.problem.", "org.eclipse.microprofile.rest.client.");

    /** A class whose source matches {@code marker} (and not {@code unless}) belongs in one of {@code allowedRoles}. */
    private record Rule(Pattern marker, Pattern unless, Set<String> allowedRoles, String what) {
        Rule(String marker, Set<String> allowedRoles, String what) {
            this(marker, "(?!)", allowedRoles, what);
        }

        Rule(String marker, String unless, Set<String> allowedRoles, String what) {
            this(Pattern.compile(marker, Pattern.MULTILINE), Pattern.compile(unless, Pattern.MULTILINE), allowedRoles,
                    what);
        }

        boolean applies(String source) {
            return marker.matcher(source).find() && !unless.matcher(source).find();
        }
    }

    private static final List<Rule> PLACES = List.of(
            new Rule("^@Entity\\b", Set.of("model"), "an @Entity"),
            new Rule("\\bPanacheRepository(Base)?<", Set.of("repository"), "a Panache repository"),
            new Rule("^@RegisterRestClient\\b|@RestClient\\b", Set.of("client"), "a REST client"),
            new Rule("^@ConfigMapping\\b", Set.of("config"), "a @ConfigMapping"),
            new Rule("@ServerExceptionMapper\\b|^@Path\\b", "^@RegisterRestClient\\b", Set.of("rest", "web"),
                    "a resource or exception mapper"));

    private ServiceShape() {
    }

    /** The violations in one module's {@code src/main/java}, one line each; empty when it follows the shape. */
    static List<String> violations(Path sourceRoot) {
        Path services = sourceRoot.resolve("dev/shop");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(services)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(violationsOf(services.relativize(file), Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** {@code file}: relative to {@code dev/shop}, for example {@code catalog/service/ProductService.java}. */
    private static List<String> violationsOf(Path file, String source) {
        String where = file.toString().replace('\\', '/');
        if (file.getNameCount() < 3 || !ROLES.contains(file.getName(1).toString())) {
            return List.of(where + ": not in a role package " + ROLES.stream().sorted().toList());
        }
        String role = file.getName(1).toString();
        List<String> found = new ArrayList<>();
        for (Rule rule : PLACES) {
            if (rule.applies(source) && !rule.allowedRoles().contains(role)) {
                found.add(where + ": " + rule.what() + " belongs in " + rule.allowedRoles().stream().sorted().toList());
            }
        }
        if (role.equals("service")) {
            EDGE_TYPES.stream().filter(source::contains).forEach(type ->
                    found.add(where + ": service/ uses " + type + "*; HTTP belongs at the edge (rest/, web/, client/)"));
        }
        return found;
    }
}
