variable "name_prefix" {
  description = "Prefix of the IAM role names, for example shop-nonprod."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}$", var.name_prefix))
    error_message = "name_prefix must be 3-31 characters of lower-case letters, digits and dashes."
  }
}

variable "github_repository" {
  description = "GitHub repository whose workflows may assume the roles, as owner/name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be owner/name without wildcards."
  }
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (false when another stack in the account already made it: there can be only one per URL)."
  type        = bool
  default     = true
}

variable "create_push_role" {
  description = "Create the image-push and image-read roles (only in the account that holds the ECR repositories)."
  type        = bool
  default     = false
}

variable "push_repository_arns" {
  description = "ECR repositories the push role may push to and the read role may read (registry module output)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.push_repository_arns : can(regex("^arn:aws[a-z-]*:ecr:[a-z0-9-]+:[0-9]{12}:repository/.+$", arn))])
    error_message = "push_repository_arns must be ECR repository ARNs."
  }
}

variable "max_session_seconds" {
  description = "Longest session the roles hand out; a pipeline job needs minutes, not hours."
  type        = number
  default     = 3600

  validation {
    condition     = var.max_session_seconds >= 900 && var.max_session_seconds <= 3600
    error_message = "max_session_seconds must be between 900 and 3600."
  }
}

variable "tags" {
  description = "Tags added to every resource of this module."
  type        = map(string)
  default     = {}
}
