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
  description = "Base role the External Secrets controller gets through Pod Identity (association already made); it may only assume the store roles."
  value       = module.secrets.external_secrets_role_arn
}

output "secret_store_role_arns" {
  description = "Role per secret store (prod, platform): spec.provider.aws.role of the ClusterSecretStores in ops/argocd."
  value       = module.secrets.store_role_arns
}

output "cert_manager_role_arn" {
  description = "Role cert-manager gets through Pod Identity (association already made) for Route53 DNS-01 in dns_zone_id."
  value       = module.cluster.cert_manager_role_arn
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
