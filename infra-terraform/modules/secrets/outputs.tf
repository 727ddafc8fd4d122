output "secret_names" {
  description = "Secrets Manager names by <env>/<secret> and platform/<secret>: the keys the ExternalSecrets in gitops-envs and ops/argocd extract."
  value       = { for key, secret in module.secret : key => secret.secret_name }
}

output "secret_arns" {
  description = "Secret ARNs by <env>/<secret> and platform/<secret>."
  value       = { for key, secret in module.secret : key => secret.secret_arn }
}

output "external_secrets_role_arn" {
  description = "IAM role External Secrets assumes through Pod Identity."
  value       = module.external_secrets_pod_identity.iam_role_arn
}
