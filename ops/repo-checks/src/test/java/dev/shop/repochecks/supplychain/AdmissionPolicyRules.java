package dev.shop.repochecks.supplychain;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the shop's admission policy must say, given the facts it is checked against (the shop's
 * namespaces and registry from gitops-envs, the signing identity from the workflows). Each rule
 * returns one line per finding; none when the policy complies.
 */
final class AdmissionPolicyRules {

    static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    static final String REKOR = "https://rekor.sigstore.dev";

    /** The facts: where the shop runs, where its images live, and who signs them. */
    record Facts(Set<String> namespaces, String repositoryPrefix, SigningIdentity identity) {
    }

    /**
     * The certificate identity of keyless signatures made by {@code workflowPath} of
     * {@code repository} (owner/name) when run from one of {@code branchGlobs}.
     */
    record SigningIdentity(String repository, String workflowPath, List<String> branchGlobs) {

        String san(String ref) {
            return "https://github.com/" + repository + "/" + workflowPath + "@" + ref;
        }
    }

    private AdmissionPolicyRules() {
    }

    static List<String> check(JsonNode policy, Facts facts) {
        List<String> findings = new ArrayList<>();
        JsonNode rules = policy.path("spec").path("rules");
        if (!"Fail".equals(policy.path("spec").path("webhookConfiguration").path("failurePolicy").asText())) {
            findings.add("webhookConfiguration.failurePolicy is not Fail: the shop would start Pods while Kyverno is down");
        }
        boolean validates = false;
        boolean verifies = false;
        for (JsonNode rule : rules) {
            String name = "rule " + rule.path("name").asText();
            findings.addAll(scope(name, rule, facts));
            if (rule.has("validate")) {
                validates = true;
                findings.addAll(registryAndDigest(name, rule.path("validate"), facts));
            }
            for (JsonNode verify : rule.path("verifyImages")) {
                verifies = true;
                findings.addAll(signature(name, verify, facts));
            }
        }
        if (!validates) {
            findings.add("no validate rule admitting only the project's registry, pinned by digest");
        }
        if (!verifies) {
            findings.add("no verifyImages rule");
        }
        return findings;
    }

    private static List<String> scope(String name, JsonNode rule, Facts facts) {
        List<String> findings = new ArrayList<>();
        JsonNode filters = rule.path("match").path("any");
        if (filters.size() != 1 || rule.has("exclude")) {
            findings.add(name + ": match one resource filter and exclude nothing");
        }
        for (JsonNode filter : filters) {
            JsonNode resources = filter.path("resources");
            Set<String> kinds = strings(resources.path("kinds"));
            if (!kinds.equals(Set.of("Pod"))) {
                findings.add(name + ": matches kinds " + kinds + ", expected [Pod] (Kyverno extends a Pod rule to its controllers)");
            }
            Set<String> namespaces = strings(resources.path("namespaces"));
            if (!namespaces.equals(facts.namespaces())) {
                findings.add(name + ": matches namespaces " + namespaces + ", the shop runs in " + facts.namespaces());
            }
        }
        return findings;
    }

    private static List<String> registryAndDigest(String name, JsonNode validate, Facts facts) {
        List<String> findings = new ArrayList<>();
        if (!"Enforce".equals(validate.path("failureAction").asText())) {
            findings.add(name + ": failureAction is not Enforce");
        }
        String expected = facts.repositoryPrefix() + "/*@sha256:*";
        JsonNode spec = validate.path("pattern").path("spec");
        for (String list : List.of("containers", "=(initContainers)", "=(ephemeralContainers)")) {
            JsonNode containers = spec.path(list);
            if (containers.size() != 1 || !expected.equals(containers.get(0).path("image").asText())) {
                findings.add(name + ": " + list + " image pattern is not '" + expected + "'");
            }
        }
        return findings;
    }

    private static List<String> signature(String name, JsonNode verify, Facts facts) {
        List<String> findings = new ArrayList<>();
        if (!"Enforce".equals(verify.path("failureAction").asText()) || !verify.path("required").asBoolean()
                || !verify.path("verifyDigest").asBoolean() || verify.path("mutateDigest").asBoolean(true)) {
            findings.add(name + ": verifyImages must enforce, require a signature, verify the digest and not mutate it");
        }
        Set<String> references = strings(verify.path("imageReferences"));
        if (!references.equals(Set.of(facts.repositoryPrefix() + "/*"))) {
            findings.add(name + ": imageReferences " + references + " are not the shop's repositories " + facts.repositoryPrefix() + "/*");
        }
        JsonNode entries = verify.path("attestors").path(0).path("entries");
        if (verify.path("attestors").size() != 1 || entries.size() != 1 || !entries.get(0).has("keyless")) {
            findings.add(name + ": expected exactly one attestor: the pipeline's keyless identity");
            return findings;
        }
        JsonNode keyless = entries.get(0).path("keyless");
        if (!GITHUB_ISSUER.equals(keyless.path("issuer").asText())) {
            findings.add(name + ": issuer is not GitHub Actions' " + GITHUB_ISSUER);
        }
        if (!REKOR.equals(keyless.path("rekor").path("url").asText())) {
            findings.add(name + ": rekor.url is not " + REKOR + " (the log cosign signs into)");
        }
        findings.addAll(subject(name, keyless.path("subjectRegExp").asText(), facts.identity()));
        return findings;
    }

    /** The subject expression accepts the signing workflow from its branches and nothing else. */
    private static List<String> subject(String name, String expression, SigningIdentity identity) {
        List<String> findings = new ArrayList<>();
        if (!expression.startsWith("^") || !expression.endsWith("$")) {
            findings.add(name + ": subjectRegExp is not anchored (^...$)");
        }
        Pattern subject;
        try {
            subject = Pattern.compile(expression);
        } catch (PatternSyntaxException e) {
            findings.add(name + ": subjectRegExp does not compile: " + e.getDescription());
            return findings;
        }
        for (String glob : identity.branchGlobs()) {
            String ref = "refs/heads/" + glob.replace("**", "1.4/x").replace("*", "x");
            if (!subject.matcher(identity.san(ref)).matches()) {
                findings.add(name + ": subjectRegExp refuses " + identity.san(ref) + ", which signs the images");
            }
        }
        List<String> strangers = List.of(
                identity.san("refs/heads/feature/x"),
                identity.san("refs/pull/1/merge"),
                identity.san("refs/tags/v1.0.0"),
                "https://github.com/" + identity.repository() + "/.github/workflows/pull-request.yml@refs/heads/develop",
                "https://github.com/someone-else/shop/" + identity.workflowPath() + "@refs/heads/develop");
        for (String stranger : strangers) {
            if (subject.matcher(stranger).matches()) {
                findings.add(name + ": subjectRegExp also trusts " + stranger);
            }
        }
        return findings;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
