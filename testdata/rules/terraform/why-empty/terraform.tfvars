cloudwatch_enabled = false
