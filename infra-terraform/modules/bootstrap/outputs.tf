output "argocd_namespace" {
  description = "Namespace Argo CD runs in (kubectl -n argocd port-forward svc/argocd-server 8080:443)."
  value       = helm_release.argocd.namespace
}

output "argocd_chart_version" {
  description = "Version of the argo-cd Helm chart Terraform installed first (Argo CD upgrades itself from ops/argocd afterwards)."
  value       = helm_release.argocd.version
}

output "root_application" {
  description = "Name, repository, revision and path of the root Application, as read from its manifest."
  value = {
    name     = local.root_application.metadata.name
    repo_url = local.root_application.spec.source.repoURL
    revision = local.root_application.spec.source.targetRevision
    path     = local.root_application.spec.source.path
  }
}
