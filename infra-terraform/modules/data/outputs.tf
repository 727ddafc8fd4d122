output "postgres_endpoint" {
  description = "host:port of PostgreSQL: the postgres-endpoint literal in gitops-envs/envs/<env>/kustomization.yaml."
  value       = "${module.postgres.db_instance_address}:${module.postgres.db_instance_port}"
}

output "redis_endpoint" {
  description = "host:port of the Valkey primary (TLS): the redis-endpoint literal in gitops-envs/envs/<env>/kustomization.yaml."
  value       = "${module.cache.replication_group_primary_endpoint_address}:6379"
}

output "postgres_master_secret_arn" {
  description = "RDS-managed secret with the master credentials (for ops creating the service roles; never for apps)."
  value       = module.postgres.db_instance_master_user_secret_arn
}
