variable "name" {
  description = "Name of the EKS cluster, for example shop-nonprod."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,37}$", var.name))
    error_message = "name must be 3-38 characters of lower-case letters, digits and dashes, starting with a letter."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane, for example 1.34. addon_versions must be versions EKS offers for it."
  type        = string

  validation {
    condition     = can(regex("^1\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "kubernetes_version must look like 1.34."
  }
}

variable "vpc_id" {
  description = "VPC the cluster runs in (network module output)."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]+$", var.vpc_id))
    error_message = "vpc_id must be a VPC ID such as vpc-0abc123."
  }
}

variable "private_subnet_ids" {
  description = "Private subnets, one per AZ, for the managed node groups."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2
    error_message = "Nodes need private subnets in at least two AZs."
  }
}

variable "control_plane_subnet_ids" {
  description = "Intra subnets for the control-plane network interfaces."
  type        = list(string)

  validation {
    condition     = length(var.control_plane_subnet_ids) >= 2
    error_message = "EKS needs control-plane subnets in at least two AZs."
  }
}

variable "public_access_cidrs" {
  description = "CIDRs allowed to reach the public API endpoint. Empty keeps the endpoint private only (reachable from inside the VPC)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.public_access_cidrs : can(cidrhost(cidr, 0)) && cidr != "0.0.0.0/0"])
    error_message = "public_access_cidrs must be valid CIDRs and must not be 0.0.0.0/0."
  }
}

variable "api_private_access_cidrs" {
  description = "CIDRs inside the VPC or reached over VPN/Direct Connect (bastion subnet, VPN clients) admitted to the private API endpoint on 443, besides the nodes. Terraform's second step (Helm, Kubernetes providers) runs from one of them when the public endpoint is off."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.api_private_access_cidrs : can(cidrhost(cidr, 0)) && cidr != "0.0.0.0/0"])
    error_message = "api_private_access_cidrs must be valid CIDRs and must not be 0.0.0.0/0."
  }
}

variable "api_private_access_security_group_ids" {
  description = "Security groups (of a bastion, an SSM-managed runner, a CI runner in the VPC) admitted to the private API endpoint on 443, besides the nodes."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for id in var.api_private_access_security_group_ids : can(regex("^sg-[0-9a-f]+$", id))])
    error_message = "api_private_access_security_group_ids must be security group IDs such as sg-0abc123."
  }

  validation {
    condition     = length(var.public_access_cidrs) > 0 || length(var.api_private_access_cidrs) > 0 || length(var.api_private_access_security_group_ids) > 0
    error_message = "Nothing but the nodes could reach the API: list public_access_cidrs, api_private_access_cidrs or api_private_access_security_group_ids."
  }
}

variable "admin_role_arns" {
  description = "IAM roles (people's SSO roles, the Terraform role) that get cluster-admin through an EKS access entry. An IAM Identity Center role is given with its path, as IAM shows it: arn:aws:iam::<account>:role/aws-reserved/sso.amazonaws.com/[<region>/]AWSReservedSSO_<permission set>_<suffix>."
  type        = list(string)

  validation {
    condition     = length(var.admin_role_arns) > 0 && alltrue([for arn in var.admin_role_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", arn))])
    error_message = "admin_role_arns must hold at least one IAM role ARN."
  }

  # CreateAccessEntry needs the role's real ARN; an SSO role without its path names no role,
  # and with creator-admin off the cluster would then have no admin at all.
  validation {
    condition = alltrue([
      for arn in var.admin_role_arns : (
        !strcontains(arn, "AWSReservedSSO_")
        || can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/aws-reserved/sso\\.amazonaws\\.com/([a-z]{2}(-[a-z]+)+-[0-9]/)?AWSReservedSSO_[A-Za-z0-9+=,.@_-]+$", arn))
      )
    ])
    error_message = "An IAM Identity Center role must be given with its path: arn:aws:iam::<account>:role/aws-reserved/sso.amazonaws.com/[<region>/]AWSReservedSSO_<permission set>_<suffix>."
  }
}

variable "enable_ci_status_access" {
  description = "Whether to give ci_status_role_arn an access entry in the Kubernetes group ci_status_group (read-only RBAC is bound by the bootstrap module)."
  type        = bool
  default     = false
}

variable "ci_status_role_arn" {
  description = "IAM role the workflows use to read Argo CD status (ci-identity output); used when enable_ci_status_access is true."
  type        = string
  default     = null

  validation {
    condition     = !var.enable_ci_status_access || var.ci_status_role_arn != null
    error_message = "ci_status_role_arn is required when enable_ci_status_access is true."
  }
}

variable "ci_status_group" {
  description = "Kubernetes group the CI status role is mapped to."
  type        = string
  default     = "shop:ci-status"
}

variable "node_instance_types" {
  description = "Instance types of the default managed node group, in order of preference."
  type        = list(string)

  validation {
    condition     = length(var.node_instance_types) > 0
    error_message = "Give at least one instance type."
  }
}

variable "node_min_size" {
  description = "Minimum number of nodes."
  type        = number

  validation {
    condition     = var.node_min_size >= 2
    error_message = "Keep at least two nodes so a node drain does not take the shop down."
  }
}

variable "node_max_size" {
  description = "Maximum number of nodes."
  type        = number

  validation {
    condition     = var.node_max_size >= var.node_min_size
    error_message = "node_max_size must be at least node_min_size."
  }
}

variable "node_desired_size" {
  description = "Number of nodes at creation. No autoscaler runs; the community module ignores later changes to it, so scale with aws eks update-nodegroup-config (docs/infra.md)."
  type        = number

  validation {
    condition     = var.node_desired_size >= var.node_min_size && var.node_desired_size <= var.node_max_size
    error_message = "node_desired_size must lie between node_min_size and node_max_size."
  }
}

variable "addon_versions" {
  description = "Exact EKS add-on versions for kubernetes_version, by add-on name (aws eks describe-addon-versions, docs/infra.md)."
  type        = map(string)

  validation {
    condition     = toset(keys(var.addon_versions)) == toset(["vpc-cni", "eks-pod-identity-agent", "coredns", "kube-proxy", "aws-ebs-csi-driver"])
    error_message = "addon_versions must name exactly vpc-cni, eks-pod-identity-agent, coredns, kube-proxy and aws-ebs-csi-driver."
  }

  validation {
    condition     = alltrue([for version in values(var.addon_versions) : can(regex("^v[0-9]+\\.[0-9]+\\.[0-9]+-eksbuild\\.[0-9]+$", version))])
    error_message = "Each add-on version must be exact, such as v1.20.4-eksbuild.1."
  }
}

variable "dns_zone_id" {
  description = "Route53 hosted zone of the shop's public host names: cert-manager's DNS-01 role may change records only there."
  type        = string

  validation {
    condition     = can(regex("^Z[A-Z0-9]{1,31}$", var.dns_zone_id))
    error_message = "dns_zone_id must be a Route53 hosted zone ID such as Z0123456789ABCDEFGHIJ (without /hostedzone/)."
  }
}

variable "log_retention_days" {
  description = "Days to keep control-plane logs in CloudWatch Logs."
  type        = number
  default     = 90

  validation {
    condition     = contains([7, 14, 30, 60, 90, 180, 365], var.log_retention_days)
    error_message = "log_retention_days must be one of 7, 14, 30, 60, 90, 180, 365."
  }
}

variable "tags" {
  description = "Tags added to every resource of this module."
  type        = map(string)
  default     = {}
}
