package dev.trailwatch.terraform;

import dev.trailwatch.document.EmbeddedJson;
import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.Alarm;
import dev.trailwatch.model.aws.Attribute;
import dev.trailwatch.model.aws.LogGroup;
import dev.trailwatch.model.aws.ManagedPolicy;
import dev.trailwatch.model.aws.MetricFilter;
import dev.trailwatch.model.aws.PolicyAttachment;
import dev.trailwatch.model.aws.ReferenceForms;
import dev.trailwatch.model.aws.Role;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.model.aws.TypedResources;
import dev.trailwatch.model.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The AWS provider's resource types and attribute names, mapped to the typed model rules read. */
final class TerraformResources {
    static final String TRAIL_TYPE = "aws_cloudtrail";
    /** {@code aws_cloudwatch_log_group.x.arn} has no {@code :*} suffix since provider 3.0. */
    static final ReferenceForms LOG_GROUP = new ReferenceForms(Set.of("arn"), false, Set.of("name", "id"), false);
    static final ReferenceForms ROLE = new ReferenceForms(Set.of("arn"), false, Set.of("name", "id"), false);
    static final ReferenceForms POLICY = new ReferenceForms(Set.of("arn", "id"), false, Set.of("name"), false);

    /** Any resource: {@code .arn} is its ARN, {@code .id} and {@code .name} its id and name. */
    static final ReferenceForms ANY_RESOURCE = new ReferenceForms(Set.of("arn"), false, Set.of("id", "name"), false);

    private TerraformResources() {}

    static ResourceModel model(List<Resource> resources, List<Suppression> suppressions) {
        TypedResources typed = new TypedResources();
        for (Resource r : resources) {
            switch (r.type()) {
                case TRAIL_TYPE -> typed.add(new Trail(r, Attribute.of(r, "cloud_watch_logs_group_arn"),
                        Attribute.of(r, "cloud_watch_logs_role_arn"), Attribute.of(r, "enable_logging"),
                        Attribute.of(r, "is_organization_trail")));
                case "aws_cloudwatch_log_group" -> typed.add(new LogGroup(r, Attribute.of(r, "name"), LOG_GROUP));
                case "aws_iam_role" -> typed.add(new Role(r, Attribute.of(r, "name"), EmbeddedJson.policy(r, "assume_role_policy"),
                        inlinePolicies(r), Attribute.of(r, "managed_policy_arns"), ROLE));
                case "aws_iam_role_policy" -> typed.add(new PolicyAttachment(r, EmbeddedJson.policy(r, "policy"),
                        new Attribute("policy_arn", null), Values.items(r.properties().get("role"))));
                case "aws_iam_role_policy_attachment" -> typed.add(new PolicyAttachment(r,
                        new Attribute("policy", null), Attribute.of(r, "policy_arn"),
                        Values.items(r.properties().get("role"))));
                case "aws_iam_policy_attachment" -> typed.add(new PolicyAttachment(r, new Attribute("policy", null),
                        Attribute.of(r, "policy_arn"), Values.items(r.properties().get("roles"))));
                case "aws_iam_policy" -> typed.add(new ManagedPolicy(r, EmbeddedJson.policy(r, "policy"), POLICY));
                case "aws_cloudwatch_log_metric_filter" -> typed.add(new MetricFilter(r,
                        Attribute.of(r, "log_group_name"), Attribute.of(r, "pattern"),
                        metrics(r.properties().get("metric_transformation"))));
                case "aws_cloudwatch_metric_alarm" -> typed.add(new Alarm(r, Attribute.of(r, "metric_name"),
                        Attribute.of(r, "namespace"), Attribute.of(r, "metric_query"),
                        queriedMetrics(r.properties().get("metric_query")), Attribute.of(r, "alarm_actions"),
                        Attribute.of(r, "actions_enabled")));
                default -> { }
            }
        }
        return typed.model(resources, suppressions, ANY_RESOURCE);
    }


    /** {@code inline_policy { policy = … }} blocks inside a role. */
    private static List<Attribute> inlinePolicies(Resource role) {
        List<Attribute> out = new ArrayList<>();
        for (Value block : Values.items(role.properties().get("inline_policy"))) {
            if (Values.unwrap(block) instanceof Value.MapValue map) {
                out.add(new Attribute("policy", EmbeddedJson.structured(map.entry("policy"))));
            } else {
                // A dynamic block: a policy that cannot be read, so the role cannot be judged.
                out.add(new Attribute("policy", new Value.Entry("inline_policy", block.range(), block)));
            }
        }
        return out;
    }

    /** {@code metric_query { metric { metric_name, namespace } }}: what a metric-math alarm reads. */
    private static List<MetricFilter.Metric> queriedMetrics(Value queries) {
        List<MetricFilter.Metric> out = new ArrayList<>();
        for (Value query : Values.items(queries)) {
            if (Values.unwrap(query) instanceof Value.MapValue q) {
                for (Value metric : Values.items(q.get("metric"))) {
                    // A dynamic block or a shape not understood: a metric not known, which may be any.
                    out.add(Values.unwrap(metric) instanceof Value.MapValue m
                            ? new MetricFilter.Metric(m.get("metric_name"), m.get("namespace"))
                            : new MetricFilter.Metric(metric, metric));
                }
            } else {
                out.add(new MetricFilter.Metric(query, query));
            }
        }
        return out;
    }

    private static List<MetricFilter.Metric> metrics(Value transformations) {
        List<MetricFilter.Metric> out = new ArrayList<>();
        for (Value t : Values.items(transformations)) {
            if (Values.unwrap(t) instanceof Value.MapValue map) {
                out.add(new MetricFilter.Metric(map.get("name"), map.get("namespace")));
            } else {
                // A dynamic block or a shape not understood: a metric not known, which may be any.
                out.add(new MetricFilter.Metric(t, t));
            }
        }
        return out;
    }
}
