variable "environments" {
  description = "Environments whose app secrets live in this account, for example [\"dev\", \"staging\"]."
  type        = list(string)

  validation {
    condition     = length(var.environments) > 0 && alltrue([for env in var.environments : contains(["dev", "staging", "prod"], env)])
    error_message = "environments must be a non-empty subset of dev, staging, prod."
  }
}

variable "platform_secret_names" {
  description = "Cluster-wide secrets under shop/platform/ that ops/argocd's ExternalSecrets read (Argo CD notifications and repository access, sign-in, Grafana admin, Alertmanager's Slack webhook)."
  type        = list(string)
  default     = ["argocd-notifications", "argocd-dex-github", "grafana-admin", "alertmanager-slack"]

  validation {
    condition     = alltrue([for name in var.platform_secret_names : can(regex("^[a-z][a-z0-9-]*$", name))])
    error_message = "platform_secret_names must be lower-case names with dashes."
  }
}

variable "cluster_name" {
  description = "EKS cluster whose External Secrets controller reads these secrets through Pod Identity."
  type        = string
}

variable "external_secrets_namespace" {
  description = "Namespace of the External Secrets controller."
  type        = string
  default     = "external-secrets"
}

variable "external_secrets_service_account" {
  description = "Service account of the External Secrets controller."
  type        = string
  default     = "external-secrets"
}

variable "recovery_window_days" {
  description = "Days a deleted secret can still be restored."
  type        = number
  default     = 30

  validation {
    condition     = var.recovery_window_days >= 7 && var.recovery_window_days <= 30
    error_message = "recovery_window_days must be between 7 and 30."
  }
}

variable "tags" {
  description = "Tags added to every resource of this module."
  type        = map(string)
  default     = {}
}
