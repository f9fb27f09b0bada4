# TW004 near misses: a metric written as a dynamic block is not visible, so it may be the one an
# alarm watches (or an alarm's dynamic query may watch the filter's metric). Nothing to report.
variable "metric_names" {
  type = list(string)
}

variable "queries" {
  type = map(string)
}

resource "aws_sns_topic" "security" {
  name = "security"
}

# 1. The filter's metric comes from a dynamic block.
resource "aws_cloudwatch_log_group" "generated_metric" {
  name = "CloudTrail/generated-metric"
}

resource "aws_cloudwatch_log_metric_filter" "generated_metric" {
  name           = "unauthorized-api-calls"
  log_group_name = aws_cloudwatch_log_group.generated_metric.name
  pattern        = "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }"
  dynamic "metric_transformation" {
    for_each = var.metric_names
    content {
      name      = metric_transformation.value
      namespace = "CIS"
      value     = "1"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "named" {
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

resource "aws_cloudtrail" "generated_metric" {
  name                       = "generated-metric"
  s3_bucket_name             = "audit"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.generated_metric.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}

# 2. A metric-math alarm with one visible query on another metric and dynamic ones.
resource "aws_cloudwatch_log_group" "generated_query" {
  name = "CloudTrail/generated-query"
}

resource "aws_cloudwatch_log_metric_filter" "generated_query" {
  name           = "root-usage"
  log_group_name = aws_cloudwatch_log_group.generated_query.name
  pattern        = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"
  metric_transformation {
    name      = "RootAccountUsage"
    namespace = "CIS"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "math" {
  alarm_name          = "audit-math"
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  alarm_actions       = [aws_sns_topic.security.arn]
  metric_query {
    id = "other"
    metric {
      metric_name = "Other"
      namespace   = "Elsewhere"
      period      = 300
      stat        = "Sum"
    }
  }
  dynamic "metric_query" {
    for_each = var.queries
    content {
      id = metric_query.key
      metric {
        metric_name = metric_query.value
        namespace   = "CIS"
        period      = 300
        stat        = "Sum"
      }
    }
  }
}

resource "aws_cloudtrail" "generated_query" {
  name                       = "generated-query"
  s3_bucket_name             = "audit"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.generated_query.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}
