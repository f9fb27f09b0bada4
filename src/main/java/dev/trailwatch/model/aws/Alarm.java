package dev.trailwatch.model.aws;

import dev.trailwatch.model.Resource;

/** A CloudWatch alarm on one metric, with the actions it takes. */
public record Alarm(Resource resource, Attribute metricName, Attribute namespace, Attribute actions) {}
