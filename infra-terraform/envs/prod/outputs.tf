output "cluster_name" {
  description = "EKS cluster name (aws eks update-kubeconfig --name ...)."
  value       = module.cluster.cluster_name
}

output "nat_public_ips" {
  description = "Egress addresses of prod, for allow-lists of third parties."
  value       = module.network.nat_public_ips
}

output "secret_names" {
  description = "Secrets Manager names per prod/<secret>: the remoteRef keys of the ExternalSecrets in gitops-envs/envs/prod."
  value       = module.secrets.secret_names
}

output "external_secrets_role_arn" {
  description = "Role the External Secrets controller gets through Pod Identity (association already made)."
  value       = module.secrets.external_secrets_role_arn
}

output "data_store_endpoints" {
  description = "postgres-endpoint and redis-endpoint of prod: the literals in gitops-envs/envs/prod/kustomization.yaml."
  value = {
    postgres_endpoint = module.data.postgres_endpoint
    redis_endpoint    = module.data.redis_endpoint
  }
}

output "postgres_master_secret_arn" {
  description = "RDS-managed master secret, for ops creating the service roles."
  value       = module.data.postgres_master_secret_arn
}

output "root_application" {
  description = "The Argo CD root Application Terraform created."
  value       = module.bootstrap.root_application
}
