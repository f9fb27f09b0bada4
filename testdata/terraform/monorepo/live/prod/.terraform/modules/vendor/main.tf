resource "aws_cloudtrail" "vendor" {
  name           = "vendor"
  s3_bucket_name = "vendor-logs"
}

module "local_in_vendor" {
  source = "./nested"
}
