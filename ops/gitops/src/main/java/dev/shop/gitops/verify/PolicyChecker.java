package dev.shop.gitops.verify;

import dev.shop.gitops.manifests.Manifests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Policy checks over one rendered environment: the default checks of kube-linter and kube-score
 * that apply to this project, each with a rule id and a fix hint.
 */
public final class PolicyChecker {

    /** Tags that name a moving target rather than one build. */
    private static final Set<String> MUTABLE_TAGS = Set.of("latest", "main", "master", "develop", "dev", "stable", "edge", "nightly", "snapshot");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY).*");
    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

    private final boolean digestRequired;
    private final List<Violation> found = new ArrayList<>();
    private final String where;

    private PolicyChecker(String where, boolean digestRequired) {
        this.where = where;
        this.digestRequired = digestRequired;
    }

    /** Checks the objects of one rendered environment. */
    public static List<Violation> check(String where, List<ObjectNode> objects, boolean digestRequired) {
        PolicyChecker checker = new PolicyChecker(where, digestRequired);
        checker.run(objects);
        return List.copyOf(checker.found);
    }

    /** A workload and its pod template, with how many replicas it can run at least and at most. */
    private record Workload(JsonNode object, JsonNode podTemplate, String namespace, int replicas) {
        Map<String, String> podLabels() {
            return labels(podTemplate.path("metadata").path("labels"));
        }

        boolean longRunning() {
            String kind = object.path("kind").asString();
            return !kind.equals("Job") && !kind.equals("CronJob");
        }
    }

    private void run(List<ObjectNode> objects) {
        List<Workload> workloads = new ArrayList<>();
        for (ObjectNode object : objects) {
            String kind = object.path("kind").asString();
            if (!WORKLOAD_KINDS.contains(kind)) {
                continue;
            }
            JsonNode template = kind.equals("CronJob") ? object.path("spec").path("jobTemplate").path("spec").path("template")
                    : object.path("spec").path("template");
            int replicas = kind.equals("Deployment") || kind.equals("StatefulSet") ? object.path("spec").path("replicas").asInt(1) : 1;
            workloads.add(new Workload(object, template, namespace(object), replicas));
        }
        for (Workload workload : workloads) {
            checkPod(workload);
            checkSelector(workload);
        }
        checkServices(objects, workloads);
        checkHpas(objects, workloads);
        checkDisruptionBudgets(objects, workloads);
        checkNetworkPolicies(objects, workloads);
    }

    private void checkPod(Workload workload) {
        JsonNode object = workload.object();
        JsonNode pod = workload.podTemplate().path("spec");
        for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (pod.path(field).asBoolean(false)) {
                add(object, "host-namespaces", "pod sets " + field + ": true", "remove " + field + "; pods share no host namespace");
            }
        }
        if (pod.has("serviceAccount")) {
            add(object, "deprecated-service-account", "pod uses the deprecated field serviceAccount", "use serviceAccountName");
        }
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("hostPath")) {
                add(object, "host-path", "volume " + volume.path("name").asString() + " mounts a host path",
                        "use an emptyDir, ConfigMap or Secret volume instead of hostPath");
            }
        }
        JsonNode podSecurity = pod.path("securityContext");
        List<JsonNode> all = new ArrayList<>();
        pod.path("initContainers").forEach(all::add);
        pod.path("containers").forEach(all::add);
        for (JsonNode container : all) {
            boolean init = containsNode(pod.path("initContainers"), container);
            checkContainer(workload, container, podSecurity, init);
        }
    }

    private void checkContainer(Workload workload, JsonNode container, JsonNode podSecurity, boolean init) {
        JsonNode object = workload.object();
        String name = "container " + container.path("name").asString();
        checkImage(object, name, container.path("image").asString(""));
        JsonNode resources = container.path("resources");
        for (String section : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (resources.path(section).path(resource).isMissingNode()) {
                    add(object, "resources", name + " has no " + section + "." + resource,
                            "set resources." + section + "." + resource + " so the scheduler and the kubelet can plan for it");
                }
            }
        }
        JsonNode security = container.path("securityContext");
        boolean nonRoot = runsAsNonRoot(security) || (!security.has("runAsNonRoot") && !security.has("runAsUser") && runsAsNonRoot(podSecurity));
        if (!nonRoot) {
            add(object, "run-as-non-root", name + " may run as root",
                    "set securityContext.runAsNonRoot: true (and runAsUser: 185, the image's user)");
        }
        if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
            add(object, "read-only-root-fs", name + " has a writable root filesystem",
                    "set securityContext.readOnlyRootFilesystem: true and mount an emptyDir at /tmp if the app writes there");
        }
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
            add(object, "privilege-escalation", name + " allows privilege escalation",
                    "set securityContext.allowPrivilegeEscalation: false");
        }
        if (security.path("privileged").asBoolean(false)) {
            add(object, "privileged", name + " runs privileged", "remove securityContext.privileged");
        }
        Set<String> dropped = new HashSet<>();
        security.path("capabilities").path("drop").forEach(c -> dropped.add(c.asString().toUpperCase(Locale.ROOT)));
        if (!dropped.contains("ALL") && !dropped.contains("NET_RAW")) {
            add(object, "drop-capabilities", name + " keeps all Linux capabilities",
                    "set securityContext.capabilities.drop: [ALL]");
        }
        for (JsonNode env : container.path("env")) {
            String envName = env.path("name").asString("");
            if (env.has("value") && SECRET_NAME.matcher(envName.toUpperCase(Locale.ROOT)).matches()) {
                add(object, "secret-in-env", name + " sets " + envName + " from a literal value",
                        "read it from a Secret with valueFrom.secretKeyRef");
            }
        }
        for (JsonNode port : container.path("ports")) {
            if (port.path("containerPort").asInt() == 22) {
                add(object, "ssh-port", name + " exposes port 22", "do not run SSH in a pod; use kubectl exec or debug containers");
            }
        }
        if (!init && workload.longRunning()) {
            checkProbes(object, name, container);
        }
    }

    private void checkProbes(JsonNode object, String name, JsonNode container) {
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            if (!container.has(probe)) {
                add(object, "probes", name + " has no " + probe,
                        "add a " + probe + " (Quarkus: httpGet /q/health/" + (probe.startsWith("readiness") ? "ready" : "live") + " on the http port)");
            }
        }
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            JsonNode handler = container.path(probe);
            for (String action : List.of("httpGet", "tcpSocket", "grpc")) {
                JsonNode port = handler.path(action).path("port");
                if (!port.isMissingNode() && !hasPort(container, port)) {
                    add(object, "probe-port", name + " " + probe + " uses port " + port.asString() + " that the container does not declare",
                            "point the probe at a containerPort (by number or by name)");
                }
            }
        }
        if (container.has("readinessProbe") && container.path("readinessProbe").equals(container.path("livenessProbe"))) {
            add(object, "identical-probes", name + " has identical readiness and liveness probes",
                    "make liveness check the process only (/q/health/live) and readiness its dependencies (/q/health/ready)");
        }
    }

    private void checkImage(JsonNode object, String name, String image) {
        int at = image.indexOf('@');
        String reference = at < 0 ? image : image.substring(0, at);
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        String tag = colon > slash ? reference.substring(colon + 1) : null;
        boolean hasDigest = at >= 0 && image.substring(at + 1).startsWith("sha256:");
        if (tag == null && !hasDigest) {
            add(object, "image-tag", name + " image " + image + " has no tag (means :latest)",
                    "set the env's images: entry (newTag and digest) with gitops set-image");
        } else if (tag != null && MUTABLE_TAGS.contains(tag.toLowerCase(Locale.ROOT))) {
            add(object, "image-tag", name + " image " + image + " uses the mutable tag " + tag,
                    "use an immutable version tag from gitops version, pinned by digest");
        }
        if (digestRequired && !hasDigest) {
            add(object, "image-digest", name + " image " + image + " is not pinned by digest",
                    "set digest: sha256:… in the env's images: entry (gitops set-image or promote)");
        }
    }

    private void checkSelector(Workload workload) {
        JsonNode object = workload.object();
        String kind = object.path("kind").asString();
        if (kind.equals("Job") || kind.equals("CronJob")) {
            return;
        }
        Map<String, String> selector = labels(object.path("spec").path("selector").path("matchLabels"));
        if (selector.isEmpty() && !object.path("spec").path("selector").has("matchExpressions")) {
            add(object, "selector", "spec.selector has no matchLabels", "select the pods by their app.kubernetes.io/name label");
        } else if (!matches(selector, workload.podLabels())) {
            add(object, "selector", "spec.selector " + selector + " does not match the pod labels " + workload.podLabels(),
                    "make spec.selector.matchLabels a subset of spec.template.metadata.labels");
        }
    }

    private void checkServices(List<ObjectNode> objects, List<Workload> workloads) {
        for (ObjectNode service : ofKind(objects, "Service")) {
            JsonNode spec = service.path("spec");
            if (spec.path("type").asString("").equals("ExternalName") || !spec.has("selector")) {
                continue;
            }
            Map<String, String> selector = labels(spec.path("selector"));
            List<Workload> targets = workloads.stream()
                    .filter(w -> w.namespace().equals(namespace(service)) && w.longRunning() && matches(selector, w.podLabels()))
                    .toList();
            if (targets.isEmpty()) {
                add(service, "service-targets-pods", "selector " + selector + " matches no pods",
                        "make spec.selector match the pod labels of a Deployment in this environment");
                continue;
            }
            for (JsonNode port : spec.path("ports")) {
                JsonNode target = port.has("targetPort") ? port.path("targetPort") : port.path("port");
                boolean served = targets.stream().anyMatch(w -> podHasPort(w.podTemplate(), target));
                if (!served) {
                    add(service, "service-targets-pods", "targetPort " + target.asString() + " is not a port of the selected pods",
                            "set targetPort to a containerPort number or name of the pods");
                }
            }
        }
    }

    private void checkHpas(List<ObjectNode> objects, List<Workload> workloads) {
        for (ObjectNode hpa : ofKind(objects, "HorizontalPodAutoscaler")) {
            JsonNode ref = hpa.path("spec").path("scaleTargetRef");
            boolean exists = workloads.stream().anyMatch(w -> w.namespace().equals(namespace(hpa))
                    && w.object().path("kind").asString().equals(ref.path("kind").asString())
                    && w.object().path("metadata").path("name").asString().equals(ref.path("name").asString()));
            if (!exists) {
                add(hpa, "hpa-target", "scaleTargetRef " + ref.path("kind").asString() + "/" + ref.path("name").asString() + " is not in this environment",
                        "point scaleTargetRef at a Deployment of the same overlay");
            }
        }
    }

    private void checkDisruptionBudgets(List<ObjectNode> objects, List<Workload> workloads) {
        List<ObjectNode> pdbs = ofKind(objects, "PodDisruptionBudget");
        Map<Workload, Integer> minReplicas = new HashMap<>();
        for (Workload workload : workloads) {
            minReplicas.put(workload, workload.replicas());
        }
        for (ObjectNode hpa : ofKind(objects, "HorizontalPodAutoscaler")) {
            JsonNode ref = hpa.path("spec").path("scaleTargetRef");
            for (Workload workload : workloads) {
                if (workload.object().path("metadata").path("name").asString().equals(ref.path("name").asString())
                        && workload.object().path("kind").asString().equals(ref.path("kind").asString())) {
                    minReplicas.put(workload, Math.max(workload.replicas(), hpa.path("spec").path("minReplicas").asInt(1)));
                }
            }
        }
        for (Workload workload : workloads) {
            if (!workload.longRunning() || minReplicas.get(workload) <= 1) {
                continue;
            }
            List<ObjectNode> covering = pdbs.stream()
                    .filter(pdb -> namespace(pdb).equals(workload.namespace())
                            && selects(pdb.path("spec").path("selector"), workload.podLabels()))
                    .toList();
            if (covering.isEmpty()) {
                add(workload.object(), "pdb", "runs " + minReplicas.get(workload) + " replicas or more but no PodDisruptionBudget covers its pods",
                        "add a PodDisruptionBudget (maxUnavailable: 1) selecting the pod labels");
            }
            for (ObjectNode pdb : covering) {
                JsonNode spec = pdb.path("spec");
                String maxUnavailable = spec.path("maxUnavailable").asString("");
                String minAvailable = spec.path("minAvailable").asString("");
                boolean blocks = maxUnavailable.equals("0") || maxUnavailable.equals("0%") || minAvailable.equals("100%")
                        || (minAvailable.matches("\\d+") && Integer.parseInt(minAvailable) >= minReplicas.get(workload));
                if (blocks) {
                    add(pdb, "pdb-blocks-eviction", "allows no voluntary eviction of " + Manifests.id(workload.object()),
                            "use maxUnavailable: 1 so node drains can proceed");
                }
            }
        }
    }

    private void checkNetworkPolicies(List<ObjectNode> objects, List<Workload> workloads) {
        List<ObjectNode> policies = ofKind(objects, "NetworkPolicy");
        for (Workload workload : workloads) {
            boolean covered = policies.stream().anyMatch(policy -> namespace(policy).equals(workload.namespace())
                    && selects(policy.path("spec").path("podSelector"), workload.podLabels()));
            if (!covered) {
                add(workload.object(), "network-policy", "no NetworkPolicy selects its pods",
                        "add a NetworkPolicy whose podSelector matches the pod labels (and keep a default deny-all)");
            }
        }
    }

    private static boolean runsAsNonRoot(JsonNode security) {
        if (security.has("runAsUser") && security.path("runAsUser").asLong(0) == 0) {
            return false;
        }
        return security.path("runAsNonRoot").asBoolean(false) || security.path("runAsUser").asLong(0) > 0;
    }

    private static boolean hasPort(JsonNode container, JsonNode port) {
        for (JsonNode declared : container.path("ports")) {
            if (port.isNumber() ? declared.path("containerPort").asInt() == port.asInt()
                    : port.asString().equals(declared.path("name").asString(null)) || port.asString().equals(declared.path("containerPort").asString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean podHasPort(JsonNode podTemplate, JsonNode port) {
        for (JsonNode container : podTemplate.path("spec").path("containers")) {
            if (hasPort(container, port)) {
                return true;
            }
        }
        return false;
    }

    /** A LabelSelector (matchLabels and matchExpressions) against pod labels; an empty selector selects all. */
    static boolean selects(JsonNode selector, Map<String, String> podLabels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        if (!matches(labels(selector.path("matchLabels")), podLabels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asString();
            Set<String> values = new HashSet<>();
            expression.path("values").forEach(v -> values.add(v.asString()));
            boolean ok = switch (expression.path("operator").asString()) {
                case "In" -> values.contains(podLabels.get(key));
                case "NotIn" -> !values.contains(podLabels.get(key));
                case "Exists" -> podLabels.containsKey(key);
                case "DoesNotExist" -> !podLabels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Map<String, String> selector, Map<String, String> podLabels) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        return labels;
    }

    private static boolean containsNode(JsonNode array, JsonNode node) {
        for (JsonNode item : array) {
            if (item == node) {
                return true;
            }
        }
        return false;
    }

    private static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asString().equals(kind)).toList();
    }

    private static String namespace(JsonNode object) {
        return object.path("metadata").path("namespace").asString("");
    }

    private void add(JsonNode object, String rule, String message, String hint) {
        found.add(new Violation(where, Manifests.id(object), rule, message, hint));
    }
}
