log_group_arn = ""
