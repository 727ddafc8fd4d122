package dev.shop.gitops.argocd;

import dev.shop.gitops.manifests.Manifests;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Helm chart, rendered with its values, gives to the cluster and needs from it, as the file
 * ops/argocd/platform/contracts/<application>.yaml states it. Charts are not rendered here, so the
 * statement is held against the values instead: whatever the values ask for must be a stated need.
 */
record ChartContract(Set<Capability> provides, Set<Capability> needs) {

    /** $secret-name:key, how Argo CD's settings point into a Secret of its namespace. */
    private static final Pattern ARGOCD_SECRET_REFERENCE = Pattern.compile("\\$([a-z0-9][a-z0-9-]*):[A-Za-z0-9_.-]+");

    static ChartContract parse(String yaml, String source) {
        List<? extends JsonNode> documents = Manifests.parseAll(yaml, source);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(source + ": expected one document with provides and needs");
        }
        JsonNode contract = documents.get(0);
        for (Map.Entry<String, JsonNode> field : contract.properties()) {
            if (!Set.of("provides", "needs").contains(field.getKey())) {
                throw new IllegalArgumentException(source + ": unknown key " + field.getKey() + " (only provides and needs)");
            }
        }
        return new ChartContract(capabilities(contract.path("provides"), source), capabilities(contract.path("needs"), source));
    }

    private static Set<Capability> capabilities(JsonNode list, String source) {
        Set<Capability> capabilities = new LinkedHashSet<>();
        for (JsonNode item : list) {
            try {
                capabilities.add(Capability.parse(item.asString("")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }
        return capabilities;
    }

    /**
     * What values (one values file of the chart) ask of the cluster: every existingSecret and mounted
     * secret, Argo CD's $secret:key references, every enabled Ingress (its class and issuer), every
     * enabled ServiceMonitor, every storage class named. namespace is the release's namespace.
     */
    static Set<Capability> needsOfValues(JsonNode values, String namespace) {
        Set<Capability> needs = new LinkedHashSet<>();
        collect(values, namespace, needs);
        return needs;
    }

    private static void collect(JsonNode node, String namespace, Set<Capability> needs) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, namespace, needs));
            return;
        }
        if (node.isString()) {
            Matcher reference = ARGOCD_SECRET_REFERENCE.matcher(node.asString());
            while (reference.find()) {
                needs.add(new Capability(Capability.SECRET, namespace + "/" + reference.group(1)));
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "existingSecret" -> {
                    if (value.isString() && !value.asString().isBlank()) {
                        needs.add(new Capability(Capability.SECRET, namespace + "/" + value.asString()));
                    }
                }
                // Prometheus Operator's spec.secrets: Secrets mounted into Prometheus or Alertmanager pods
                case "secrets" -> value.forEach(item -> {
                    if (item.isString()) {
                        needs.add(new Capability(Capability.SECRET, namespace + "/" + item.asString()));
                    }
                });
                case "storageClass", "storageClassName" -> {
                    if (value.isString() && !value.asString().isBlank() && !value.asString().equals("-")) {
                        needs.add(new Capability(Capability.STORAGE_CLASS, value.asString()));
                    }
                }
                case "ingress" -> {
                    if (value.path("enabled").asBoolean(false)) {
                        needs.add(new Capability(Capability.INGRESS_CLASS, value.path("ingressClassName").asString("(default)")));
                        String issuer = value.path("annotations").path("cert-manager.io/cluster-issuer").asString("");
                        if (!issuer.isEmpty()) {
                            needs.add(new Capability(Capability.CLUSTER_ISSUER, issuer));
                        }
                    }
                }
                case "serviceMonitor", "servicemonitor" -> {
                    if (value.path("enabled").asBoolean(false) || value.path("create").asBoolean(false)) {
                        needs.add(new Capability(Capability.CRD, "monitoring.coreos.com/ServiceMonitor"));
                    }
                }
                default -> {
                }
            }
            collect(value, namespace, needs);
        }
    }

    /** The needs the values ask for that this contract does not state. */
    List<Capability> unstated(Set<Capability> askedByValues) {
        List<Capability> missing = new ArrayList<>();
        for (Capability capability : askedByValues) {
            if (!needs.contains(capability)) {
                missing.add(capability);
            }
        }
        return missing;
    }
}
