variable "repository_names" {
  description = "One ECR repository per service, named shop/<service> as docs/architecture.md fixes."
  type        = list(string)

  validation {
    condition     = length(var.repository_names) > 0 && alltrue([for name in var.repository_names : can(regex("^shop/[a-z][a-z0-9-]*$", name))])
    error_message = "repository_names must be non-empty and each name must look like shop/<service>."
  }
}

variable "pull_account_ids" {
  description = "Other AWS accounts (prod) whose principals may pull images, so prod runs the very digest staging tested."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for id in var.pull_account_ids : can(regex("^[0-9]{12}$", id))])
    error_message = "pull_account_ids must be 12-digit AWS account IDs."
  }
}

variable "untagged_expiry_days" {
  description = "Days after which untagged images (left behind by re-pushed layers) are deleted."
  type        = number
  default     = 14

  validation {
    condition     = var.untagged_expiry_days >= 1
    error_message = "untagged_expiry_days must be at least 1."
  }
}

variable "dev_images_to_keep" {
  description = "How many develop-branch images (tags with -alpha.) to keep per repository; older ones are deleted."
  type        = number
  default     = 100

  validation {
    condition     = var.dev_images_to_keep >= 10
    error_message = "Keep at least 10 develop images so a rollback of dev stays possible."
  }
}

variable "tags" {
  description = "Tags added to every resource of this module."
  type        = map(string)
  default     = {}
}
