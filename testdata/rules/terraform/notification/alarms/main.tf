variable "log_group_name" {
  type = string
}

variable "enabled" {
  type = bool
}

resource "aws_cloudwatch_log_metric_filter" "unauthorized" {
  count          = var.enabled ? 1 : 0
  name           = "unauthorized-api-calls"
  log_group_name = var.log_group_name
  pattern        = "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }"
  metric_transformation {
    name      = "UnauthorizedAPICalls"
    namespace = "CIS"
    value     = "1"
  }
}

resource "aws_sns_topic" "security" {
  name = "security"
}

resource "aws_cloudwatch_metric_alarm" "unauthorized" {
  count               = var.enabled ? 1 : 0
  alarm_name          = "unauthorized-api-calls"
  metric_name         = "UnauthorizedAPICalls"
  namespace           = "CIS"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.security.arn]
}
