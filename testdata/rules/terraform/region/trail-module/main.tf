# Called with providers = { aws = aws.virginia }: its default provider is the caller's Virginia one.
resource "aws_cloudtrail" "in_module" {
  name                       = "m"
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:CloudTrail/audit:*"  # expect: TW002 {{module.virginia_trail.aws_cloudtrail.in_module's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is a log group in eu-west-1 but the trail is in us-east-1: CloudTrail delivers only to a log group in the trail's own region}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}
