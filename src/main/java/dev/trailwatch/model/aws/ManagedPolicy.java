package dev.trailwatch.model.aws;

import dev.trailwatch.model.Resource;

/** A customer managed policy declared on its own (Terraform aws_iam_policy), attached by its ARN. */
public record ManagedPolicy(Resource resource, Attribute document, ReferenceForms references) {}
