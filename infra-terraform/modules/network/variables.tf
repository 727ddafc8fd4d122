variable "name" {
  description = "Name of the VPC and prefix of everything in it, for example shop-nonprod."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}$", var.name))
    error_message = "name must be 3-31 characters of lower-case letters, digits and dashes, starting with a letter."
  }
}

variable "cidr" {
  description = "IPv4 CIDR of the VPC. A /16 is required: the subnet plan below carves /20 private and /24 other subnets out of it."
  type        = string

  validation {
    condition     = can(cidrhost(var.cidr, 0)) && try(split("/", var.cidr)[1] == "16", false)
    error_message = "cidr must be a valid IPv4 /16, for example 10.20.0.0/16."
  }
}

variable "azs" {
  description = "Exactly three availability zones to spread every subnet tier over."
  type        = list(string)

  validation {
    condition     = length(var.azs) == 3 && length(distinct(var.azs)) == 3
    error_message = "azs must list three distinct availability zones."
  }
}

variable "single_nat_gateway" {
  description = "true: one NAT gateway for the whole VPC (nonprod, saves two gateways); false: one NAT gateway per AZ so losing an AZ does not cut egress (prod)."
  type        = bool
}

variable "flow_log_retention_days" {
  description = "Days to keep VPC flow logs in CloudWatch Logs."
  type        = number
  default     = 30

  validation {
    condition     = contains([7, 14, 30, 60, 90, 180, 365], var.flow_log_retention_days)
    error_message = "flow_log_retention_days must be one of 7, 14, 30, 60, 90, 180, 365."
  }
}

variable "tags" {
  description = "Tags added to every resource of this module."
  type        = map(string)
  default     = {}
}
