# Neither trust nor permissions: the fix adds both statements.
resource "aws_cloudwatch_log_group" "audit" {
  name              = "audit"
  retention_in_days = 365
}

resource "aws_iam_role" "delivery" {
  name = "trail-delivery"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "ec2.amazonaws.com" }
        Action    = "sts:AssumeRole"
      }
    ]
  })
}

resource "aws_iam_role_policy" "delivery" {
  name = "deliver"
  role = aws_iam_role.delivery.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "logs:DescribeLogGroups"
      Resource = "*"
    }]
  })
}

resource "aws_cloudtrail" "audit" {
  name                       = "audit"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.audit.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.delivery.arn
}
