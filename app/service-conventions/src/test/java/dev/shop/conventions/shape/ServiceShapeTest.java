package dev.shop.conventions.shape;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceShapeTest {

    /** A service is a module of app/ with a Quarkus configuration. */
    private static List<Path> serviceSourceRoots() throws IOException {
        try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            return modules.filter(module -> Files.isRegularFile(module.resolve("src/main/resources/application.properties")))
                    .map(module -> module.resolve("src/main/java"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyServiceHasOnePackagePerRole() throws IOException {
        List<Path> services = serviceSourceRoots();

        assertThat(services).extracting(root -> root.getParent().getParent().getParent().getFileName().toString())
                .contains("catalog", "orders", "storefront");
        services.forEach(root -> assertThat(ServiceShape.violations(root)).as("violations in %s", root).isEmpty());
    }

    @Test
    void aClassInTheWrongRolePackageIsRejected() {
        List<String> violations = ServiceShape.violations(Path.of("src/test/resources/shape/broken/src/main/java"));

        assertThat(violations).containsExactly(
                "broken/model/BasketRepository.java: a Panache repository belongs in [repository]",
                "broken/rest/StockLevel.java: an @Entity belongs in [model]",
                "broken/service/PaymentService.java: service/ uses jakarta.ws.rs.*; HTTP belongs at the edge"
                        + " (rest/, web/, client/)",
                "broken/service/PaymentService.java: service/ uses dev.shop.conventions.problem.*; HTTP belongs at"
                        + " the edge (rest/, web/, client/)",
                "broken/service/PricesClient.java: a REST client belongs in [client]",
                "broken/service/PricesClient.java: service/ uses org.eclipse.microprofile.rest.client.*; HTTP belongs"
                        + " at the edge (rest/, web/, client/)",
                "broken/util/Helpers.java: not in a role package "
                        + "[client, config, model, repository, rest, security, service, web]");
    }

    @Test
    void aServiceThatFollowsTheShapeHasNoViolations() {
        assertThat(ServiceShape.violations(Path.of("src/test/resources/shape/good/src/main/java"))).isEmpty();
    }
}
