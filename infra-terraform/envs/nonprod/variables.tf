variable "region" {
  description = "AWS region of the nonprod account's resources."
  type        = string
  default     = "eu-central-1"

  validation {
    condition     = can(regex("^[a-z]{2}-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-central-1."
  }
}

variable "vpc_cidr" {
  description = "IPv4 /16 of the nonprod VPC; must not overlap prod if the VPCs are ever peered."
  type        = string
  default     = "10.20.0.0/16"
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the nonprod cluster (upgrade here first, then prod)."
  type        = string
  default     = "1.34"
}

variable "github_repository" {
  description = "GitHub repository (owner/name) whose delivery-branch workflows may push images."
  type        = string
}

variable "admin_role_arns" {
  description = "IAM roles that get cluster-admin on the nonprod cluster (SSO admin role, Terraform role)."
  type        = list(string)
}

variable "public_access_cidrs" {
  description = "CIDRs (office, VPN egress) allowed to the public API endpoint; empty keeps the API private."
  type        = list(string)
  default     = []
}

variable "prod_account_id" {
  description = "Prod AWS account, allowed to pull images from this account's ECR so prod runs the tested digests. Empty string: none."
  type        = string
  default     = ""

  validation {
    condition     = var.prod_account_id == "" || can(regex("^[0-9]{12}$", var.prod_account_id))
    error_message = "prod_account_id must be a 12-digit account ID or empty."
  }
}
