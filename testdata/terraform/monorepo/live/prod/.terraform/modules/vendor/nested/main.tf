resource "aws_cloudtrail" "nested" {
  name           = "nested"
  s3_bucket_name = "vendor-logs"
}
