package dev.trailwatch.cloudformation;

import dev.trailwatch.document.EmbeddedJson;
import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.Alarm;
import dev.trailwatch.model.aws.Attribute;
import dev.trailwatch.model.aws.LogGroup;
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

/** CloudFormation's resource types and property names, mapped to the typed model rules read. */
final class CloudFormationResources {
    /** {@code !GetAtt LG.Arn} ends in {@code :*}; {@code !Ref LG} is the name. */
    static final ReferenceForms LOG_GROUP = new ReferenceForms(Set.of("Arn"), true, Set.of(), true);
    /** {@code !GetAtt Role.Arn}; {@code !Ref Role} is the name. */
    static final ReferenceForms ROLE = new ReferenceForms(Set.of("Arn"), false, Set.of(), true);
    /** {@code !Ref ManagedPolicy} is its ARN. */
    static final ReferenceForms MANAGED_POLICY = new ReferenceForms(Set.of("PolicyArn"), false, Set.of(), false);

    /** Any resource: {@code !GetAtt X.Arn} is its ARN, {@code !Ref X} its name or id (or, for some types, ARN). */
    static final ReferenceForms ANY_RESOURCE = new ReferenceForms(Set.of("Arn"), false, Set.of(), true);

    private CloudFormationResources() {}

    static ResourceModel model(List<Resource> resources, List<Suppression> suppressions) {
        TypedResources typed = new TypedResources();
        for (Resource r : resources) {
            if (r.properties() == null) {
                continue; // properties not readable statically
            }
            switch (r.type()) {
                case "AWS::CloudTrail::Trail" -> typed.add(new Trail(r, Attribute.of(r, "CloudWatchLogsLogGroupArn"),
                        Attribute.of(r, "CloudWatchLogsRoleArn"), Attribute.of(r, "IsLogging"),
                        Attribute.of(r, "IsOrganizationTrail")));
                case "AWS::Logs::LogGroup" -> typed.add(new LogGroup(r, Attribute.of(r, "LogGroupName"), LOG_GROUP));
                case "AWS::IAM::Role" -> typed.add(new Role(r, Attribute.of(r, "RoleName"),
                        EmbeddedJson.policy(r, "AssumeRolePolicyDocument"),
                        inlinePolicies(r), Attribute.of(r, "ManagedPolicyArns"), ROLE));
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> typed.add(new PolicyAttachment(r,
                        EmbeddedJson.policy(r, "PolicyDocument"), new Attribute("PolicyArn", null),
                        Values.items(r.properties().get("Roles"))));
                case "AWS::IAM::RolePolicy" -> typed.add(new PolicyAttachment(r, EmbeddedJson.policy(r, "PolicyDocument"),
                        new Attribute("PolicyArn", null), Values.items(r.properties().get("RoleName"))));
                case "AWS::Logs::MetricFilter" -> typed.add(new MetricFilter(r, Attribute.of(r, "LogGroupName"),
                        Attribute.of(r, "FilterPattern"), metrics(r.properties().get("MetricTransformations"))));
                case "AWS::CloudWatch::Alarm" -> typed.add(new Alarm(r, Attribute.of(r, "MetricName"),
                        Attribute.of(r, "Namespace"), Attribute.of(r, "Metrics"),
                        queriedMetrics(r.properties().get("Metrics")), Attribute.of(r, "AlarmActions"),
                        Attribute.of(r, "ActionsEnabled")));
                default -> { }
            }
        }
        return typed.model(resources, suppressions, ANY_RESOURCE);
    }


    /** {@code Policies: [{PolicyName, PolicyDocument}]} written inside a role. */
    private static List<Attribute> inlinePolicies(Resource role) {
        List<Attribute> out = new ArrayList<>();
        for (Value policy : Values.items(role.properties().get("Policies"))) {
            if (Values.unwrap(policy) instanceof Value.MapValue map) {
                out.add(new Attribute("PolicyDocument", EmbeddedJson.structured(map.entry("PolicyDocument"))));
            } else {
                out.add(new Attribute("Policies", new Value.Entry("Policies", policy.range(), policy)));
            }
        }
        return out;
    }

    /** {@code Metrics: [{MetricStat: {Metric: {MetricName, Namespace}}}]}: what a metric-math alarm reads. */
    private static List<MetricFilter.Metric> queriedMetrics(Value queries) {
        List<MetricFilter.Metric> out = new ArrayList<>();
        for (Value query : Values.items(queries)) {
            if (Values.unwrap(query) instanceof Value.MapValue q && Values.unwrap(q.get("MetricStat")) instanceof
                    Value.MapValue stat && Values.unwrap(stat.get("Metric")) instanceof Value.MapValue metric) {
                out.add(new MetricFilter.Metric(metric.get("MetricName"), metric.get("Namespace")));
            }
        }
        return out;
    }

    private static List<MetricFilter.Metric> metrics(Value transformations) {
        List<MetricFilter.Metric> out = new ArrayList<>();
        for (Value t : Values.items(transformations)) {
            if (Values.unwrap(t) instanceof Value.MapValue map) {
                out.add(new MetricFilter.Metric(map.get("MetricName"), map.get("MetricNamespace")));
            }
        }
        return out;
    }
}
