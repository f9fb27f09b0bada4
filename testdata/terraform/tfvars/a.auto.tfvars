role_from_auto       = "arn:aws:iam::123456789012:role/from-auto"
group_last_auto_wins = "arn:aws:logs:eu-west-1:123456789012:log-group:a:*"
