variable "name" {
  description = "Prefix of the data stores, for example shop-staging."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}$", var.name))
    error_message = "name must be 3-31 characters of lower-case letters, digits and dashes."
  }
}

variable "environment" {
  description = "Environment the data stores serve: dev, staging or prod."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "vpc_id" {
  description = "VPC of the data stores (network module output)."
  type        = string
}

variable "database_subnet_ids" {
  description = "Database subnets, one per AZ, for ElastiCache."
  type        = list(string)

  validation {
    condition     = length(var.database_subnet_ids) >= 2
    error_message = "Failover needs database subnets in at least two AZs."
  }
}

variable "database_subnet_group_name" {
  description = "RDS subnet group over the database subnets (network module output)."
  type        = string
}

variable "client_security_group_id" {
  description = "The only security group allowed to connect: the EKS nodes' (cluster module output)."
  type        = string
}

variable "postgres_instance_class" {
  description = "RDS instance class, for example db.t4g.medium."
  type        = string

  validation {
    condition     = startswith(var.postgres_instance_class, "db.")
    error_message = "postgres_instance_class must be an RDS class such as db.t4g.medium."
  }
}

variable "postgres_allocated_storage_gb" {
  description = "Initial gp3 storage in GiB; storage autoscaling may grow it to five times this."
  type        = number
  default     = 20

  validation {
    condition     = var.postgres_allocated_storage_gb >= 20
    error_message = "gp3 needs at least 20 GiB."
  }
}

variable "multi_az" {
  description = "Run a synchronous standby in a second AZ. Required in prod."
  type        = bool

  validation {
    condition     = var.environment != "prod" || var.multi_az
    error_message = "prod databases must be Multi-AZ."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the database. Required in prod."
  type        = bool

  validation {
    condition     = var.environment != "prod" || var.deletion_protection
    error_message = "prod databases must have deletion protection."
  }
}

variable "skip_final_snapshot" {
  description = "Delete without a final snapshot. Only for short-lived environments; never in prod."
  type        = bool

  validation {
    condition     = var.environment != "prod" || !var.skip_final_snapshot
    error_message = "prod databases must take a final snapshot."
  }
}

variable "backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35 && (var.environment != "prod" || var.backup_retention_days >= 7)
    error_message = "backup_retention_days must be 1-35, and at least 7 in prod."
  }
}

variable "cache_node_type" {
  description = "ElastiCache node type, for example cache.t4g.small."
  type        = string

  validation {
    condition     = startswith(var.cache_node_type, "cache.")
    error_message = "cache_node_type must be an ElastiCache type such as cache.t4g.small."
  }
}

variable "cache_replicas" {
  description = "Read replicas next to the primary; at least one, so the cache can fail over."
  type        = number
  default     = 1

  validation {
    condition     = var.cache_replicas >= 1 && var.cache_replicas <= 5
    error_message = "cache_replicas must be 1-5 (automatic failover needs a replica)."
  }
}

variable "cache_auth_token_secret_arn" {
  description = "Secrets Manager entry holding the cache auth token (secrets module output for <env>/storefront-redis)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:secretsmanager:", var.cache_auth_token_secret_arn))
    error_message = "cache_auth_token_secret_arn must be a Secrets Manager ARN."
  }
}

variable "tags" {
  description = "Tags added to every resource of this module."
  type        = map(string)
  default     = {}
}
