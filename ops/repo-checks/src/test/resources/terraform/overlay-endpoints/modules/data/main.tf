module "postgres" {
  source  = "terraform-aws-modules/rds/aws"
  version = "7.0.0"

  identifier = "${var.name}-postgres"
  port       = 5432
}

module "cache" {
  source  = "terraform-aws-modules/elasticache/aws"
  version = "1.7.0"

  replication_group_id = "${var.name}-sessions"
}
