# Broken on purpose: add-ons without exact versions, a private API only the nodes reach, an
# Identity Center ARN without its path, access entries keyed by list index.
variable "admin_role_arns" {
  description = "Admins."
  type        = list(string)
  default     = ["arn:aws:iam::111111111111:role/AWSReservedSSO_AdministratorAccess_0123456789abcdef"]
}

locals {
  access_entries = {
    for index, arn in var.admin_role_arns : "admin-${index}" => { principal_arn = arn }
  }
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "21.10.1"

  endpoint_public_access = false
  access_entries         = local.access_entries

  addons = {
    vpc-cni = {
      before_compute = true
    }
    coredns = {
      addon_version = "v1.12.4-eksbuild.1"
      most_recent   = true
    }
  }
}

resource "aws_eks_addon" "kube_proxy" {
  cluster_name = "x"
  addon_name   = "kube-proxy"
}
