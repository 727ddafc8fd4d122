# Installs Argo CD once from the same pinned chart ops/argocd/platform/apps/argocd.yaml uses,
# then the cluster's root Application from ops/argocd/bootstrap/<cluster>.yaml. From then on
# Argo CD manages itself and everything else from Git; Terraform does not touch them again.

locals {
  root_application = yamldecode(file(var.root_application_file))
}

resource "helm_release" "argocd" {
  name             = "argocd"
  repository       = "https://argoproj.github.io/argo-helm"
  chart            = "argo-cd"
  version          = "9.5.4"
  namespace        = var.argocd_namespace
  create_namespace = true
  wait             = true
  timeout          = 600

  # The first-install values Argo CD's own Application also applies first: no CRD-dependent objects
  # (ServiceMonitor comes with the add-ons), and the Application health check the root's sync waves
  # need. The full values (ops/argocd/platform/values/argocd.yaml) follow once Argo CD manages itself.
  values = [file("${path.module}/../../../ops/argocd/platform/values/argocd-bootstrap.yaml")]

  # After the handover Argo CD owns these objects; a later apply must not roll them back.
  lifecycle {
    ignore_changes = all
  }
}

# Applied through the argocd-apps chart rather than kubernetes_manifest, which needs the
# Application CRD at plan time, before the chart above has installed it.
resource "helm_release" "root_application" {
  name       = "argocd-root"
  repository = "https://argoproj.github.io/argo-helm"
  chart      = "argocd-apps"
  version    = "2.0.2"
  namespace  = var.argocd_namespace

  values = [yamlencode({
    applications = {
      (local.root_application.metadata.name) = merge(local.root_application.spec, {
        namespace        = local.root_application.metadata.namespace
        additionalLabels = try(local.root_application.metadata.labels, {})
      })
    }
  })]

  depends_on = [helm_release.argocd]
}

# What the CI status role may see: Argo CD's view of every environment and the workloads'
# rollout state. No Secrets, no ConfigMaps, no write verbs.
resource "kubernetes_cluster_role_v1" "ci_status" {
  metadata {
    name = "shop-ci-status-read"
  }

  rule {
    api_groups = ["argoproj.io"]
    resources  = ["applications", "applicationsets", "appprojects"]
    verbs      = ["get", "list", "watch"]
  }

  rule {
    api_groups = ["apps"]
    resources  = ["deployments", "replicasets"]
    verbs      = ["get", "list", "watch"]
  }

  rule {
    api_groups = [""]
    resources  = ["pods", "services", "events"]
    verbs      = ["get", "list", "watch"]
  }
}

resource "kubernetes_cluster_role_binding_v1" "ci_status" {
  metadata {
    name = "shop-ci-status-read"
  }

  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = kubernetes_cluster_role_v1.ci_status.metadata[0].name
  }

  subject {
    kind      = "Group"
    name      = var.ci_status_group
    api_group = "rbac.authorization.k8s.io"
  }
}
