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

variable "api_private_access_cidrs" {
  description = "CIDRs (VPN clients, bastion subnet) admitted to the private API endpoint on 443: where the second apply and kubectl run from when public_access_cidrs is empty."
  type        = list(string)
  default     = []
}

variable "api_private_access_security_group_ids" {
  description = "Security groups (bastion, SSM-managed runner in the VPC) admitted to the private API endpoint on 443."
  type        = list(string)
  default     = []
}

variable "dns_zone_id" {
  description = "Route53 hosted zone ID of the shop's public host names, for cert-manager's DNS-01 challenges (the ClusterIssuer in ops/argocd names the same zone)."
  type        = string
}

variable "eks_addon_versions" {
  description = "Exact EKS add-on versions for kubernetes_version; re-read them with the command in docs/infra.md when kubernetes_version changes."
  type        = map(string)
  default = {
    "vpc-cni"                = "v1.20.4-eksbuild.1"
    "eks-pod-identity-agent" = "v1.3.9-eksbuild.3"
    "coredns"                = "v1.12.4-eksbuild.1"
    "kube-proxy"             = "v1.34.0-eksbuild.2"
    "aws-ebs-csi-driver"     = "v1.51.1-eksbuild.1"
  }
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
