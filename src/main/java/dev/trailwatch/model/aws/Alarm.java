package dev.trailwatch.model.aws;

import dev.trailwatch.model.Resource;
import java.util.List;

/**
 * A CloudWatch alarm with the actions it takes: on one metric (metricName, namespace), or on metric
 * math over several (metricQueries, CloudFormation Metrics or Terraform metric_query, and the
 * metrics those queries read, as far as they can be read). {@code actions} are its alarm actions
 * (not OK or insufficient-data ones: those do not tell anyone that the event happened), and
 * {@code actionsEnabled} may switch them all off.
 */
public record Alarm(Resource resource, Attribute metricName, Attribute namespace, Attribute metricQueries,
        List<MetricFilter.Metric> queriedMetrics, Attribute actions, Attribute actionsEnabled) {}
