# The only caller: log_group_arn is given empty, role_arn not at all (its default is empty).
module "audit" {
  source        = "../trail"
  log_group_arn = "" # filled in by the pipeline, some day
}

resource "aws_s3_bucket" "logs" {
  bucket = "audit-logs"
}
