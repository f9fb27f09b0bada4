package dev.trailwatch.model.aws;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.Value;
import java.util.List;

/** A CloudWatch Logs metric filter: which log group it reads, its pattern, the metrics it publishes. */
public record MetricFilter(Resource resource, Attribute logGroupName, Attribute pattern, List<Metric> metrics) {
    /** A metric a filter publishes. */
    public record Metric(Value name, Value namespace) {}
}
