variable "protect" {
  type        = bool
  description = "A flag the rule cannot see through."
}

module "data" {
  source = "../../modules/data"

  multi_az              = false
  deletion_protection   = var.protect
  skip_final_snapshot   = true
  backup_retention_days = 3
}
