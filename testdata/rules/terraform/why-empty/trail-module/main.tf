# Called by ../main.tf with send_to_cwl false.
variable "send_to_cwl" {
  type    = bool
  default = true
}

resource "aws_cloudtrail" "this" {
  name                       = "module"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = var.send_to_cwl ? "arn:aws:logs:us-east-1:123456789012:log-group:audit:*" : null  # expect: TW001 {{module.trail.aws_cloudtrail.this is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is null (from condition var.send_to_cwl, false because of argument send_to_cwl of module.trail); cloud_watch_logs_role_arn is null (from condition var.send_to_cwl, false because of argument send_to_cwl of module.trail)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = var.send_to_cwl ? "arn:aws:iam::123456789012:role/trail" : null
}
