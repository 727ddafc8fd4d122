variable "root_application_file" {
  description = "The cluster's root Application manifest, ops/argocd/bootstrap/<cluster>.yaml: its repoURL, revision and path are taken as written there."
  type        = string

  validation {
    condition     = fileexists(var.root_application_file)
    error_message = "root_application_file must name an existing file (ops/argocd/bootstrap/<cluster>.yaml)."
  }
}

variable "argocd_namespace" {
  description = "Namespace Argo CD is installed into; ops/argocd's Applications live there too."
  type        = string
  default     = "argocd"
}

variable "ci_status_group" {
  description = "Kubernetes group of the CI status role (cluster module access entry); bound here to read-only status RBAC."
  type        = string
  default     = "shop:ci-status"
}
