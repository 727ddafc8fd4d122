package dev.shop.gitops.argocd;

import dev.shop.gitops.manifests.Manifests;
import tools.jackson.databind.JsonNode;

import java.util.Set;

/**
 * What a rendered object gives to and needs from the rest of the cluster under Argo CD: its kind's CRD,
 * its namespace, the Secrets and ConfigMaps its pods read, the store of an ExternalSecret, the
 * controller that makes an Ingress or a claim Healthy.
 */
final class ObjectCapabilities {

    /** API groups the API server serves without any add-on. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "autoscaling", "policy",
            "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io", "apiextensions.k8s.io",
            "admissionregistration.k8s.io", "apiregistration.k8s.io", "coordination.k8s.io", "scheduling.k8s.io",
            "node.k8s.io", "discovery.k8s.io", "certificates.k8s.io");

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding", "StorageClass", "IngressClass", "PersistentVolume", "APIService", "PriorityClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ClusterSecretStore", "ClusterIssuer",
            "ClusterExternalSecret");

    private static final Set<String> POD_OWNERS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet");

    private ObjectCapabilities() {
    }

    static int wave(JsonNode object) {
        String wave = object.path("metadata").path("annotations").path("argocd.argoproj.io/sync-wave").asString("0");
        try {
            return Integer.parseInt(wave.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean isClusterScoped(String kind) {
        return CLUSTER_SCOPED.contains(kind);
    }

    /** Adds what object gives and needs to unit; namespace is where Argo CD puts it when it names none. */
    static void describe(JsonNode object, String defaultNamespace, SyncUnit unit) {
        String kind = object.path("kind").asString("");
        String apiVersion = object.path("apiVersion").asString("");
        JsonNode metadata = object.path("metadata");
        String name = metadata.path("name").asString("");
        String namespace = isClusterScoped(kind) ? "" : metadata.path("namespace").asString(defaultNamespace);
        String id = Manifests.id(object);
        int wave = wave(object);

        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (!BUILT_IN_GROUPS.contains(group)) {
            unit.need(Capability.crd(apiVersion, kind), id, wave);
        }
        if (!namespace.isEmpty()) {
            unit.need(new Capability(Capability.NAMESPACE, namespace), id, wave);
        }
        switch (kind) {
            case "Namespace" -> unit.provide(new Capability(Capability.NAMESPACE, name), id, wave);
            case "CustomResourceDefinition" -> unit.provide(new Capability(Capability.CRD,
                    object.path("spec").path("group").asString("") + "/" + object.path("spec").path("names").path("kind").asString("")), id, wave);
            case "Secret" -> unit.provide(new Capability(Capability.SECRET, namespace + "/" + name), id, wave);
            case "ConfigMap" -> unit.provide(new Capability(Capability.CONFIG_MAP, namespace + "/" + name), id, wave);
            case "StorageClass" -> {
                unit.provide(new Capability(Capability.STORAGE_CLASS, name), id, wave);
                if ("true".equals(metadata.path("annotations").path("storageclass.kubernetes.io/is-default-class").asString(""))) {
                    unit.provide(Capability.DEFAULT_STORAGE_CLASS, id, wave);
                }
            }
            case "IngressClass" -> unit.provide(new Capability(Capability.INGRESS_CLASS, name), id, wave);
            case "ClusterIssuer" -> unit.provide(new Capability(Capability.CLUSTER_ISSUER, name), id, wave);
            case "ClusterSecretStore" -> unit.provide(new Capability(Capability.SECRET_STORE, name), id, wave);
            case "SecretStore" -> unit.provide(new Capability(Capability.SECRET_STORE, namespace + "/" + name), id, wave);
            case "ExternalSecret" -> {
                JsonNode spec = object.path("spec");
                String target = spec.path("target").path("name").asString(name);
                unit.provide(new Capability(Capability.SECRET, namespace + "/" + target), id, wave);
                JsonNode store = spec.path("secretStoreRef");
                String storeName = store.path("name").asString("");
                boolean namespaced = "SecretStore".equals(store.path("kind").asString("SecretStore"));
                unit.need(new Capability(Capability.SECRET_STORE, namespaced ? namespace + "/" + storeName : storeName), id, wave);
            }
            case "Ingress" -> {
                String ingressClass = object.path("spec").path("ingressClassName").asString("");
                unit.need(new Capability(Capability.INGRESS_CLASS, ingressClass.isEmpty() ? "(default)" : ingressClass), id, wave);
                String issuer = metadata.path("annotations").path("cert-manager.io/cluster-issuer").asString("");
                if (!issuer.isEmpty()) {
                    unit.need(new Capability(Capability.CLUSTER_ISSUER, issuer), id, wave);
                }
            }
            case "PersistentVolumeClaim" -> needStorageClass(object.path("spec"), id, wave, unit);
            default -> {
            }
        }
        if (POD_OWNERS.contains(kind) || "CronJob".equals(kind)) {
            JsonNode template = "CronJob".equals(kind)
                    ? object.path("spec").path("jobTemplate").path("spec").path("template")
                    : object.path("spec").path("template");
            describePod(template.path("spec"), namespace, id, wave, unit);
            for (JsonNode claim : object.path("spec").path("volumeClaimTemplates")) {
                needStorageClass(claim.path("spec"), id, wave, unit);
            }
        }
    }

    private static void needStorageClass(JsonNode claimSpec, String id, int wave, SyncUnit unit) {
        String storageClass = claimSpec.path("storageClassName").asString("");
        unit.need(storageClass.isEmpty() ? Capability.DEFAULT_STORAGE_CLASS : new Capability(Capability.STORAGE_CLASS, storageClass), id, wave);
    }

    /** The Secrets and ConfigMaps a pod cannot start without (references marked optional are left out). */
    private static void describePod(JsonNode pod, String namespace, String id, int wave, SyncUnit unit) {
        for (String containers : new String[] {"initContainers", "containers"}) {
            for (JsonNode container : pod.path(containers)) {
                for (JsonNode env : container.path("env")) {
                    needReference(env.path("valueFrom").path("secretKeyRef"), Capability.SECRET, namespace, id, wave, unit);
                    needReference(env.path("valueFrom").path("configMapKeyRef"), Capability.CONFIG_MAP, namespace, id, wave, unit);
                }
                for (JsonNode source : container.path("envFrom")) {
                    needReference(source.path("secretRef"), Capability.SECRET, namespace, id, wave, unit);
                    needReference(source.path("configMapRef"), Capability.CONFIG_MAP, namespace, id, wave, unit);
                }
            }
        }
        for (JsonNode volume : pod.path("volumes")) {
            JsonNode secret = volume.path("secret");
            if (secret.isObject() && !secret.path("optional").asBoolean(false)) {
                unit.need(new Capability(Capability.SECRET, namespace + "/" + secret.path("secretName").asString("")), id, wave);
            }
            needReference(volume.path("configMap"), Capability.CONFIG_MAP, namespace, id, wave, unit);
        }
    }

    private static void needReference(JsonNode reference, String type, String namespace, String id, int wave, SyncUnit unit) {
        if (reference.isObject() && !reference.path("optional").asBoolean(false)) {
            unit.need(new Capability(type, namespace + "/" + reference.path("name").asString("")), id, wave);
        }
    }
}
