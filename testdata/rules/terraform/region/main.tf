# TW002: the log group must be in the trail's region (CloudTrail delivers only there).
provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

resource "aws_cloudwatch_log_group" "virginia" {
  provider = aws.virginia
  name     = "CloudTrail/virginia"
}

resource "aws_cloudwatch_log_group" "ireland" {
  name = "CloudTrail/ireland"
}

resource "aws_cloudtrail" "literal_other_region" {
  name                       = "a"
  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/audit:*"  # expect: TW002 {{aws_cloudtrail.literal_other_region's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is a log group in us-east-1 but the trail is in eu-west-1: CloudTrail delivers only to a log group in the trail's own region}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}

resource "aws_cloudtrail" "declared_other_region" {
  name                       = "b"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.virginia.arn}:*"  # expect: TW002 {{aws_cloudtrail.declared_other_region's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is a log group in us-east-1 but the trail is in eu-west-1: CloudTrail delivers only to a log group in the trail's own region}} TW004 {{aws_cloudtrail.declared_other_region notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.virginia}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}

# Near misses: same region, and a trail whose provider is the Virginia one.
resource "aws_cloudtrail" "same_region" {
  name                       = "c"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.ireland.arn}:*"  # expect: TW004 {{aws_cloudtrail.same_region notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.ireland}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}

resource "aws_cloudtrail" "virginia" {
  provider                   = aws.virginia
  name                       = "d"
  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/audit:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}

# AWS provider 6: a resource's own region argument wins over its provider's.
resource "aws_cloudtrail" "own_region" {
  region                     = "us-east-1"
  name                       = "e"
  cloud_watch_logs_group_arn = "arn:aws:logs:eu-west-1:123456789012:log-group:CloudTrail/audit:*"  # expect: TW002 {{aws_cloudtrail.own_region's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is a log group in eu-west-1 but the trail is in us-east-1: CloudTrail delivers only to a log group in the trail's own region}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}

module "virginia_trail" {
  source    = "./trail-module"
  providers = { aws = aws.virginia }
}

# A null region argument means the provider's region (eu-west-1 here). (A variable's value could
# differ between runs: like a provider's region, only a literal decides.)
resource "aws_cloudtrail" "null_region" {
  region                     = null
  name                       = "f"
  cloud_watch_logs_group_arn = "arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail/audit:*"  # expect: TW002 {{aws_cloudtrail.null_region's log group is not one CloudTrail accepts: cloud_watch_logs_group_arn is a log group in us-east-1 but the trail is in eu-west-1: CloudTrail delivers only to a log group in the trail's own region}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail"
}
