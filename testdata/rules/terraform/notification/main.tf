# TW004 across modules: the alarms module receives the log group's name through an output.
resource "aws_cloudwatch_log_group" "trail" {
  name = "CloudTrail/audit"
}

resource "aws_cloudwatch_log_group" "unwatched" {
  name = "CloudTrail/unwatched"
}

module "alarms" {
  source         = "./alarms"
  log_group_name = aws_cloudwatch_log_group.trail.name
}

resource "aws_cloudtrail" "watched" {
  name                       = "watched"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}

resource "aws_cloudtrail" "unwatched" {
  name                       = "unwatched"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.unwatched.arn}:*"  # expect: TW004 {{aws_cloudtrail.unwatched notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.unwatched}}
# ^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}
