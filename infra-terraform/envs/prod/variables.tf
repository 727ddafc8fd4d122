variable "region" {
  description = "AWS region of the prod account's resources."
  type        = string
  default     = "eu-central-1"

  validation {
    condition     = can(regex("^[a-z]{2}-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-central-1."
  }
}

variable "vpc_cidr" {
  description = "IPv4 /16 of the prod VPC; distinct from nonprod's so the two could be peered."
  type        = string
  default     = "10.30.0.0/16"
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the prod cluster (follows nonprod after it has run there)."
  type        = string
  default     = "1.34"
}

variable "github_repository" {
  description = "GitHub repository (owner/name) whose workflows may read prod status."
  type        = string
}

variable "admin_role_arns" {
  description = "IAM roles that get cluster-admin on the prod cluster (SSO admin role, Terraform role)."
  type        = list(string)
}

variable "public_access_cidrs" {
  description = "CIDRs (office, VPN egress) allowed to the public API endpoint; empty keeps the API private."
  type        = list(string)
  default     = []
}
