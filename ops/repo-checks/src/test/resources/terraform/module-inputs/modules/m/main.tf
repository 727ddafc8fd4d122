# Broken on purpose: arguments the pinned versions do not have, literals of the wrong kind, a
# pin without facts, and version floors below what the modules need.
terraform {
  required_version = ">= 1.10, < 2.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
    }
  }
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "6.5.0"

  create_flow_log_iam_role = true
  enable_nat_gateway       = "yes"
  azs                      = "eu-central-1a"
}

module "postgres" {
  source  = "terraform-aws-modules/rds/aws"
  version = "7.0.0"

  engine = "postgres"
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "21.10.1"
}

module "unpinned_facts" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "6.4.0"
}
