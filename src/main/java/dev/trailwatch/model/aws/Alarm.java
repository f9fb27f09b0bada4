package dev.trailwatch.model.aws;

import dev.trailwatch.model.Resource;
import java.util.List;

/**
 * A CloudWatch alarm with the actions it takes: on one metric (metricName, namespace), or on metric
 * math over several (metricQueries, CloudFormation Metrics or Terraform metric_query, and the
 * metrics those queries read, as far as they can be read).
 */
public record Alarm(Resource resource, Attribute metricName, Attribute namespace, Attribute metricQueries,
        List<MetricFilter.Metric> queriedMetrics, Attribute actions) {}
