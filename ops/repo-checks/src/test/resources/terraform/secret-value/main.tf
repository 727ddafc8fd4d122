# Broken on purpose: secret versions created with no value.
variable "filled_later" {
  description = "Whether ops fill the value."
  type        = bool
}

module "conditional_null" {
  source  = "terraform-aws-modules/secrets-manager/aws"
  version = "2.0.0"

  name                  = "a"
  secret_string         = var.filled_later ? null : jsonencode({ password = "x" })
  ignore_secret_changes = true
}

module "no_value" {
  source  = "terraform-aws-modules/secrets-manager/aws"
  version = "2.0.0"

  name                  = "b"
  ignore_secret_changes = true
}

resource "aws_secretsmanager_secret_version" "empty" {
  secret_id = "c"
}
