# Findings whose value spans lines: the range runs from the attribute's name to the end of its
# value (the caret line inside the value is one of its lines).

resource "aws_cloudwatch_log_group" "trail" {
  name = "trail"
}

resource "aws_cloudtrail" "multi_line" {
  name           = "audit"
  s3_bucket_name = "audit-logs"
  cloud_watch_logs_group_arn = join("", [  # expect: TW002 {{aws_cloudtrail.multi_line's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is the name of log group aws_cloudwatch_log_group.trail, not its ARN: refer to its arn and append :*}} TW004 {{aws_cloudtrail.multi_line notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^ +3:5
    aws_cloudwatch_log_group.trail.name,
  ])
  cloud_watch_logs_role_arn = "arn:aws:iam::123456789012:role/trail"
}

resource "aws_cloudtrail" "parenthesised" {
  name           = "audit"
  s3_bucket_name = "audit-logs"
  enable_logging = (  # expect: TW005 {{aws_cloudtrail.parenthesised does not log, so nothing reaches CloudWatch Logs: enable_logging is false}}
# ^ +3:4
    false
  )
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.parenthesised notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}
