# The configuration the plan beside it was made from.
resource "aws_cloudtrail" "main" {  # expect@1-33: TW001 {{aws_cloudtrail.main is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn and cloud_watch_logs_role_arn are not set}}
  name = "audit"
}
