package dev.shop.repochecks.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.shop.gitops.verify.StrictValidator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The psql pod of docs/infra.md step 3 (infra-terraform/kubernetes/db-admin.yaml) would be
 * admitted: it meets the restricted Pod Security Standard its namespace enforces, and nothing
 * Argo CD applies puts a NetworkPolicy (default deny) into that namespace.
 */
class DbAdminPodTest {

    private static final Path MANIFEST = RepoPaths.infraTerraform().resolve("kubernetes/db-admin.yaml");

    @Test
    void isStrictlyValidKubernetes() {
        assertThat(new StrictValidator().validateFile(MANIFEST)).isEmpty();
    }

    @Test
    void podMeetsTheRestrictedStandardItsNamespaceEnforces() throws IOException {
        List<JsonNode> objects = documents(Files.readString(MANIFEST));
        JsonNode namespace = objects.stream().filter(o -> o.path("kind").asText().equals("Namespace")).findFirst().orElseThrow();
        JsonNode pod = objects.stream().filter(o -> o.path("kind").asText().equals("Pod")).findFirst().orElseThrow();

        assertThat(namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText()).isEqualTo("restricted");
        assertThat(pod.path("metadata").path("namespace").asText()).isEqualTo(namespace.path("metadata").path("name").asText());
        assertThat(restrictedViolations(pod)).isEmpty();
    }

    @Test
    void aPodLikeTheOldKubectlRunBreaksTheRestrictedStandard() throws IOException {
        JsonNode plain = documents("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: psql
                spec:
                  containers:
                    - name: psql
                      image: postgres:17
                """).get(0);

        assertThat(restrictedViolations(plain)).containsExactlyInAnyOrder(
                "psql: runAsNonRoot is not true", "psql: allowPrivilegeEscalation is not false",
                "psql: capabilities do not drop ALL", "psql: no RuntimeDefault or Localhost seccomp profile");
    }

    @Test
    void noManifestArgoCdAppliesNamesTheNamespace() throws IOException {
        List<Path> yaml;
        try (Stream<Path> files = Stream.concat(Files.walk(RepoPaths.repoRoot().resolve("gitops-envs")), Files.walk(RepoPaths.repoRoot().resolve("ops/argocd")))) {
            yaml = files.filter(file -> file.toString().endsWith(".yaml")).toList();
        }
        assertThat(yaml).hasSizeGreaterThan(10);
        for (Path file : yaml) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern("\\bdb-admin\\b");
        }
    }

    /**
     * The restricted profile's rules that a plain pod can break (kubernetes.io/docs/concepts/security/pod-security-standards):
     * non-root, no privilege escalation, all capabilities dropped, a seccomp profile, nothing privileged or on the host.
     */
    static List<String> restrictedViolations(JsonNode pod) {
        JsonNode spec = pod.path("spec");
        JsonNode podContext = spec.path("securityContext");
        List<String> violations = new ArrayList<>();
        for (String hostField : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (spec.path(hostField).asBoolean(false)) {
                violations.add("pod: " + hostField + " is true");
            }
        }
        spec.path("volumes").forEach(volume -> {
            if (volume.has("hostPath")) {
                violations.add("pod: hostPath volume " + volume.path("name").asText());
            }
        });
        List<JsonNode> containers = new ArrayList<>();
        spec.path("initContainers").forEach(containers::add);
        spec.path("containers").forEach(containers::add);
        for (JsonNode container : containers) {
            String name = container.path("name").asText();
            JsonNode context = container.path("securityContext");
            if (!context.path("runAsNonRoot").asBoolean(podContext.path("runAsNonRoot").asBoolean(false))) {
                violations.add(name + ": runAsNonRoot is not true");
            }
            if (context.path("runAsUser").asInt(podContext.path("runAsUser").asInt(-1)) == 0) {
                violations.add(name + ": runAsUser is 0");
            }
            if (context.path("allowPrivilegeEscalation").asBoolean(true)) {
                violations.add(name + ": allowPrivilegeEscalation is not false");
            }
            if (context.path("privileged").asBoolean(false)) {
                violations.add(name + ": privileged");
            }
            List<String> dropped = TerraformTree.textValues(context.path("capabilities").path("drop"));
            JsonNode added = context.path("capabilities").path("add");
            if (!dropped.contains("ALL")) {
                violations.add(name + ": capabilities do not drop ALL");
            }
            added.forEach(capability -> {
                if (!capability.asText().equals("NET_BIND_SERVICE")) {
                    violations.add(name + ": adds capability " + capability.asText());
                }
            });
            String seccomp = context.path("seccompProfile").path("type").asText(podContext.path("seccompProfile").path("type").asText(""));
            if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                violations.add(name + ": no RuntimeDefault or Localhost seccomp profile");
            }
        }
        return violations;
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        try (MappingIterator<JsonNode> iterator = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            return iterator.readAll().stream().filter(node -> node != null && !node.isNull() && !node.isEmpty()).toList();
        }
    }
}
