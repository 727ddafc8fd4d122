package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Pod Identity associations Terraform makes name the namespace and service account under
 * which ops/argocd installs the controller: a different name leaves the controller without AWS
 * credentials (cert-manager cannot solve DNS-01, External Secrets cannot read).
 */
class PodIdentityNamesTest {

    private static final Path PLATFORM = RepoPaths.repoRoot().resolve("ops/argocd/platform");

    private static TerraformTree tree;

    @BeforeAll
    static void parseInfraTerraform() {
        tree = TerraformTree.load(RepoPaths.infraTerraform(), HclParser.forRepository());
    }

    /** Where Terraform's association points, as (namespace, service account). */
    private record Workload(String namespace, String serviceAccount) {
    }

    @Test
    void certManagerAssociationMatchesThePlatformApplication() throws IOException {
        JsonNode workload = tree.folder(RepoPaths.infraTerraform().resolve("modules/cluster")).orElseThrow()
                .locals().get("pod_identity_workloads").path("cert_manager");
        Workload terraform = new Workload(workload.path("namespace").asText(), workload.path("service_account").asText());

        assertThat(mismatches("cert-manager", terraform)).isEmpty();
    }

    @Test
    void externalSecretsAssociationMatchesThePlatformApplication() throws IOException {
        var variables = tree.folder(RepoPaths.infraTerraform().resolve("modules/secrets")).orElseThrow().blocks("variable");
        Workload terraform = new Workload(variables.get("external_secrets_namespace").path("default").asText(),
                variables.get("external_secrets_service_account").path("default").asText());

        assertThat(mismatches("external-secrets", terraform)).isEmpty();
    }

    @Test
    void aServiceAccountNameThatTheChartDoesNotUseIsReported() throws IOException {
        assertThat(mismatches("cert-manager", new Workload("cert-manager", "cert-manager-controller")))
                .containsExactly("cert-manager: Terraform associates service account cert-manager-controller, the chart runs cert-manager");
    }

    /**
     * The Application's destination namespace, and the service account the chart creates: its
     * values' serviceAccount.name, else the release name (both charts name it after the release).
     */
    private static List<String> mismatches(String app, Workload terraform) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode application = yaml.readTree(PLATFORM.resolve("apps/" + app + ".yaml").toFile());
        Path valuesFile = PLATFORM.resolve("values/" + app + ".yaml");
        JsonNode values = Files.exists(valuesFile) ? yaml.readTree(valuesFile.toFile()) : MissingNode.getInstance();
        String releaseName = "";
        for (JsonNode source : application.path("spec").path("sources")) {
            releaseName = source.path("helm").path("releaseName").asText(releaseName);
        }
        String namespace = application.path("spec").path("destination").path("namespace").asText();
        String serviceAccount = values.path("serviceAccount").path("name").asText(releaseName);

        List<String> mismatches = new ArrayList<>();
        if (!namespace.equals(terraform.namespace())) {
            mismatches.add(app + ": Terraform associates namespace " + terraform.namespace() + ", the Application installs into " + namespace);
        }
        if (!serviceAccount.equals(terraform.serviceAccount())) {
            mismatches.add(app + ": Terraform associates service account " + terraform.serviceAccount() + ", the chart runs " + serviceAccount);
        }
        return mismatches;
    }
}
