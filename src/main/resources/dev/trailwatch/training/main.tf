# What the launcher's class-data archive is trained on (bin/trailwatch): Terraform of every common
# shape, so that a user's first real folder loads its classes from the archive.
variable "deliver" {
  type    = bool
  default = true
}

locals {
  name     = "audit-${terraform.workspace}"
  tags     = merge({ team = "security" }, { name = local.name })
  regions  = { for r in ["eu-west-1", "us-east-1"] : r => upper(r) if r != "" }
  selector = <<-EOT
    ${local.name} events
  EOT
}

resource "aws_cloudwatch_log_group" "trail" {
  name              = local.name
  retention_in_days = 365
}

resource "aws_iam_role" "trail" {
  name = "trail"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "deliver" {
  role = aws_iam_role.trail.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "${aws_cloudwatch_log_group.trail.arn}:*"
    }]
  })
}

resource "aws_cloudtrail" "audit" {
  count                      = var.deliver ? 1 : 0
  name                       = local.name
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail.arn
  tags                       = local.tags
}

resource "aws_cloudtrail" "regional" {
  for_each       = toset(["eu", "us"])
  name           = "audit-${each.key}" # trailwatch:ignore TW001 reason: training
  s3_bucket_name = "audit-logs"
}
