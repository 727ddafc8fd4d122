variable "platform_secret_names" {
  type    = list(string)
  default = ["argocd-notifications", "argocd-dex-github", "grafana-admin", "alertmanager-slack"]
}
