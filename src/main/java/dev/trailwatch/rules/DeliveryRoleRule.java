package dev.trailwatch.rules;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.PolicyDocument;
import dev.trailwatch.model.aws.Role;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.rules.iam.PolicyEvaluation;
import dev.trailwatch.source.Location;
import java.util.List;
import java.util.function.Consumer;

/**
 * TW003: the role CloudTrail would use cannot deliver: the value is not an IAM role ARN, or the
 * role (declared here) does not trust cloudtrail.amazonaws.com, or its visible policies, all
 * statements together, do not allow logs:CreateLogStream and logs:PutLogEvents on the trail's
 * log streams. What cannot be seen (AWS-managed policies, other stacks) makes it unknown, never
 * a finding.
 */
public final class DeliveryRoleRule extends TrailRule {
    private static final RuleMetadata METADATA =
            RuleMetadata.rule("TW003", "CloudTrailDeliveryRoleUsable", Severity.ERROR)
            .summary("The trail's CloudWatch Logs role must be an IAM role that CloudTrail can assume and that may "
                    + "create log streams and put log events in the trail's log group")
            .peerIds("CloudTrail.5")
            .tags("security", "CIS-AWS-1.4.0/3.4")
            .helpUri("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html")
            .securitySeverity("5.5").build();

    public DeliveryRoleRule() {
        super(METADATA);
    }

    private static final List<String> ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents");
    private static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";

    @Override
    public void checkTrail(ResourceModel model, Trail trail, Consumer<Finding> report) {
        // Absent is TW001's.
        reportProblems(trail, trail.roleArn(), v -> judge(v, trail, model).problemText(),
                "'s CloudWatch Logs role cannot deliver: ",
                "Give the trail an IAM role that trusts cloudtrail.amazonaws.com (sts:AssumeRole) and allows"
                        + " logs:CreateLogStream and logs:PutLogEvents on the log group's log-stream:*;"
                        + " see `trailwatch explain TW003`.", report);
    }

    /**
     * What TW003 decides about one possible value: judged on its known parts; when it names a
     * role declared here (by reference or by its literal name), that role's trust and policies.
     */
    static Verdict judge(Value value, Trail trail, ResourceModel model) {
        Verdict notARoleArn = notARoleArn(value, model);
        if (notARoleArn != null) {
            return notARoleArn;
        }
        Role role = ArnText.roleNamed(value, model);
        if (role == null) {
            return Verdict.ACCEPTED; // a role declared elsewhere: nothing to read
        }
        String where = " (" + role.resource().address() + " at " + at(role.resource().declaration()) + ")";
        if (!trusted(role)) {
            return Verdict.problem("names a role whose trust policy does not let " + CLOUDTRAIL
                    + " sts:AssumeRole" + where);
        }
        RolePolicies policies = RolePolicies.of(role, model, ACTIONS);
        if (!policies.invisible().isEmpty()) {
            return Verdict.open("the permissions of role " + role.resource().address() + " are not all visible: "
                    + String.join("; ", policies.invisible()));
        }
        List<String> missing = missing(policies, trail, model);
        return missing.isEmpty() ? Verdict.ACCEPTED : Verdict.problem("names a role whose policies do not allow "
                + String.join(" and ", missing) + " on the trail's log streams" + where);
    }

    /** The verdict on a value that is not certainly an IAM role ARN (empty is TW001's), else null. */
    private static Verdict notARoleArn(Value value, ResourceModel model) {
        Value.Reference leading = ArnText.leadingReference(value, model);
        Resource target = leading == null ? null : model.resource(leading.target());
        if (target != null && model.role(target) == null) {
            return Verdict.problem("refers to " + leading.target() + " (" + target.type() + "), not an IAM role");
        }
        PartialText text = ArnText.of(value, model);
        Verdict onLength = Verdict.onLength(text);
        if (onLength != null) {
            return onLength;
        }
        TextForm form = text.form();
        if (form.within(ArnText.ROLE_ARN)) {
            return null;
        }
        if (form.intersects(ArnText.ROLE_ARN)) {
            return Verdict.open(text);
        }
        if (Values.unwrap(value) instanceof Value.Reference r) {
            Role named = model.role(model.resource(r.target()));
            if (named != null && named.references().isName(r.attribute())) {
                return Verdict.problem("is the name of role " + named.resource().address()
                        + ", not its ARN: refer to its " + named.references().arnAttributes().iterator().next());
            }
        }
        String known = text.text();
        return Verdict.problem(known != null
                ? "is \"" + known + "\", not an IAM role ARN (arn:PARTITION:iam::ACCOUNT:role/NAME)"
                : "is \"" + text.display() + "\", which can never be an IAM role ARN"
                        + " (arn:PARTITION:iam::ACCOUNT:role/NAME)");
    }

    private static String at(Location location) {
        return location.file() + ":" + location.line();
    }

    /** Unless its trust policy is readable and certainly keeps CloudTrail out (absent: both formats require one). */
    private static boolean trusted(Role role) {
        PolicyDocument trust = role.trustPolicy().isPresent() ? PolicyDocument.of(role.trustPolicy().value()) : null;
        return trust == null || !PolicyEvaluation.trusts(trust, CLOUDTRAIL).isFalse();
    }

    /** The actions its policies certainly do not allow on every stream the trail writes. */
    private static List<String> missing(RolePolicies policies, Trail trail, ResourceModel model) {
        List<LogStreams> requests = LogStreams.of(trail, model);
        return ACTIONS.stream().filter(action -> requests.stream()
                .anyMatch(streams -> PolicyEvaluation.allows(policies.documents(), action, streams).isFalse()))
                .toList();
    }
}
