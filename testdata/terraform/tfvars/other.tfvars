# Read only through --var-file.
group_from_tfvars = "arn:aws:logs:eu-west-1:123456789012:log-group:other:*"
