package dev.trailwatch.rules;

import dev.trailwatch.model.Resource;
import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.Values;
import dev.trailwatch.model.aws.Attribute;
import dev.trailwatch.model.aws.LogGroup;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * TW002: the log group value is known and CloudTrail would reject it: not a log group ARN ending
 * in {@code :*}, a log group's name where its ARN belongs, an ARN reference without the
 * {@code :*} CloudTrail requires, or a reference to a log group that is not declared.
 */
@RuleInfo(id = "TW002", name = "CloudTrailLogGroupArnAccepted", severity = Severity.ERROR,
        summary = "The trail's CloudWatch Logs log group ARN must be one CloudTrail accepts:"
                + " arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*",
        peerIds = {"CloudTrail.5"}, tags = {"security", "CIS-AWS-1.4.0/3.4"},
        helpUri = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html",
        securitySeverity = "5.5")
public final class LogGroupArnRule extends Rule {
    private static final Pattern LOG_GROUP_ARN =
            Pattern.compile("arn:[a-z0-9-]+:logs:[a-z0-9-]*:[0-9]*:log-group:[^:*]+:\\*");
    private static final Pattern LOG_GROUP_ARN_WITHOUT_WILDCARD =
            Pattern.compile("arn:[a-z0-9-]+:logs:[a-z0-9-]*:[0-9]*:log-group:[^:*]+");

    @Override
    public void check(ResourceModel model, Consumer<Finding> report) {
        for (Trail trail : model.trails()) {
            Attribute attribute = trail.logGroupArn();
            if (!attribute.isPresent()) {
                continue; // TW001's
            }
            List<String> problems = new ArrayList<>();
            List<Finding.Related> related = new ArrayList<>();
            for (ValuePaths.Leaf leaf : ValuePaths.leaves(attribute.value())) {
                String problem = problem(leaf.value(), trail, model);
                if (problem != null) {
                    problems.add(attribute.name() + " " + problem + leaf.when() + leaf.from());
                    if (leaf.origin() != null) {
                        related.add(new Finding.Related(leaf.origin(), attribute.name() + " gets its value from "
                                + leaf.originName()));
                    }
                }
            }
            if (!problems.isEmpty()) {
                Location at = new Location(trail.resource().declaration().file(), attribute.range());
                report.accept(finding(trail.resource(), at, trail.resource().address()
                        + "'s log group is not one CloudTrail accepts: " + String.join("; ", problems),
                        "Use the log group's ARN ending in :* (arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*);"
                                + " see `trailwatch explain TW002`.", related));
            }
        }
    }

    /** What is wrong with one possible value, or null when it is acceptable or not known. */
    private static String problem(Value value, Trail trail, ResourceModel model) {
        if (value instanceof Value.Text text) {
            String problem = text(text.text());
            return problem != null ? problem : region(regionOf(text.text()), trail);
        }
        Value first = value instanceof Value.Concatenation c && !c.parts().isEmpty() ? Values.unwrap(c.parts().get(0))
                : value;
        if (first instanceof Value.Reference r && model.resource(r.target()) != null) {
            String problem = problemWithReference(value, model);
            return problem != null ? problem : region(model.resource(r.target()).region(), trail);
        }
        return problemWithReference(value, model);
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

    private static String regionOf(String arn) {
        String[] fields = arn.split(":", -1);
        return fields.length > 3 && arn.startsWith("arn:") ? fields[3] : null;
    }

    private static String problemWithReference(Value value, ResourceModel model) {
        if (value instanceof Value.Reference reference) {
            return reference(reference, "", model);
        }
        if (value instanceof Value.Concatenation c && !c.parts().isEmpty()
                && Values.unwrap(c.parts().get(0)) instanceof Value.Reference first) {
            StringBuilder rest = new StringBuilder();
            for (Value part : c.parts().subList(1, c.parts().size())) {
                String s = Values.scalarText(part);
                if (s == null) {
                    return null; // more references after the first: not judged
                }
                rest.append(s);
            }
            return reference(first, rest.toString(), model);
        }
        return null;
    }

    private static String text(String text) {
        if (text.isEmpty() || LOG_GROUP_ARN.matcher(text).matches()) {
            return null; // empty is TW001's
        }
        if (LOG_GROUP_ARN_WITHOUT_WILDCARD.matcher(text).matches()) {
            return "is \"" + text + "\", which lacks the :* CloudTrail requires: write \"" + text + ":*\"";
        }
        if (!text.startsWith("arn:")) {
            return "is \"" + text + "\", not an ARN: CloudTrail needs the log group's ARN,"
                    + " arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME:*";
        }
        return "is \"" + text + "\", which is not a CloudWatch Logs log group ARN ending in :*";
    }

    /** A reference to a resource's attribute, followed by {@code suffix}. */
    private static String reference(Value.Reference reference, String suffix, ResourceModel model) {
        if (reference.kind() != Value.ReferenceKind.RESOURCE || isDataSource(reference.target())) {
            return null;
        }
        Resource target = model.resource(reference.target());
        if (target == null) {
            return "refers to " + reference.target() + ", which is not declared";
        }
        LogGroup group = model.logGroups().stream().filter(g -> g.resource() == target).findFirst().orElse(null);
        if (group == null) {
            return "refers to " + reference.target() + " (" + target.type() + "), not a CloudWatch Logs log group";
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
        if (wildcard && suffix.isEmpty() || !wildcard && suffix.equals(":*")) {
            return null;
        }
        if (!wildcard && suffix.isEmpty()) {
            return "is the ARN of log group " + reference.target() + " without the :* CloudTrail requires"
                    + " (this ARN has no :* suffix): append :*";
        }
        return "is the ARN of log group " + reference.target() + " followed by \"" + suffix + "\": "
                + (wildcard ? "its " + arn + " already ends in :*, so use it alone"
                        : "CloudTrail needs exactly the ARN followed by :*");
    }

    private static boolean isDataSource(String target) {
        return target.startsWith("data.") || target.contains(".data.");
    }
}
