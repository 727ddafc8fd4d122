package dev.shop.gitops.argocd;

/**
 * Something one part of a cluster gives and another part waits for, named "type:value", for example
 * {@code crd:monitoring.coreos.com/ServiceMonitor}, {@code secret:monitoring/grafana-admin},
 * {@code ingress-class:nginx}. The type says how Argo CD's sync waves must order giver and taker.
 */
record Capability(String type, String value) {

    static final String CRD = "crd";
    static final String SECRET = "secret";
    static final String CONFIG_MAP = "configmap";
    static final String NAMESPACE = "namespace";
    static final String INGRESS_CLASS = "ingress-class";
    static final String CLUSTER_ISSUER = "cluster-issuer";
    static final String SECRET_STORE = "secret-store";
    static final String STORAGE_CLASS = "storage-class";
    /** The class a claim without storageClassName gets. */
    static final Capability DEFAULT_STORAGE_CLASS = new Capability(STORAGE_CLASS, "(default)");

    static Capability parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not type:value: " + text);
        }
        return new Capability(text.substring(0, colon), text.substring(colon + 1));
    }

    static Capability crd(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return new Capability(CRD, (slash < 0 ? "" : apiVersion.substring(0, slash)) + "/" + kind);
    }

    /** How the giver must come before the taker. */
    Order order() {
        return switch (type) {
            case CRD -> Order.CRD;
            // cert-manager retries an issuer that appears later; nothing waits for it to be Healthy
            case CLUSTER_ISSUER, "service" -> Order.ANY_WAVE;
            default -> Order.HEALTH;
        };
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }

    enum Order {
        /** Before, in an earlier wave: a custom resource fails its dry run until its CRD is established. */
        CRD,
        /** Not after: the taker's wave stays Progressing (or its pods fail) until the giver is there. */
        HEALTH,
        /** Only somewhere in the cluster: the taker retries by itself and blocks no wave. */
        ANY_WAVE
    }
}
