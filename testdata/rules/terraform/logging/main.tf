# TW005: logging switched off.
variable "logging" {
  type    = bool
  default = false
}

resource "aws_cloudtrail" "stopped" {
  name                       = "stopped"
  enable_logging             = false  # expect: TW005 {{aws_cloudtrail.stopped does not log, so nothing reaches CloudWatch Logs: enable_logging is false}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:audit:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}

resource "aws_cloudtrail" "from_variable" {
  name                       = "from-variable"
  enable_logging             = var.logging  # expect: TW005 {{aws_cloudtrail.from_variable does not log, so nothing reaches CloudWatch Logs: enable_logging is false (from the default of variable logging)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:audit:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}

resource "aws_cloudtrail" "logging" {
  name                       = "logging"
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:audit:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}
