output "ecr_repository_urls" {
  description = "Image repositories by name: gitops-envs images: newName values are these URLs (the pipeline writes them from the ECR login)."
  value       = module.registry.repository_urls
}

output "image_push_role_arn" {
  description = "GitHub variable AWS_IMAGE_PUSH_ROLE_ARN (develop, release/*, hotfix/*, main only)."
  value       = module.ci_identity.push_role_arn
}

output "image_read_role_arn" {
  description = "GitHub variable AWS_IMAGE_READ_ROLE_ARN (the write-back jobs: signature and SBOM checks before writing an overlay)."
  value       = module.ci_identity.read_role_arn
}

output "cluster_name" {
  description = "EKS cluster name (aws eks update-kubeconfig --name ...)."
  value       = module.cluster.cluster_name
}

output "secret_names" {
  description = "Secrets Manager names per <env>/<secret>: the remoteRef keys of the ExternalSecrets in gitops-envs/envs/dev and staging."
  value       = module.secrets.secret_names
}

output "external_secrets_role_arn" {
  description = "Base role the External Secrets controller gets through Pod Identity (association already made); it may only assume the store roles."
  value       = module.secrets.external_secrets_role_arn
}

output "secret_store_role_arns" {
  description = "Role per secret store (dev, staging, platform): spec.provider.aws.role of the ClusterSecretStores in ops/argocd."
  value       = module.secrets.store_role_arns
}

output "cert_manager_role_arn" {
  description = "Role cert-manager gets through Pod Identity (association already made) for Route53 DNS-01 in dns_zone_id."
  value       = module.cluster.cert_manager_role_arn
}

output "data_store_endpoints" {
  description = "postgres-endpoint and redis-endpoint per environment: the literals in gitops-envs/envs/<env>/kustomization.yaml."
  value = {
    dev = {
      postgres_endpoint = module.data_dev.postgres_endpoint
      redis_endpoint    = module.data_dev.redis_endpoint
    }
    staging = {
      postgres_endpoint = module.data_staging.postgres_endpoint
      redis_endpoint    = module.data_staging.redis_endpoint
    }
  }
}

output "postgres_master_secret_arns" {
  description = "RDS-managed master secrets per environment, for ops creating the service roles."
  value = {
    dev     = module.data_dev.postgres_master_secret_arn
    staging = module.data_staging.postgres_master_secret_arn
  }
}

output "root_application" {
  description = "The Argo CD root Application Terraform created."
  value       = module.bootstrap.root_application
}
