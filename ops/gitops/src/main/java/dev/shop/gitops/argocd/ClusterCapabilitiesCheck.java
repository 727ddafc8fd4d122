package dev.shop.gitops.argocd;

import dev.shop.gitops.manifests.Manifests;
import dev.shop.gitops.verify.Violation;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the manifests assume of the cluster and its AWS account, held by name against infra-terraform/
 * (read as text: the names and values checked are literal there): NetworkPolicies are enforced (vpc-cni
 * enableNetworkPolicy), one default StorageClass (the platform's, not also an add-on's), Route53 access
 * for the DNS-01 issuer through cert-manager's service account, the per-store IAM roles and the Secrets
 * Manager entries the ExternalSecrets read, and the VPC range the egress policies open.
 */
final class ClusterCapabilitiesCheck {

    static final String RULE = "cluster-capability";
    static final String TERRAFORM = "infra-terraform";

    private static final Pattern NETWORK_POLICY_ENABLED = Pattern.compile("enableNetworkPolicy\\\\?\"?\\s*[=:]\\s*\\\\?\"?true");
    private static final Pattern ADDON_DEFAULT_STORAGE_CLASS = Pattern.compile("defaultStorageClass\\s*[=:]\\s*\\{[^}]*enabled\\s*[=:]\\s*true");
    private static final Pattern CLUSTER_NAME = Pattern.compile("locals\\s*\\{[^}]*?\\bname\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ENVIRONMENTS = Pattern.compile("\\benvironments\\s*=\\s*\\[([^\\]]*)\\]");
    private static final Pattern STORE_ROLE_NAME = Pattern.compile("\\$\\{var\\.cluster_name\\}-secrets-\\$\\{");
    private static final Pattern STORE_ROLE = Pattern.compile("arn:aws:iam::\\d{12}:role/(.+)-secrets-([a-z0-9-]+)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final List<String> ROUTE53_ACTIONS = List.of("route53:ChangeResourceRecordSets", "route53:ListHostedZonesByName", "route53:GetChange");
    /** terraform-aws-modules/eks-pod-identity's cert-manager preset grants ROUTE53_ACTIONS and ListResourceRecordSets (cert_manager.tf at v2.6.0). */
    private static final Pattern CERT_MANAGER_PRESET = Pattern.compile("attach_cert_manager_policy\\s*=\\s*true");
    private static final Pattern CERT_MANAGER_ASSOCIATION = Pattern.compile(
            "namespace\\s*=\\s*\"cert-manager\"[^}\\n]*service_account\\s*=\\s*\"cert-manager\"");

    private ClusterCapabilitiesCheck() {
    }

    static List<Violation> check(Path repo, ClusterModel model) {
        Path terraform = repo.resolve(TERRAFORM);
        if (!Files.isDirectory(terraform)) {
            return List.of();
        }
        String where = "ops/argocd/clusters/" + model.cluster;
        String modules = allText(terraform.resolve("modules"));
        String root = text(terraform.resolve("envs").resolve(model.cluster).resolve("main.tf"));
        String rootVariables = text(terraform.resolve("envs").resolve(model.cluster).resolve("variables.tf"));
        List<Violation> found = new ArrayList<>();

        boolean policies = model.objects.stream().anyMatch(p -> "NetworkPolicy".equals(kind(p.object())));
        if (policies && !NETWORK_POLICY_ENABLED.matcher(modules).find()) {
            found.add(new Violation(where, "NetworkPolicy", RULE,
                    "the environments rely on NetworkPolicies, but the vpc-cni add-on (" + TERRAFORM + "/modules/cluster) does not set enableNetworkPolicy: nothing enforces them",
                    "set the vpc-cni add-on's configuration_values to {\"enableNetworkPolicy\": \"true\"}"));
        }
        boolean platformDefault = model.units.stream().flatMap(u -> u.provides.stream())
                .anyMatch(i -> i.capability().equals(Capability.DEFAULT_STORAGE_CLASS));
        if (platformDefault && ADDON_DEFAULT_STORAGE_CLASS.matcher(modules).find()) {
            found.add(new Violation(where, "StorageClass", RULE,
                    "the platform syncs a default StorageClass and the EBS CSI add-on makes another: claims without a class get either",
                    "keep one default: the platform's (ops/argocd/platform/storage)"));
        }
        for (ClusterModel.Placed placed : model.objects) {
            if ("ClusterIssuer".equals(kind(placed.object())) && usesAmbientRoute53(placed.object())) {
                boolean preset = CERT_MANAGER_PRESET.matcher(modules).find();
                for (String action : ROUTE53_ACTIONS) {
                    if (!preset && !modules.contains("\"" + action + "\"")) {
                        found.add(new Violation(where, Manifests.id(placed.object()), RULE,
                                "DNS-01 with Route53 on ambient credentials, but no role in " + TERRAFORM + "/modules allows " + action,
                                "give cert-manager's Pod Identity role " + String.join(", ", ROUTE53_ACTIONS)));
                    }
                }
                if (!CERT_MANAGER_ASSOCIATION.matcher(modules).find()) {
                    found.add(new Violation(where, Manifests.id(placed.object()), RULE,
                            "DNS-01 with Route53 on ambient credentials, but " + TERRAFORM + "/modules associates no role with service account cert-manager/cert-manager",
                            "add an EKS Pod Identity association for namespace cert-manager, service account cert-manager"));
                }
            }
        }
        found.addAll(storeRoles(where, model, root, modules));
        found.addAll(secretEntries(where, model, modules));
        found.addAll(vpcRanges(where, model, rootVariables));
        return found;
    }

    private static List<Violation> storeRoles(String where, ClusterModel model, String root, String modules) {
        List<Violation> found = new ArrayList<>();
        Matcher clusterName = CLUSTER_NAME.matcher(root);
        Matcher environments = ENVIRONMENTS.matcher(root);
        Set<String> scopes = new LinkedHashSet<>();
        if (environments.find()) {
            scopes.addAll(quoted(environments.group(1)));
        }
        Set<String> expected = new LinkedHashSet<>(scopes);
        expected.add("platform");
        boolean rolesPerStore = STORE_ROLE_NAME.matcher(modules).find();
        Set<String> stored = new LinkedHashSet<>();
        for (ClusterModel.Placed placed : model.objects) {
            if (!"ClusterSecretStore".equals(kind(placed.object()))) {
                continue;
            }
            String id = Manifests.id(placed.object());
            Matcher role = STORE_ROLE.matcher(placed.object().path("spec").path("provider").path("aws").path("role").asString(""));
            if (!role.matches()) {
                continue; // the store-scope check reports it
            }
            stored.add(role.group(2));
            if (!rolesPerStore) {
                found.add(new Violation(where, id, RULE, "names role " + role.group(1) + "-secrets-" + role.group(2)
                        + ", but " + TERRAFORM + "/modules makes no role named ${var.cluster_name}-secrets-${store}",
                        "create one role per store in infra-terraform/modules/secrets"));
            }
            if (clusterName.find(0) && !clusterName.group(1).equals(role.group(1))) {
                found.add(new Violation(where, id, RULE, "names cluster " + role.group(1) + " in its role, but Terraform's cluster is " + clusterName.group(1),
                        "use role/" + clusterName.group(1) + "-secrets-" + role.group(2)));
            }
            if (!expected.contains(role.group(2))) {
                found.add(new Violation(where, id, RULE, "reads scope " + role.group(2) + ", which Terraform makes no role for in this cluster (stores: " + String.join(", ", expected) + ")",
                        "use one of Terraform's stores or add the environment to infra-terraform/envs/" + model.cluster));
            }
        }
        for (String scope : expected) {
            if (!stored.contains(scope)) {
                found.add(new Violation(where, "ClusterSecretStore", RULE, "Terraform makes the role for store " + scope + ", but no ClusterSecretStore uses it",
                        "add a ClusterSecretStore for " + scope + " in ops/argocd/clusters/" + model.cluster + "/secret-stores.yaml"));
            }
        }
        return found;
    }

    /** Every Secrets Manager entry an ExternalSecret reads is one Terraform creates. */
    private static List<Violation> secretEntries(String where, ClusterModel model, String modules) {
        Set<String> platformNames = listNear(modules, "variable \"platform_secret_names\"");
        Set<String> appNames = listNear(modules, "app_secret_names");
        List<Violation> found = new ArrayList<>();
        for (ClusterModel.Placed placed : model.objects) {
            if (!"ExternalSecret".equals(kind(placed.object()))) {
                continue;
            }
            for (String key : SecretStoreScopeCheck.keys(placed.object().path("spec"))) {
                String[] parts = key.split("/");
                if (parts.length != 3 || !parts[0].equals("shop")) {
                    continue;
                }
                Set<String> names = parts[1].equals("platform") ? platformNames : appNames;
                if (!names.contains(parts[2])) {
                    found.add(new Violation(where, placed.unit() + " " + Manifests.id(placed.object()), RULE,
                            "reads " + key + ", which " + TERRAFORM + "/modules/secrets does not create",
                            "add " + parts[2] + " to " + (parts[1].equals("platform") ? "platform_secret_names" : "app_secret_names")));
                }
            }
        }
        return found;
    }

    /** Every ipBlock of an environment lies inside its cluster's VPC (the vpc_cidr default of its Terraform root). */
    private static List<Violation> vpcRanges(String where, ClusterModel model, String rootVariables) {
        Matcher vpc = Pattern.compile("variable \"vpc_cidr\"\\s*\\{[^}]*?default\\s*=\\s*\"([^\"]+)\"").matcher(rootVariables);
        if (!vpc.find()) {
            return List.of();
        }
        Cidr range = Cidr.parse(vpc.group(1));
        List<Violation> found = new ArrayList<>();
        model.envs.forEach((env, objects) -> {
            for (JsonNode policy : objects) {
                if (!"NetworkPolicy".equals(kind(policy))) {
                    continue;
                }
                for (JsonNode rule : policy.path("spec").path("egress")) {
                    for (JsonNode peer : rule.path("to")) {
                        String cidr = peer.path("ipBlock").path("cidr").asString("");
                        if (!cidr.isEmpty() && !range.contains(Cidr.parse(cidr))) {
                            found.add(new Violation(env, Manifests.id(policy), RULE,
                                    "egress to " + cidr + " reaches beyond the " + model.cluster + " VPC " + range,
                                    "use the VPC's range (shop-environment value vpc-cidr = infra-terraform/envs/" + model.cluster + " vpc_cidr)"));
                        }
                    }
                }
            }
        });
        return found;
    }

    private static boolean usesAmbientRoute53(JsonNode issuer) {
        for (JsonNode solver : issuer.path("spec").path("acme").path("solvers")) {
            JsonNode route53 = solver.path("dns01").path("route53");
            if (route53.isObject() && !route53.has("accessKeyID") && !route53.has("accessKeyIDSecretRef") && !route53.has("auth")) {
                return true;
            }
        }
        return false;
    }

    /** The quoted strings of the first [...] list after marker. */
    private static Set<String> listNear(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0) {
            return Set.of();
        }
        int open = text.indexOf('[', at);
        int close = open < 0 ? -1 : text.indexOf(']', open);
        return close < 0 ? Set.of() : quoted(text.substring(open + 1, close));
    }

    private static Set<String> quoted(String list) {
        Set<String> values = new LinkedHashSet<>();
        Matcher m = QUOTED.matcher(list);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static String kind(JsonNode object) {
        return object.path("kind").asString("");
    }

    private static String text(Path file) {
        return Files.isRegularFile(file) ? ClusterModel.read(file) : "";
    }

    private static String allText(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                all.append(ClusterModel.read(file)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An IPv4 range. */
    record Cidr(long base, int bits) {
        static Cidr parse(String text) {
            String[] parts = text.split("/");
            long address = 0;
            for (String octet : parts[0].split("\\.")) {
                address = address << 8 | Integer.parseInt(octet);
            }
            return new Cidr(address, parts.length > 1 ? Integer.parseInt(parts[1]) : 32);
        }

        boolean contains(Cidr other) {
            if (other.bits < bits) {
                return false;
            }
            long mask = bits == 0 ? 0 : -1L << (32 - bits) & 0xffffffffL;
            return (other.base & mask) == (base & mask);
        }

        @Override
        public String toString() {
            return (base >> 24 & 255) + "." + (base >> 16 & 255) + "." + (base >> 8 & 255) + "." + (base & 255) + "/" + bits;
        }
    }
}
