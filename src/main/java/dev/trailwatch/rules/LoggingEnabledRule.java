package dev.trailwatch.rules;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.Value;
import dev.trailwatch.model.aws.Attribute;
import dev.trailwatch.model.aws.Trail;
import dev.trailwatch.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** TW005: a trail declared with logging switched off records nothing, so nothing reaches CloudWatch Logs. */
@RuleInfo(id = "TW005", name = "CloudTrailLoggingEnabled", severity = Severity.WARNING,
        summary = "A trail must be logging, or nothing reaches CloudWatch Logs",
        peerIds = {"CloudTrail.1"}, tags = {"security", "CIS-AWS-1.4.0/3.1"},
        helpUri = "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StartLogging.html",
        securitySeverity = "5.5")
public final class LoggingEnabledRule extends Rule {
    @Override
    public void check(ResourceModel model, Consumer<Finding> report) {
        for (Trail trail : model.trails()) {
            Attribute attribute = trail.isLogging();
            if (!attribute.isPresent()) {
                continue;
            }
            List<String> off = new ArrayList<>();
            List<Finding.Related> related = new ArrayList<>();
            for (ValuePaths.Leaf leaf : ValuePaths.leaves(attribute.value())) {
                Value v = leaf.value();
                boolean isFalse = v instanceof Value.Bool b && !b.value() || v instanceof Value.Text t
                        && t.text().equalsIgnoreCase("false");
                if (isFalse) {
                    off.add(attribute.name() + " is false" + leaf.when() + leaf.from());
                    if (leaf.origin() != null) {
                        related.add(new Finding.Related(leaf.origin(), attribute.name() + " gets its value from "
                                + leaf.originName()));
                    }
                }
            }
            if (!off.isEmpty()) {
                Location at = new Location(trail.resource().declaration().file(), attribute.range());
                report.accept(finding(trail.resource(), at, trail.resource().address()
                        + " does not log, so nothing reaches CloudWatch Logs: " + String.join("; ", off),
                        "Set " + attribute.name() + " to true; see `trailwatch explain TW005`.", related));
            }
        }
    }
}
