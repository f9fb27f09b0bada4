package dev.trailwatch.model.aws;

import dev.trailwatch.model.Resource;

/** A CloudWatch Logs log group; {@code name} may be absent (a generated name). */
public record LogGroup(Resource resource, Attribute name, ReferenceForms references) {}
