output "repository_urls" {
  description = "Repository URL per name (shop/<service> => <account>.dkr.ecr.<region>.amazonaws.com/shop/<service>): the image names CI pushes and gitops-envs references."
  value       = { for name, repository in module.repository : name => repository.repository_url }
}

output "repository_arns" {
  description = "Repository ARN per name, for the CI push role."
  value       = { for name, repository in module.repository : name => repository.repository_arn }
}

output "registry_id" {
  description = "Registry (account) ID that holds the repositories."
  value       = one(distinct([for repository in module.repository : repository.repository_registry_id]))
}
