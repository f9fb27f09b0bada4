package dev.trailwatch.model;

import dev.trailwatch.model.aws.Trail;
import java.util.List;

/**
 * What one deployable unit declares: a CloudFormation template, or a Terraform root module
 * with the modules it calls. Resources that cannot exist are not in it.
 */
public record ResourceModel(List<Resource> resources, List<Trail> trails) {}
