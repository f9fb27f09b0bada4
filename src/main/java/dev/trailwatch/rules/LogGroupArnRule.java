package dev.trailwatch.rules;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.LogGroup;
import dev.trailwatch.model.aws.Trail;
import java.util.List;
import java.util.function.Consumer;

/**
 * TW002: the log group value is known and CloudTrail would reject it: not a log group ARN ending
 * in {@code :*}, a log group's name where its ARN belongs, an ARN reference without the
 * {@code :*} CloudTrail requires, or a reference to a log group that is not declared.
 */
public final class LogGroupArnRule extends TrailRule {
    private static final RuleMetadata METADATA =
            RuleMetadata.rule("TW002", "CloudTrailLogGroupArnAccepted", Severity.ERROR)
            .summary("The trail's CloudWatch Logs log group ARN must be one CloudTrail accepts: "
                    + "arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*")
            .peerIds("CloudTrail.5")
            .tags("security", "CIS-AWS-1.4.0/3.4")
            .helpUri("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html")
            .securitySeverity("5.5").build();

    public LogGroupArnRule() {
        super(METADATA);
    }

    @Override
    public void checkTrail(ResourceModel model, Trail trail, Consumer<Finding> report) {
        // Absent is TW001's.
        reportProblems(trail, trail.logGroupArn(), v -> judge(v, trail, model).problemText(),
                "'s log group is not one CloudTrail accepts: ",
                "Use the log group's ARN ending in :* (arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*);"
                        + " see `trailwatch explain TW002`.", report);
    }

    /**
     * What TW002 decides about one possible value: judged on its known parts, references to
     * declared log groups written out as the ARNs and names they give.
     */
    static Verdict judge(Value value, Trail trail, ResourceModel model) {
        String wrongReference = wrongReference(value, model);
        if (wrongReference != null) {
            return Verdict.problem(wrongReference);
        }
        PartialText text = ArnText.of(value, model);
        Verdict onLength = Verdict.onLength(text);
        if (onLength != null) {
            return onLength;
        }
        TextForm form = text.form();
        if (form.within(ArnText.LOG_GROUP_ARN)) {
            String region = region(text.knownField(3), trail);
            return region == null ? Verdict.ACCEPTED : Verdict.problem(region);
        }
        if (!form.intersects(ArnText.LOG_GROUP_ARN)) {
            String byReference = problemWithReference(value, model);
            return Verdict.problem(byReference != null ? byReference : textProblem(text, form));
        }
        return Verdict.open(text);
    }

    /**
     * A reference to a resource that is not declared, or a value that starts with another kind of
     * resource's ARN or name ({@code Ref}). Other attributes of other resources may hold anything:
     * they stay open.
     */
    private static String wrongReference(Value value, ResourceModel model) {
        List<Value.Reference> references = ArnText.references(value);
        for (Value.Reference r : references) {
            if (model.resource(r.target()) == null) {
                return "refers to " + r.target() + ", which is not declared";
            }
        }
        Value.Reference r = ArnText.leadingReference(value, model);
        if (r != null) {
            Resource target = model.resource(r.target());
            if (model.logGroup(target) == null) {
                return "refers to " + r.target() + " (" + target.type() + "), not a CloudWatch Logs log group";
            }
        }
        return null;
    }

    /** A log group in another region than the trail, when both regions are known. */
    private static String region(String groupRegion, Trail trail) {
        String trailRegion = trail.resource().region();
        if (groupRegion == null || trailRegion == null || groupRegion.isEmpty() || groupRegion.equals(trailRegion)) {
            return null;
        }
        return "is a log group in " + groupRegion + " but the trail is in " + trailRegion
                + ": CloudTrail delivers only to a log group in the trail's own region";
    }

    private static String textProblem(PartialText text, TextForm form) {
        String known = text.text();
        String shown = "\"" + (known != null ? known : text.display()) + "\"";
        if (form.within(ArnText.LOG_GROUP_ARN_WITHOUT_WILDCARD)) {
            return "is " + shown + ", which lacks the :* CloudTrail requires: "
                    + (known != null ? "write \"" + known + ":*\"" : "append :*");
        }
        if (!form.intersects(ArnText.ANY_ARN)) {
            return "is " + shown + ", not an ARN: CloudTrail needs the log group's ARN,"
                    + " arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*";
        }
        return "is " + shown + ", which is not a CloudWatch Logs log group ARN ending in :*";
    }

    /** The message for a value that is a reference to a log group, alone or followed by known text. */
    private static String problemWithReference(Value value, ResourceModel model) {
        Value v = Values.unwrap(value);
        if (v instanceof Value.Reference reference) {
            return reference(reference, "", model);
        }
        if (v instanceof Value.Concatenation c && !c.parts().isEmpty()
                && Values.unwrap(c.parts().get(0)) instanceof Value.Reference first) {
            StringBuilder rest = new StringBuilder();
            for (Value part : c.parts().subList(1, c.parts().size())) {
                String s = Values.scalarText(part);
                if (s == null) {
                    return null; // more references after the first: described by the text
                }
                rest.append(s);
            }
            return reference(first, rest.toString(), model);
        }
        return null;
    }

    /** A reference to a log group's attribute, followed by {@code suffix}. */
    private static String reference(Value.Reference reference, String suffix, ResourceModel model) {
        LogGroup group = model.logGroup(model.resource(reference.target()));
        if (group == null) {
            return null;
        }
        String arn = group.references().arnAttributes().iterator().next();
        if (group.references().isName(reference.attribute())) {
            return suffix.isEmpty()
                    ? "is the name of log group " + reference.target() + ", not its ARN: refer to its " + arn
                            + (group.references().arnEndsWithWildcard() ? "" : " and append :*")
                    : null; // the name inside a longer ARN: judged with the text around it
        }
        if (!group.references().isArn(reference.attribute())) {
            return null;
        }
        boolean wildcard = group.references().arnEndsWithWildcard();
        if (!wildcard && suffix.isEmpty()) {
            return "is the ARN of log group " + reference.target() + " without the :* CloudTrail requires"
                    + " (this ARN has no :* suffix): append :*";
        }
        if (wildcard && suffix.isEmpty() || !wildcard && suffix.equals(":*")) {
            return null;
        }
        return "is the ARN of log group " + reference.target() + " followed by \"" + suffix + "\": "
                + (wildcard ? "its " + arn + " already ends in :*, so use it alone"
                        : "CloudTrail needs exactly the ARN followed by :*");
    }
}
