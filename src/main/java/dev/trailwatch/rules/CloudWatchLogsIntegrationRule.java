package dev.trailwatch.rules;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.aws.Attribute;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * TW001: a trail delivers to CloudWatch Logs only when both the log group ARN and the role ARN
 * are set. One finding per trail names every attribute that is missing and, for values that
 * depend on a condition that cannot be decided, the condition that leaves it missing.
 */
public final class CloudWatchLogsIntegrationRule extends TrailRule {
    private static final RuleMetadata METADATA =
            RuleMetadata.rule("TW001", "CloudTrailCloudWatchLogsIntegration", Severity.ERROR)
            .summary("CloudTrail trails must deliver their events to CloudWatch Logs (log group ARN and role ARN set)")
            .peerIds("CKV2_AWS_10", "AVD-AWS-0162", "aws-cloudtrail-ensure-cloudwatch-integration",
                    "KICS: CloudTrail Not Integrated With CloudWatch", "CloudTrail.5",
                    "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED")
            .tags("security", "CIS-AWS-1.2.0/2.4", "CIS-AWS-1.4.0/3.4", "CIS-AWS-2.0.0/3.4")
            .helpUri("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html")
            .securitySeverity("5.5").build();

    public CloudWatchLogsIntegrationRule() {
        super(METADATA);
    }


    /** One way an attribute ends up without a value. */
    private record Gap(Attribute attribute, String how, List<String> conditions, Location origin, String originName) {
        boolean isAbsent() {
            return !attribute.isPresent();
        }
    }

    @Override
    public void checkTrail(ResourceModel model, Trail trail, Consumer<Finding> report) {
        List<Gap> gaps = new ArrayList<>();
        boolean capped = collectGaps(trail.logGroupArn(), gaps);
        capped |= collectGaps(trail.roleArn(), gaps);
        if (!gaps.isEmpty()) {
            report.accept(describe(trail, gaps, capped));
        }
    }

    /** Adds the attribute's gaps; true when its paths were too many to follow all. */
    private static boolean collectGaps(Attribute attribute, List<Gap> gaps) {
        if (!attribute.isPresent()) {
            gaps.add(new Gap(attribute, "not set", List.of(), null, null));
            return false;
        }
        List<ValuePaths.Leaf> leaves = ValuePaths.leaves(attribute.value());
        for (ValuePaths.Leaf leaf : leaves) {
            String how = how(leaf.value());
            if (how != null) {
                gaps.add(new Gap(attribute, how, leaf.conditions(), leaf.origin(), leaf.originName()));
            }
        }
        return ValuePaths.capped(leaves);
    }

    /** How a value leaves the attribute without a value, or null when it does not. */
    private static String how(Value value) {
        if (value instanceof Value.Null) {
            return "null";
        }
        if (value instanceof Value.Absent) {
            return "not set";
        }
        return value instanceof Value.Text t && t.text().isEmpty() ? "empty" : null;
    }

    /** Many undecided conditions make many ways to a gap; the first few show the pattern. */
    private static final int MAX_PHRASES = 4;

    private Finding describe(Trail trail, List<Gap> gaps, boolean capped) {
        List<String> phrases = new ArrayList<>();
        List<Gap> plainAbsent = gaps.stream().filter(g -> g.isAbsent()).toList();
        if (plainAbsent.size() == 2) {
            phrases.add(plainAbsent.get(0).attribute().name() + " and " + plainAbsent.get(1).attribute().name()
                    + " are not set");
        }
        List<Finding.Related> related = new ArrayList<>();
        for (Gap gap : gaps) {
            if (plainAbsent.size() == 2 && gap.isAbsent()) {
                continue;
            }
            StringBuilder phrase = new StringBuilder(gap.attribute().name()).append(" is ").append(gap.how());
            if (!gap.conditions().isEmpty()) {
                phrase.append(" when ").append(String.join(" and ", gap.conditions()));
            }
            if (gap.originName() != null) {
                phrase.append(" (from ").append(gap.originName()).append(')');
                if (gap.origin() != null) {
                    related.add(new Finding.Related(gap.origin(),
                            gap.attribute().name() + " gets its value from " + gap.originName()));
                }
            }
            phrases.add(phrase.toString());
        }
        if (phrases.size() > MAX_PHRASES || capped) {
            int more = phrases.size() - MAX_PHRASES;
            phrases = new ArrayList<>(phrases.subList(0, Math.min(MAX_PHRASES, phrases.size())));
            phrases.add(capped ? "and in more combinations of conditions (too many to follow all)"
                    : "and in " + more + " more combinations of conditions");
        }
        related = related.stream().distinct().toList();
        Location at = trail.resource().declaration();
        boolean anyAbsent = !plainAbsent.isEmpty();
        if (!anyAbsent) {
            at = new Location(at.file(), gaps.get(0).attribute().range());
        }
        String message = trail.resource().address() + " is not integrated with CloudWatch Logs: "
                + String.join("; ", phrases);
        String remediation = "Set " + trail.logGroupArn().name()
                + " to the ARN of a CloudWatch Logs log group (ending in :*) and " + trail.roleArn().name()
                + " to the ARN of an IAM role that cloudtrail.amazonaws.com can assume, allowed logs:CreateLogStream"
                + " and logs:PutLogEvents on that log group; see `trailwatch explain TW001`.";
        return finding(trail.resource(), at, message, remediation, related);
    }
}
