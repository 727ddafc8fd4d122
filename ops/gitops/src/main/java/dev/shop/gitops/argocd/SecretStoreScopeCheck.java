package dev.shop.gitops.argocd;

import dev.shop.gitops.manifests.Manifests;
import dev.shop.gitops.verify.Violation;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each ClusterSecretStore reads one scope of Secrets Manager, shop/<scope>/*, through an IAM role named
 * <cluster name>-secrets-<scope> that may read only that scope, and only from the namespaces its
 * conditions list. An ExternalSecret must use a store that admits its namespace and read only keys of
 * that store's scope: otherwise a commit to one environment could pull another's (or the platform's)
 * credentials into its namespace.
 */
final class SecretStoreScopeCheck {

    static final String RULE = "secret-store-scope";
    private static final Pattern SCOPED_ROLE = Pattern.compile("arn:aws:iam::\\d{12}:role/[A-Za-z0-9-]+-secrets-([a-z0-9-]+)");

    private SecretStoreScopeCheck() {
    }

    static List<Violation> check(ClusterModel model) {
        String where = "ops/argocd/clusters/" + model.cluster;
        List<Violation> found = new ArrayList<>();
        Map<String, JsonNode> stores = new HashMap<>();
        for (ClusterModel.Placed placed : model.objects) {
            JsonNode object = placed.object();
            if (!"ClusterSecretStore".equals(object.path("kind").asString(""))) {
                continue;
            }
            stores.put(object.path("metadata").path("name").asString(""), object);
            String role = object.path("spec").path("provider").path("aws").path("role").asString("");
            if (!SCOPED_ROLE.matcher(role).matches()) {
                found.add(new Violation(where, Manifests.id(object), RULE,
                        "the store has no per-scope IAM role (spec.provider.aws.role is '" + role + "'): every namespace it admits reads everything the controller may read",
                        "set role: arn:aws:iam::<account>:role/<cluster name>-secrets-<scope>"));
            }
            if (object.path("spec").path("conditions").isEmpty()) {
                found.add(new Violation(where, Manifests.id(object), RULE, "the store has no conditions: every namespace may use it",
                        "add spec.conditions[].namespaces with exactly the namespaces that read this scope"));
            }
        }
        for (ClusterModel.Placed placed : model.objects) {
            JsonNode object = placed.object();
            if (!"ExternalSecret".equals(object.path("kind").asString(""))) {
                continue;
            }
            String namespace = object.path("metadata").path("namespace").asString(placed.namespace());
            String id = placed.unit() + " " + Manifests.id(object);
            JsonNode ref = object.path("spec").path("secretStoreRef");
            if (!"ClusterSecretStore".equals(ref.path("kind").asString(""))) {
                continue;
            }
            JsonNode store = stores.get(ref.path("name").asString(""));
            if (store == null) {
                continue; // reported by the sync-order check as a missing secret-store
            }
            if (!admits(store, namespace)) {
                found.add(new Violation(where, id, RULE, "store " + ref.path("name").asString() + " does not admit namespace " + namespace,
                        "use the store of this namespace's scope, or add the namespace to that store's conditions"));
            }
            Matcher role = SCOPED_ROLE.matcher(store.path("spec").path("provider").path("aws").path("role").asString(""));
            if (!role.matches()) {
                continue;
            }
            String prefix = "shop/" + role.group(1) + "/";
            for (String key : keys(object.path("spec"))) {
                if (!key.startsWith(prefix)) {
                    found.add(new Violation(where, id, RULE, "reads " + key + " through store " + ref.path("name").asString()
                            + ", whose role may read only " + prefix + "*", "read only " + prefix + "* here"));
                }
            }
        }
        return found;
    }

    private static boolean admits(JsonNode store, String namespace) {
        for (JsonNode condition : store.path("spec").path("conditions")) {
            for (JsonNode allowed : condition.path("namespaces")) {
                if (allowed.asString("").equals(namespace)) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<String> keys(JsonNode externalSecretSpec) {
        List<String> keys = new ArrayList<>();
        for (JsonNode from : externalSecretSpec.path("dataFrom")) {
            String key = from.path("extract").path("key").asString(from.path("find").path("path").asString(""));
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        for (JsonNode data : externalSecretSpec.path("data")) {
            keys.add(data.path("remoteRef").path("key").asString(""));
        }
        return keys;
    }
}
