#!/usr/bin/env python3
"""Writes the large inputs of scripts/bench.sh's size ladder (never committed: written at bench time).

usage: bench-inputs.py KIND MEGABYTES OUT [CORPUS]
  tf-corpus   one .tf made of the real Terraform files of CORPUS (../shared/corpus/terraform), repeated
  tf-trails   one .tf of repeated trail, log group, role, policy, metric filter and alarm blocks
  cfn-json    one CloudFormation JSON template with many trails (and their log groups, roles, filters, alarms)
  cfn-yaml    the same template as YAML, with short-form tags
  yaml-scalar one YAML template whose single string value is MEGABYTES long (a literal block
              scalar of 80-character lines: a single line that long is refused, lines are read
              with at most 1 MiB each)
The output is at least MEGABYTES * 1,000,000 bytes (whole blocks), written to OUT.
"""
import json
import os
import sys


def tf_corpus(target, corpus):
    files = []
    for base, dirs, names in os.walk(corpus):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(".tf"):
                with open(os.path.join(base, name), encoding="utf-8") as f:
                    files.append(f.read())
    if not files:
        sys.exit(f"no .tf files under {corpus}")
    out, size, i = [], 0, 0
    while size < target:
        text = files[i % len(files)]
        if not text.endswith("\n"):
            text += "\n"
        out.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return "".join(out)


TF_BLOCK = '''resource "aws_cloudtrail" "trail_{i}" {{
  name                       = "trail-{i}"
  s3_bucket_name             = "audit-logs-{i}"
  enable_logging             = var.enabled ? true : false
  cloud_watch_logs_group_arn = "${{aws_cloudwatch_log_group.trail_{i}.arn}}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_{i}.arn
}}

resource "aws_cloudwatch_log_group" "trail_{i}" {{
  name              = "/aws/cloudtrail/trail-{i}"
  retention_in_days = var.enabled ? 365 : 30
}}

resource "aws_iam_role" "trail_{i}" {{
  name = "cloudtrail-{i}"
  assume_role_policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect    = "Allow"
      Principal = {{ Service = "cloudtrail.amazonaws.com" }}
      Action    = "sts:AssumeRole"
    }}]
  }})
}}

resource "aws_iam_role_policy" "trail_{i}" {{
  role = aws_iam_role.trail_{i}.id
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "${{aws_cloudwatch_log_group.trail_{i}.arn}}:log-stream:*"
    }}]
  }})
}}

resource "aws_cloudwatch_log_metric_filter" "trail_{i}" {{
  name           = "unauthorized-{i}"
  log_group_name = aws_cloudwatch_log_group.trail_{i}.name
  pattern        = "{{ $.errorCode = \\"AccessDenied*\\" }}"
  metric_transformation {{
    name      = "Unauthorized{i}"
    namespace = "CIS"
    value     = "1"
  }}
}}

resource "aws_cloudwatch_metric_alarm" "trail_{i}" {{
  alarm_name          = "unauthorized-{i}"
  metric_name         = "Unauthorized{i}"
  namespace           = "CIS"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = 1
  period              = 300
  statistic           = "Sum"
  threshold           = 1
  alarm_actions       = [var.topic_arn]
}}

'''

TF_HEADER = '''variable "enabled" {
  type    = bool
  default = true
}

variable "topic_arn" {
  type    = string
  default = "arn:aws:sns:us-east-1:123456789012:alarms"
}

'''


def tf_trails(target):
    out, size, i = [TF_HEADER], len(TF_HEADER), 0
    while size < target:
        block = TF_BLOCK.format(i=i)
        out.append(block)
        size += len(block)
        i += 1
    return "".join(out)


