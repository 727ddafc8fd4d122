locals {
  name         = "shop-nonprod"
  environments = ["dev", "staging"]
}
