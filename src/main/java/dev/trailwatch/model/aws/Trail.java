package dev.trailwatch.model.aws;

import dev.trailwatch.model.Resource;

/** An AWS CloudTrail trail, with the attributes that concern its CloudWatch Logs delivery. */
public record Trail(Resource resource, Attribute logGroupArn, Attribute roleArn, Attribute isLogging,
        Attribute isOrganizationTrail) {}
