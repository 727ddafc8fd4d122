# EKS with a private API, access entries instead of the aws-auth ConfigMap, AL2023 nodes
# across the AZs, and add-ons whose AWS permissions come from Pod Identity (no IRSA).
# Node count is fixed by node_min/max/desired_size: no cluster autoscaler runs (docs/infra.md).

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  partition   = data.aws_partition.current.partition
  account_id  = data.aws_caller_identity.current.account_id
  cluster_arn = "arn:${local.partition}:eks:${data.aws_region.current.region}:${local.account_id}:cluster/${var.name}"

  # Keyed by the ARN itself: removing one role leaves the other entries' addresses unchanged.
  admin_access_entries = {
    for arn in toset(var.admin_role_arns) : arn => {
      principal_arn = arn
      policy_associations = {
        cluster_admin = {
          policy_arn   = "arn:${local.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
          access_scope = { type = "cluster" }
        }
      }
    }
  }

  # No access policy: the group gets exactly the RBAC the bootstrap module binds to it.
  ci_status_access_entries = var.enable_ci_status_access ? {
    ci-status = {
      principal_arn     = var.ci_status_role_arn
      kubernetes_groups = [var.ci_status_group]
    }
  } : {}

  # Who may use each Pod Identity role: this account's EKS (aws:SourceAccount), this cluster,
  # one namespace and service account (the session tags EKS Pod Identity sets).
  pod_identity_workloads = {
    ebs_csi      = { namespace = "kube-system", service_account = "ebs-csi-controller-sa" }
    cert_manager = { namespace = "cert-manager", service_account = "cert-manager" }
  }
  pod_identity_trust_conditions = {
    for name, workload in local.pod_identity_workloads : name => [
      { test = "StringEquals", variable = "aws:SourceAccount", values = [local.account_id] },
      { test = "StringEquals", variable = "aws:RequestTag/eks-cluster-arn", values = [local.cluster_arn] },
      { test = "StringEquals", variable = "aws:RequestTag/kubernetes-namespace", values = [workload.namespace] },
      { test = "StringEquals", variable = "aws:RequestTag/kubernetes-service-account", values = [workload.service_account] },
    ]
  }

  # HTTPS to the API from where Terraform's second step and operators run, besides the nodes.
  api_access_rules = merge(
    length(var.api_private_access_cidrs) > 0 ? {
      api_from_admitted_cidrs = {
        description = "Kubernetes API from admitted networks (VPN, bastion subnet)"
        protocol    = "tcp"
        from_port   = 443
        to_port     = 443
        type        = "ingress"
        cidr_blocks = var.api_private_access_cidrs
      }
    } : {},
    {
      for group_id in toset(var.api_private_access_security_group_ids) : "api_from_${group_id}" => {
        description              = "Kubernetes API from an admitted security group"
        protocol                 = "tcp"
        from_port                = 443
        to_port                  = 443
        type                     = "ingress"
        source_security_group_id = group_id
      }
    }
  )
}

module "ebs_csi_pod_identity" {
  source  = "terraform-aws-modules/eks-pod-identity/aws"
  version = "2.6.0"

  name                      = "${var.name}-ebs-csi"
  attach_aws_ebs_csi_policy = true
  trust_policy_conditions   = local.pod_identity_trust_conditions.ebs_csi

  tags = var.tags
}

# cert-manager solves ACME DNS-01 challenges in the shop's hosted zone (ADR 0406).
module "cert_manager_pod_identity" {
  source  = "terraform-aws-modules/eks-pod-identity/aws"
  version = "2.6.0"

  name                          = "${var.name}-cert-manager"
  attach_cert_manager_policy    = true
  cert_manager_hosted_zone_arns = ["arn:${local.partition}:route53:::hostedzone/${var.dns_zone_id}"]
  trust_policy_conditions       = local.pod_identity_trust_conditions.cert_manager

  associations = {
    cert_manager = {
      cluster_name    = module.eks.cluster_name
      namespace       = local.pod_identity_workloads.cert_manager.namespace
      service_account = local.pod_identity_workloads.cert_manager.service_account
    }
  }

  tags = var.tags
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "21.10.1"

  name               = var.name
  kubernetes_version = var.kubernetes_version

  endpoint_private_access      = true
  endpoint_public_access       = length(var.public_access_cidrs) > 0
  endpoint_public_access_cidrs = var.public_access_cidrs

  security_group_additional_rules = local.api_access_rules

  authentication_mode                      = "API"
  enable_cluster_creator_admin_permissions = false
  access_entries                           = merge(local.admin_access_entries, local.ci_status_access_entries)

  vpc_id                   = var.vpc_id
  subnet_ids               = var.private_subnet_ids
  control_plane_subnet_ids = var.control_plane_subnet_ids

  create_kms_key    = true
  encryption_config = { resources = ["secrets"] }

  enabled_log_types                      = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  cloudwatch_log_group_retention_in_days = var.log_retention_days

  # Exact versions (var.addon_versions), never the module's most_recent lookup. The EBS CSI
  # driver brings no StorageClass: the default gp3 class is a manifest in ops/argocd's platform.
  addons = {
    # Networking and the Pod Identity agent must exist before nodes join, or nodes stay NotReady.
    vpc-cni = {
      addon_version  = var.addon_versions["vpc-cni"]
      most_recent    = false
      before_compute = true
      # Without it the NetworkPolicies of gitops-envs and ops/argocd are accepted but not enforced.
      configuration_values = jsonencode({ enableNetworkPolicy = "true" })
    }
    eks-pod-identity-agent = {
      addon_version  = var.addon_versions["eks-pod-identity-agent"]
      most_recent    = false
      before_compute = true
    }
    coredns = {
      addon_version = var.addon_versions["coredns"]
      most_recent   = false
    }
    kube-proxy = {
      addon_version = var.addon_versions["kube-proxy"]
      most_recent   = false
    }
    aws-ebs-csi-driver = {
      addon_version = var.addon_versions["aws-ebs-csi-driver"]
      most_recent   = false
      pod_identity_association = [{
        role_arn        = module.ebs_csi_pod_identity.iam_role_arn
        service_account = local.pod_identity_workloads.ebs_csi.service_account
      }]
    }
  }

  eks_managed_node_groups = {
    default = {
      ami_type       = "AL2023_x86_64_STANDARD"
      instance_types = var.node_instance_types
      capacity_type  = "ON_DEMAND"
      subnet_ids     = var.private_subnet_ids

      min_size     = var.node_min_size
      max_size     = var.node_max_size
      desired_size = var.node_desired_size
    }
  }

  tags = var.tags
}
