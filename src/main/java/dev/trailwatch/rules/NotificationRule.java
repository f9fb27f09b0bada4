package dev.trailwatch.rules;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.Alarm;
import dev.trailwatch.model.aws.LogGroup;
import dev.trailwatch.model.aws.MetricFilter;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * TW004: the point of delivering to CloudWatch Logs is to be told. When the trail's log group is
 * declared in the template or configuration, some metric filter must read it and some alarm
 * with an action must watch a metric such a filter publishes. Values that cannot be known count
 * as matching: a warning needs certainty.
 */
public final class NotificationRule extends TrailRule {
    private static final RuleMetadata METADATA =
            RuleMetadata.rule("TW004", "CloudTrailLogGroupMonitored", Severity.WARNING)
            .summary("Someone must be notified: a metric filter must read the trail's log group and an alarm with "
                    + "an action must watch its metric")
            .peerIds("CloudWatch.1", "CloudWatch.4")
            .tags("security", "CIS-AWS-1.4.0/4.1", "CIS-AWS-1.2.0/3.1")
            .helpUri("https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html")
            .securitySeverity("3.5").build();

    public NotificationRule() {
        super(METADATA);
    }

    /** CIS monitoring filters, recognised by words their patterns use. */
    private static final Map<String, List<String>> CIS_FILTERS = cisFilters();

    private static Map<String, List<String>> cisFilters() {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("unauthorized API calls", List.of("UnauthorizedOperation", "AccessDenied"));
        filters.put("console sign-in without MFA", List.of("MFAUsed"));
        filters.put("root account usage", List.of("\"Root\"", "Root"));
        filters.put("IAM policy changes", List.of("DeleteGroupPolicy", "PutRolePolicy", "AttachUserPolicy"));
        filters.put("CloudTrail configuration changes", List.of("StopLogging", "UpdateTrail", "DeleteTrail"));
        filters.put("console authentication failures", List.of("Failed authentication"));
        filters.put("KMS key deletion", List.of("ScheduleKeyDeletion", "DisableKey"));
        filters.put("S3 bucket policy changes", List.of("PutBucketPolicy"));
        filters.put("AWS Config changes", List.of("StopConfigurationRecorder"));
        filters.put("security group changes", List.of("AuthorizeSecurityGroupIngress"));
        filters.put("network ACL changes", List.of("CreateNetworkAcl"));
        filters.put("network gateway changes", List.of("CreateCustomerGateway", "AttachInternetGateway"));
        filters.put("route table changes", List.of("CreateRoute", "ReplaceRoute"));
        filters.put("VPC changes", List.of("CreateVpc", "DeleteVpc"));
        filters.put("AWS Organizations changes", List.of("organizations.amazonaws.com"));
        return filters;
    }

    @Override
    public void checkTrail(ResourceModel model, Trail trail, Consumer<Finding> report) {
        if (!trail.logGroupArn().isPresent()) {
            return;
        }
        LogGroup group = declaredGroup(trail.logGroupArn().value(), model);
        if (group == null) {
            return; // not declared here: its filters, if any, are elsewhere
        }
        MonitoringIndex index = MonitoringIndex.of(model);
        List<MetricFilter> filters = index.filters(group);
        Location at = new Location(trail.resource().declaration().file(), trail.logGroupArn().range());
        String name = group.resource().address();
        if (filters.isEmpty()) {
            report.accept(finding(trail.resource(), at, trail.resource().address() + " notifies nobody: no metric"
                    + " filter reads log group " + name, "Add a metric filter on " + name + " (for example for"
                    + " unauthorized API calls) and an alarm on its metric with an alarm action; see"
                    + " `trailwatch explain TW004`."));
            return;
        }
        List<String> silent = new ArrayList<>();
        boolean alarmed = false;
        for (Alarm alarm : index.alarms(filters)) {
            if (!watches(alarm, filters)) {
                continue;
            }
            String why = whySilent(alarm);
            if (why == null) {
                alarmed = true;
                break;
            }
            silent.add(why);
        }
        if (!alarmed) {
            report.accept(finding(trail.resource(), at, trail.resource().address() + " notifies nobody: no alarm"
                    + " with an action watches the metrics of the filters on log group " + name + " ("
                    + recognised(filters) + ")" + (silent.isEmpty() ? "" : "; " + String.join("; ", silent)),
                    "Add an alarm on the filter's metric (same namespace and name)"
                    + " with an alarm action such as an SNS topic; see `trailwatch explain TW004`."));
        }
    }

    /**
     * The declared log group a trail's value names (by a reference anywhere in it, or by its
     * literal name inside an ARN), on any of its paths.
     */
    private static LogGroup declaredGroup(Value value, ResourceModel model) {
        for (ValuePaths.Leaf leaf : ValuePaths.leaves(value)) {
            LogGroup group = ArnText.logGroupNamed(leaf.value(), model);
            if (group != null) {
                return group;
            }
        }
        return null;
    }

    private static boolean watches(Alarm alarm, List<MetricFilter> filters) {
        List<MetricFilter.Metric> watched = MonitoringIndex.watched(alarm);
        if (watched == null) {
            return true; // metric math whose metrics cannot be read: it may watch any filter's metric
        }
        for (MetricFilter filter : filters) {
            for (MetricFilter.Metric metric : filter.metrics()) {
                for (MetricFilter.Metric w : watched) {
                    if (same(w.name(), metric.name()) && same(w.namespace(), metric.namespace())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Why an alarm that watches the metric tells nobody: no alarm action (OK and insufficient-data
     * actions alone do not say the event happened), or its actions switched off; null when it tells.
     */
    private static String whySilent(Alarm alarm) {
        String name = alarm.resource().address();
        Value actions = alarm.actions().isPresent() ? Values.unwrap(alarm.actions().value()) : null;
        if (actions == null || actions instanceof Value.Null || actions instanceof Value.ListValue l && l.items().isEmpty()) {
            return "alarm " + name + " watches them but has no alarm action (" + alarm.actions().name() + ")";
        }
        if (alarm.actionsEnabled().isPresent() && disabled(alarm.actionsEnabled().value())) {
            return "alarm " + name + " watches them but its actions are disabled (" + alarm.actionsEnabled().name()
                    + " is false)";
        }
        return null;
    }

    /** False on every path: a value not known statically counts as enabled (a warning needs certainty). */
    private static boolean disabled(Value value) {
        for (ValuePaths.Leaf leaf : ValuePaths.leaves(value)) {
            if (!Truth.of(leaf.value()).isFalse()) {
                return false;
            }
        }
        return true;
    }

    /** Equal when both are known; a value not known statically matches anything. */
    private static boolean same(Value a, Value b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        String x = Values.scalarText(a);
        String y = Values.scalarText(b);
        return x == null || y == null || x.equals(y);
    }

    private static String recognised(List<MetricFilter> filters) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, List<String>> cis : CIS_FILTERS.entrySet()) {
            for (MetricFilter filter : filters) {
                String pattern = filter.pattern().isPresent() ? Values.scalarText(filter.pattern().value()) : null;
                if (pattern != null && cis.getValue().stream().anyMatch(pattern::contains) && !found.contains(cis.getKey())) {
                    found.add(cis.getKey());
                }
            }
        }
        return found.isEmpty() ? "no CIS monitoring filter recognised among them"
                : "CIS monitoring filters present: " + String.join(", ", found);
    }
}
