# Variable values in Terraform's precedence: default < terraform.tfvars < terraform.tfvars.json
# < *.auto.tfvars and *.auto.tfvars.json in lexical order.
variable "group_from_tfvars" {
  default = "arn:aws:logs:eu-west-1:123456789012:log-group:trail:*"
}

variable "role_from_auto" {
  default = ""
}

variable "group_last_auto_wins" {
  default = "arn:aws:logs:eu-west-1:123456789012:log-group:trail:*"
}

variable "role_from_json" {
  default = ""
}

resource "aws_cloudtrail" "emptied_by_tfvars" {
  name                       = "a"
  cloud_watch_logs_group_arn = var.group_from_tfvars  # expect: TW001 {{aws_cloudtrail.emptied_by_tfvars is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is empty (from testdata/terraform/tfvars/terraform.tfvars)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = var.role_from_auto
}

resource "aws_cloudtrail" "emptied_by_last_auto_file" {
  name                       = "b"
  cloud_watch_logs_group_arn = var.group_last_auto_wins  # expect: TW001 {{aws_cloudtrail.emptied_by_last_auto_file is not integrated with CloudWatch Logs: cloud_watch_logs_group_arn is empty (from testdata/terraform/tfvars/b.auto.tfvars)}}
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  cloud_watch_logs_role_arn  = var.role_from_json
}