def cfn_resources(i):
    trail, group, role = f"Trail{i}", f"TrailLogs{i}", f"TrailRole{i}"
    return {
        trail: {"Type": "AWS::CloudTrail::Trail", "Properties": {
            "IsLogging": True, "S3BucketName": f"audit-logs-{i}",
            "CloudWatchLogsLogGroupArn": {"Fn::GetAtt": [group, "Arn"]},
            "CloudWatchLogsRoleArn": {"Fn::GetAtt": [role, "Arn"]}}},
        group: {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": f"/aws/cloudtrail/trail-{i}",
                                                              "RetentionInDays": 365}},
        role: {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
            "Policies": [{"PolicyName": "deliver", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                "Resource": {"Fn::Sub": "${" + group + ".Arn}"}}]}}]}},
        f"Filter{i}": {"Type": "AWS::Logs::MetricFilter", "Properties": {
            "LogGroupName": {"Ref": group}, "FilterPattern": "{ $.errorCode = \"AccessDenied*\" }",
            "MetricTransformations": [{"MetricName": f"Unauthorized{i}", "MetricNamespace": "CIS",
                                       "MetricValue": "1"}]}},
        f"Alarm{i}": {"Type": "AWS::CloudWatch::Alarm", "Properties": {
            "MetricName": f"Unauthorized{i}", "Namespace": "CIS", "Statistic": "Sum", "Period": 300,
            "EvaluationPeriods": 1, "Threshold": 1, "ComparisonOperator": "GreaterThanOrEqualToThreshold",
            "AlarmActions": [{"Ref": "AlarmTopic"}]}},
    }


def cfn_count(target, render):
    """How many trail groups make about target bytes, from the size of 100 of them."""
    sample = render(100)
    per = len(sample) / 100
    return max(1, int(target / per) + 1)


def cfn_template(n):
    resources = {"AlarmTopic": {"Type": "AWS::SNS::Topic"}}
    for i in range(n):
        resources.update(cfn_resources(i))
    return {"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources}


def cfn_json(target):
    n = cfn_count(target, lambda k: json.dumps(cfn_template(k), indent=2))
    return json.dumps(cfn_template(n), indent=2) + "\n"


YAML_GROUP = '''  Trail{i}:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: audit-logs-{i}
      CloudWatchLogsLogGroupArn: !GetAtt TrailLogs{i}.Arn
      CloudWatchLogsRoleArn: !GetAtt TrailRole{i}.Arn
  TrailLogs{i}:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: /aws/cloudtrail/trail-{i}
      RetentionInDays: 365
  TrailRole{i}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: cloudtrail.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: deliver
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action:
                  - logs:CreateLogStream
                  - logs:PutLogEvents
                Resource: !Sub "${{TrailLogs{i}.Arn}}"
  Filter{i}:
    Type: AWS::Logs::MetricFilter
    Properties:
      LogGroupName: !Ref TrailLogs{i}
      FilterPattern: '{{ $.errorCode = "AccessDenied*" }}'
      MetricTransformations:
        - MetricName: Unauthorized{i}
          MetricNamespace: CIS
          MetricValue: "1"
  Alarm{i}:
    Type: AWS::CloudWatch::Alarm
    Properties:
      MetricName: Unauthorized{i}
      Namespace: CIS
      Statistic: Sum
      Period: 300
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanOrEqualToThreshold
      AlarmActions:
        - !Ref AlarmTopic
'''

YAML_HEADER = '''AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AlarmTopic:
    Type: AWS::SNS::Topic
'''


def cfn_yaml(target):
    out, size, i = [YAML_HEADER], len(YAML_HEADER), 0
    while size < target:
        block = YAML_GROUP.format(i=i)
        out.append(block)
        size += len(block)
        i += 1
    return "".join(out)


def yaml_scalar(target):
    head = YAML_HEADER + '''  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: audit-logs
    Metadata:
      Note: |
'''
    line = "        " + "x" * 71 + "\n"
    return head + line * (target // len(line) + 1)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    kind, megabytes, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    target = int(megabytes * 1_000_000)
    if kind == "tf-corpus":
        if len(sys.argv) < 5:
            sys.exit("tf-corpus needs the corpus folder")
        text = tf_corpus(target, sys.argv[4])
    elif kind == "tf-trails":
        text = tf_trails(target)
    elif kind == "cfn-json":
        text = cfn_json(target)
    elif kind == "cfn-yaml":
        text = cfn_yaml(target)
    elif kind == "yaml-scalar":
        text = yaml_scalar(target)
    else:
        sys.exit(f"unknown kind {kind}\n{__doc__}")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
