# Called twice by ../main.tf: the sandbox call's finding is suppressed there, the production one is not.
resource "aws_cloudtrail" "this" {  # expect@1-33: TW001 {{module.production.aws_cloudtrail.this is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn and cloud_watch_logs_role_arn are not set}}
  name           = "t"
  s3_bucket_name = "logs"
}
