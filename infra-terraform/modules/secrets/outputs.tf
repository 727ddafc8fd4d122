output "secret_names" {
  description = "Secrets Manager names by <env>/<secret> and platform/<secret>: the keys the ExternalSecrets in gitops-envs and ops/argocd extract."
  value       = { for key, secret in module.secret : key => secret.secret_name }
}

output "secret_arns" {
  description = "Secret ARNs by <env>/<secret> and platform/<secret>."
  value       = { for key, secret in module.secret : key => secret.secret_arn }
}

output "external_secrets_role_arn" {
  description = "Base role External Secrets gets through Pod Identity; it may only assume the store roles."
  value       = module.external_secrets_pod_identity.iam_role_arn
}

output "store_role_arns" {
  description = "Role per store (each environment of the cluster, and platform), named <cluster_name>-secrets-<store>: the role of that store's ClusterSecretStore in ops/argocd."
  value       = { for store, role in aws_iam_role.store : store => role.arn }
}
