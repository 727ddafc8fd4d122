module "repository" {
  source  = "terraform-aws-modules/ecr/aws"
  version = "3.0.1"

  repository_name                 = "shop/catalog"
  repository_image_tag_mutability = "MUTABLE"
}

resource "aws_ecr_repository" "handmade" {
  name                 = "shop/orders"
  image_tag_mutability = "MUTABLE"
}
