package dev.trailwatch.model.aws;

import dev.trailwatch.model.Resource;

/**
 * A CloudWatch alarm with the actions it takes: on one metric (metricName, namespace), or on metric
 * math over several (metricQueries, CloudFormation Metrics or Terraform metric_query).
 */
public record Alarm(Resource resource, Attribute metricName, Attribute namespace, Attribute metricQueries,
        Attribute actions) {}
