# tflint settings for ops/bin/standard-linters: the Terraform language rules (recommended preset)
# and the AWS ruleset (invalid instance types, engine versions, ...), both pinned.
plugin "terraform" {
  enabled = true
  preset  = "recommended"
}

plugin "aws" {
  enabled = true
  version = "0.48.0"
  source  = "github.com/terraform-linters/tflint-ruleset-aws"
}
