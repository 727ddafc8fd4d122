package dev.shop.repochecks.supplychain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.shop.gitops.verify.StrictValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission policy (ops/argocd/platform/admission/policies/shop-images.yaml) against what it
 * protects: its namespace scope is the shop's namespaces, its registry the overlays' registry, and
 * the identity it trusts the workflow that signs, run from the branches that call it.
 */
class ShopAdmissionPolicyTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "../..")).toAbsolutePath().normalize();
    private static final Path ADMISSION = ROOT.resolve("ops/argocd/platform/admission");
    private static final Path POLICY = ADMISSION.resolve("policies/shop-images.yaml");
    private static final String SIGN_ACTION = "./.github/actions/sign-images";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void thePolicyHoldsAgainstTheOverlaysAndTheWorkflows() {
        AdmissionPolicyRules.Facts facts = facts();

        assertThat(facts.namespaces()).containsExactlyInAnyOrder("shop-dev", "shop-staging", "shop-prod");
        assertThat(facts.identity().workflowPath()).isEqualTo(".github/workflows/deliver.yml");
        assertThat(facts.identity().branchGlobs()).containsExactlyInAnyOrder("develop", "release/**", "hotfix/**");
        assertThat(AdmissionPolicyRules.check(yaml(read(POLICY)), facts)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            prod left out     ; - shop-prod                     ; - shop-qa                 ; the shop runs in [shop-dev, shop-prod, shop-staging]
            audit only        ; failureAction: Enforce          ; failureAction: Audit      ; failureAction is not Enforce
            any registry      ; /shop/*@sha256:*                ; /*                        ; containers image pattern is not
            tags allowed      ; *@sha256:*"                     ; *"                        ; image pattern is not
            any branch        ; (develop|release/.+|hotfix/.+)$ ; .+$                       ; also trusts https://github.com/example-org/shop/.github/workflows/deliver.yml@refs/heads/feature/x
            release left out  ; (develop|release/.+|hotfix/.+)  ; (develop|hotfix/.+)       ; refuses https://github.com/example-org/shop/.github/workflows/deliver.yml@refs/heads/release/1.4/x
            unanchored        ; subjectRegExp: ^https           ; subjectRegExp: https      ; not anchored
            another workflow  ; deliver\\.yml                   ; [a-z-]+\\.yml             ; also trusts https://github.com/example-org/shop/.github/workflows/pull-request.yml
            fails open        ; failurePolicy: Fail             ; failurePolicy: Ignore     ; failurePolicy is not Fail
            digest rewritten  ; mutateDigest: false             ; mutateDigest: true        ; not mutate it
            """)
    void aBrokenPolicyIsRejected(String what, String from, String to, String finding) {
        String text = read(POLICY);
        String broken = text.replace(from, to);
        assertThat(broken).as("the fixture changes the policy").isNotEqualTo(text);

        assertThat(AdmissionPolicyRules.check(yaml(broken), facts())).anySatisfy(f -> assertThat(f).contains(finding));
    }

    @Test
    void thePolicyIsStrictlyValidKyvernoAndSyncsAfterKyvernoItself() {
        assertThat(new StrictValidator().validateFile(POLICY)).isEmpty();
        JsonNode kyverno = yaml(read(ADMISSION.resolve("kyverno.yaml")));
        JsonNode policies = yaml(read(ADMISSION.resolve("admission-policies.yaml")));
        assertThat(kyverno.path("spec").path("sources").path(0).path("chart").asText()).isEqualTo("kyverno");
        assertThat(kyverno.path("spec").path("sources").path(0).path("targetRevision").asText()).isEqualTo("3.9.0");
        assertThat(policies.path("spec").path("source").path("path").asText())
                .isEqualTo(ROOT.relativize(POLICY.getParent()).toString());
        assertThat(wave(policies)).as("the policy needs Kyverno's CRD: a later sync wave").isGreaterThan(wave(kyverno));
        assertThat(read(ROOT.resolve("ops/argocd/platform/kustomization.yaml"))).contains("  - admission\n");
    }

    @Test
    void theSigningJobHoldsTheTokensSigningAndAttestingNeed() {
        List<String> jobs = new ArrayList<>();
        for (Map.Entry<Path, JsonNode> workflow : workflows().entrySet()) {
            workflow.getValue().path("jobs").fields().forEachRemaining(job -> {
                if (usesSignAction(job.getValue())) {
                    JsonNode permissions = job.getValue().path("permissions");
                    jobs.add(workflow.getKey().getFileName() + " " + job.getKey() + " id-token=" + permissions.path("id-token").asText()
                            + " attestations=" + permissions.path("attestations").asText());
                }
            });
        }
        assertThat(jobs).containsExactly("deliver.yml publish id-token=write attestations=write");
    }

    /** The facts as the repository states them today. */
    static AdmissionPolicyRules.Facts facts() {
        Set<String> namespaces = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> envs = Files.list(ROOT.resolve("gitops-envs/envs"))) {
            for (Path env : envs.filter(Files::isDirectory).toList()) {
                JsonNode kustomization = yaml(read(env.resolve("kustomization.yaml")));
                namespaces.add(kustomization.path("namespace").asText());
                kustomization.path("images").forEach(image -> {
                    String name = image.path("newName").asText();
                    prefixes.add(name.substring(0, name.lastIndexOf('/')));
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(prefixes).as("one registry and prefix for every service in every env").hasSize(1);
        return new AdmissionPolicyRules.Facts(namespaces, prefixes.iterator().next(), signingIdentity());
    }

    /** The one workflow that signs, and the branches whose pushes run it (its callers' and its own). */
    private static AdmissionPolicyRules.SigningIdentity signingIdentity() {
        Map<Path, JsonNode> workflows = workflows();
        List<Path> signing = workflows.entrySet().stream()
                .filter(w -> w.getValue().path("jobs").findParents("steps").stream().anyMatch(ShopAdmissionPolicyTest::usesSignAction))
                .map(Map.Entry::getKey).toList();
        assertThat(signing).as("exactly one workflow signs images").hasSize(1);
        String path = ROOT.relativize(signing.get(0)).toString();
        List<String> branches = new ArrayList<>();
        workflows.values().forEach(workflow -> {
            boolean calls = workflow.path("jobs").findValuesAsText("uses").contains("./" + path);
            if (calls || workflow == workflows.get(signing.get(0))) {
                workflow.path("on").path("push").path("branches").forEach(b -> branches.add(b.asText()));
            }
        });
        String repoUrl = yaml(read(ADMISSION.resolve("admission-policies.yaml"))).path("spec").path("source").path("repoURL").asText();
        String repository = repoUrl.replaceFirst("^https://github\\.com/", "").replaceFirst("\\.git$", "");
        return new AdmissionPolicyRules.SigningIdentity(repository, path, branches);
    }

    private static boolean usesSignAction(JsonNode job) {
        for (JsonNode step : job.path("steps")) {
            if (SIGN_ACTION.equals(step.path("uses").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Map<Path, JsonNode> workflows() {
        Map<Path, JsonNode> workflows = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(ROOT.resolve(".github/workflows"))) {
            files.filter(f -> f.toString().endsWith(".yml")).forEach(f -> workflows.put(f, yaml(read(f))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return workflows;
    }

    private static int wave(JsonNode application) {
        return Integer.parseInt(application.path("metadata").path("annotations").path("argocd.argoproj.io/sync-wave").asText("0"));
    }

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
