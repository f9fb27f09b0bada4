# TW003 in Terraform: the role's policies written five ways, trust problems, and near misses.
resource "aws_cloudwatch_log_group" "trail" {
  name = "CloudTrail/audit"
}

locals {
  trust = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "cloudtrail.amazonaws.com" } }]
  })
}

# 1. inline_policy with jsonencode: complete.
resource "aws_iam_role" "inline" {
  name               = "inline"
  assume_role_policy = local.trust
  inline_policy {
    name = "deliver"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.trail.arn}:*"
      }]
    })
  }
}

# 2. aws_iam_role_policy with a heredoc: only PutLogEvents.
resource "aws_iam_role" "heredoc" {
  name               = "heredoc"
  assume_role_policy = local.trust
}

resource "aws_iam_role_policy" "heredoc" {
  role   = aws_iam_role.heredoc.id
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "${aws_cloudwatch_log_group.trail.arn}:log-stream:*"}
  ]
}
POLICY
}

# 3. aws_iam_policy_document: complete, with a wildcard action.
data "aws_iam_policy_document" "deliver" {
  statement {
    actions   = ["logs:Put*", "logs:CreateLogStream"]
    resources = ["${aws_cloudwatch_log_group.trail.arn}:log-stream:*"]
  }
}

resource "aws_iam_role" "document" {
  name               = "document"
  assume_role_policy = local.trust
}

resource "aws_iam_role_policy" "document" {
  role   = aws_iam_role.document.name
  policy = data.aws_iam_policy_document.deliver.json
}

# 4. aws_iam_policy + aws_iam_role_policy_attachment: on another log group's streams.
resource "aws_cloudwatch_log_group" "other" {
  name = "other"
}

resource "aws_iam_policy" "other_group" {
  name = "other-group"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "${aws_cloudwatch_log_group.other.arn}:*" }]
  })
}

resource "aws_iam_role" "attached" {
  name               = "attached"
  assume_role_policy = local.trust
}

resource "aws_iam_role_policy_attachment" "attached" {
  role       = aws_iam_role.attached.name
  policy_arn = aws_iam_policy.other_group.arn
}

# 5. aws_iam_policy_attachment: logs:* on *, complete.
resource "aws_iam_policy" "everything" {
  name   = "everything"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "logs:*", Resource = "*" }] })
}

resource "aws_iam_role" "shared" {
  name               = "shared"
  assume_role_policy = local.trust
}

resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  roles      = [aws_iam_role.shared.name]
  policy_arn = aws_iam_policy.everything.arn
}

# Trust for EC2 only.
resource "aws_iam_role" "ec2" {
  name = "ec2"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

# An AWS-managed policy: not visible statically, so not judged.
resource "aws_iam_role" "managed" {
  name                = "managed"
  assume_role_policy  = local.trust
  managed_policy_arns = ["arn:aws:iam::aws:policy/CloudWatchLogsFullAccess"]
}

resource "aws_cloudtrail" "inline" {
  name                       = "inline"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.inline notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.inline.arn
}

resource "aws_cloudtrail" "heredoc" {
  name                       = "heredoc"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.heredoc notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.heredoc.arn  # expect: TW003 {{aws_cloudtrail.heredoc's CloudWatch Logs role cannot deliver: cloud_watch_logs_role_arn names a role whose policies do not allow logs:CreateLogStream on the trail's log streams (aws_iam_role.heredoc at testdata/rules/terraform/role/main.tf:31)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "document" {
  name                       = "document"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.document notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.document.arn
}

resource "aws_cloudtrail" "attached" {
  name                       = "attached"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.attached notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.attached.arn  # expect: TW003 {{aws_cloudtrail.attached's CloudWatch Logs role cannot deliver: cloud_watch_logs_role_arn names a role whose policies do not allow logs:CreateLogStream and logs:PutLogEvents on the trail's log streams (aws_iam_role.attached at testdata/rules/terraform/role/main.tf:79)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "shared" {
  name                       = "shared"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.shared notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.shared.arn
}

resource "aws_cloudtrail" "ec2" {
  name                       = "ec2"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.ec2 notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.ec2.arn  # expect: TW003 {{aws_cloudtrail.ec2's CloudWatch Logs role cannot deliver: cloud_watch_logs_role_arn names a role whose trust policy does not let cloudtrail.amazonaws.com sts:AssumeRole (aws_iam_role.ec2 at testdata/rules/terraform/role/main.tf:107)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "role_name" {
  name                       = "role-name"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.role_name notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.inline.name  # expect: TW003 {{aws_cloudtrail.role_name's CloudWatch Logs role cannot deliver: cloud_watch_logs_role_arn is the name of role aws_iam_role.inline, not its ARN: refer to its arn}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "managed" {
  name                       = "managed"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.managed notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.managed.arn
}

# The policy names the role by its literal name, not by reference: still its policy.
resource "aws_iam_role" "named" {
  name               = "trail-delivery"
  assume_role_policy = local.trust
}

resource "aws_iam_role_policy" "named" {
  role = "trail-delivery"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["logs:CreateLogStream", "logs:PutLogEvents"], Resource = "${aws_cloudwatch_log_group.trail.arn}:*" }]
  })
}

resource "aws_cloudtrail" "named" {
  name                       = "named"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.named notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.named.arn
}

# An organization trail whose log group's name contains something shaped like an organization id
# ("demo-cloudtrail" holds "o-cloudtrail"): the stream form is read from the stream part only.
resource "aws_iam_role" "organization" {
  name               = "organization"
  assume_role_policy = local.trust
  inline_policy {
    name = "deliver"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect = "Allow"
        Action = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = [
          "arn:aws:logs:us-east-1:111122223333:log-group:demo-cloudtrail:log-stream:111122223333_CloudTrail_us-east-1*",
          "arn:aws:logs:us-east-1:111122223333:log-group:demo-cloudtrail:log-stream:o-a1b2c3d4e5_*",
        ]
      }]
    })
  }
}

resource "aws_cloudtrail" "organization" {
  name                       = "organization"
  is_organization_trail      = true
  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:demo-cloudtrail:*"
  cloud_watch_logs_role_arn  = aws_iam_role.organization.arn
}

# An attachment to a role named by a variable, of a policy that is not declared here: someone
# else's role, not a reason to stop judging every role (heredoc above is still reported).
variable "application_role_name" {}

resource "aws_iam_role_policy_attachment" "application" {
  role       = var.application_role_name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# A Deny whose condition is written with a dynamic block is conditional: not guessed at.
variable "allowed_vpcs" {
  default = ["vpc-1"]
}

data "aws_iam_policy_document" "conditional_deny" {
  statement {
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.trail.arn}:*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["logs:*"]
    resources = ["*"]
    dynamic "condition" {
      for_each = var.allowed_vpcs
      content {
        test     = "StringNotEquals"
        variable = "aws:SourceVpc"
        values   = [condition.value]
      }
    }
  }
}

resource "aws_iam_role" "conditional_deny" {
  name               = "conditional-deny"
  assume_role_policy = local.trust
}

resource "aws_iam_role_policy" "conditional_deny" {
  role   = aws_iam_role.conditional_deny.id
  policy = data.aws_iam_policy_document.conditional_deny.json
}

resource "aws_cloudtrail" "conditional_deny" {
  name                       = "conditional-deny"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.conditional_deny notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = aws_iam_role.conditional_deny.arn
}
