# Called by ../one-line in a one-line block: evaluated as module.defaults, not as a root.
variable "role_arn" {
  default = ""
}

resource "aws_cloudtrail" "t" {
  name                       = "t"
  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:audit:*"
  cloud_watch_logs_role_arn  = var.role_arn  # expect: TW001 {{module.defaults.aws_cloudtrail.t is not integrated with CloudWatch Logs: cloud_watch_logs_role_arn is empty (from the default of variable role_arn)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}
