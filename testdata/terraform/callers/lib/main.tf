# A module called only from a .tf.json configuration; another folder's commented-out call does not count.
variable "role_arn" {
  type = string
}

resource "aws_cloudtrail" "t" {
  name                       = "t"
  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:audit:*"
  cloud_watch_logs_role_arn  = var.role_arn  # expect: TW001 {{module.lib.aws_cloudtrail.t is not integrated with CloudWatch Logs: cloud_watch_logs_role_arn is empty (from argument role_arn of module.lib)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}
