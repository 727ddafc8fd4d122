variable "name" {
  type        = string
  description = "Used."
}

variable "spare" {
  type        = string
  description = "Declared, never used; its own validation does not count as use."
  validation {
    condition     = length(var.spare) > 0
    error_message = "Not empty."
  }
}

locals {
  # A literal mentioning var.literal_only is not a reference.
  note  = "see var.literal_only"
  names = [for i in range(2) : "${var.name}-${i}-${var.missing}"]
}
