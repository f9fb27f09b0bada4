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
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}

# An alarm whose actions are switched off tells nobody; one with only OK actions neither.
resource "aws_cloudwatch_log_group" "switched_off" {
  name = "CloudTrail/switched-off"
}

resource "aws_cloudwatch_log_metric_filter" "switched_off" {
  name           = "console-without-mfa"
  log_group_name = aws_cloudwatch_log_group.switched_off.name
  pattern        = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }"
  metric_transformation {
    name      = "NoMfa"
    namespace = "Audit"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "switched_off" {
  alarm_name          = "no-mfa"
  metric_name         = "NoMfa"
  namespace           = "Audit"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  threshold           = 1
  actions_enabled     = false
  alarm_actions       = ["arn:aws:sns:us-east-1:123456789012:alerts"]
}

resource "aws_cloudwatch_metric_alarm" "recovery_only" {
  alarm_name          = "no-mfa-ok"
  metric_name         = "NoMfa"
  namespace           = "Audit"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  threshold           = 1
  ok_actions          = ["arn:aws:sns:us-east-1:123456789012:alerts"]
}

resource "aws_cloudtrail" "switched_off" {
  name                       = "switched-off"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.switched_off.arn}:*"  # expect: TW004 {{aws_cloudtrail.switched_off notifies nobody: no alarm with an action watches the metrics of the filters on log group aws_cloudwatch_log_group.switched_off (CIS monitoring filters present: console sign-in without MFA); alarm aws_cloudwatch_metric_alarm.switched_off watches them but its actions are disabled (actions_enabled is false); alarm aws_cloudwatch_metric_alarm.recovery_only watches them but has no alarm action (alarm_actions)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}
