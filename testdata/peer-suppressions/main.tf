# Other linters' skips of the same control. They hold only with --peer-suppressions (or
# peer-suppressions: true in .trailwatch.yml); without it every trail here is reported.
resource "aws_cloudwatch_log_group" "trail" {
  name = "CloudTrail/peers"
}

resource "aws_cloudtrail" "checkov_skip" {  # expect@1-41: TW001 {{aws_cloudtrail.checkov_skip is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn and cloud_watch_logs_role_arn are not set}}
  #checkov:skip=CKV2_AWS_10:Delivered to the organization's central log group instead
  name           = "a"
  s3_bucket_name = "logs"
}

#trivy:ignore:AVD-AWS-0162
resource "aws_cloudtrail" "trivy_ignore" {  # expect@1-41: TW001 {{aws_cloudtrail.trivy_ignore is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn and cloud_watch_logs_role_arn are not set}}
  name           = "b"
  s3_bucket_name = "logs"
}

# kics-scan ignore-block
resource "aws_cloudtrail" "kics_ignore" {  # expect@1-40: TW001 {{aws_cloudtrail.kics_ignore is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn and cloud_watch_logs_role_arn are not set}}
  name           = "c"
  s3_bucket_name = "logs"
}

#trivy:ignore:AVD-AWS-0162:exp:2020-01-01
resource "aws_cloudtrail" "trivy_expired" {  # expect@1-42: TW001 {{aws_cloudtrail.trivy_expired is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn and cloud_watch_logs_role_arn are not set}}
  name           = "d"
  s3_bucket_name = "logs"
}

# A skip of another control hides nothing; nor does a skip of TW001's control hide TW004.
#checkov:skip=CKV_AWS_35:Encryption is handled elsewhere
resource "aws_cloudtrail" "other_control" {  # expect@1-42: TW001 {{aws_cloudtrail.other_control is not integrated with CloudWatch Logs: cloud_watch_logs_role_arn is not set}}
  name                       = "e"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.other_control notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}

resource "aws_cloudtrail" "skip_does_not_hide_tw004" {  # expect@1-53: TW001 {{aws_cloudtrail.skip_does_not_hide_tw004 is not integrated with CloudWatch Logs: cloud_watch_logs_role_arn is not set}}
  #checkov:skip=CKV2_AWS_10:the role is added by the platform team
  name                       = "f"
  s3_bucket_name             = "logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"  # expect: TW004 {{aws_cloudtrail.skip_does_not_hide_tw004 notifies nobody: no metric filter reads log group aws_cloudwatch_log_group.trail}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
}
