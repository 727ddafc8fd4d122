module "postgres" {
  source  = "terraform-aws-modules/rds/aws"
  version = "7.0.0"

  engine_version              = "16.4"
  manage_master_user_password = false
  password                    = "not-managed-by-rds"
  multi_az                    = false
  deletion_protection         = true
  skip_final_snapshot         = true
  backup_retention_period     = 1
}

module "cache" {
  source  = "terraform-aws-modules/elasticache/aws"
  version = "1.7.0"

  transit_encryption_enabled = false
  at_rest_encryption_enabled = true
  automatic_failover_enabled = true
  multi_az_enabled           = true
  auth_token                 = "literal-token"
}
