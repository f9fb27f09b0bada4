package dev.trailwatch.rules;

import dev.trailwatch.model.ResourceModel;
import dev.trailwatch.model.aws.Attribute;
import dev.trailwatch.model.aws.Trail;
import java.util.function.Consumer;

/** TW005: a trail declared with logging switched off records nothing, so nothing reaches CloudWatch Logs. */
public final class LoggingEnabledRule extends TrailRule {
    private static final RuleMetadata METADATA =
            RuleMetadata.rule("TW005", "CloudTrailLoggingEnabled", Severity.WARNING)
            .summary("A trail must be logging, or nothing reaches CloudWatch Logs")
            .peerIds("CloudTrail.1")
            .tags("security", "CIS-AWS-1.4.0/3.1")
            .helpUri("https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StartLogging.html")
            .securitySeverity("5.5").build();

    public LoggingEnabledRule() {
        super(METADATA);
    }

    @Override
    public void checkTrail(ResourceModel model, Trail trail, Consumer<Finding> report) {
        Attribute attribute = trail.isLogging();
        reportProblems(trail, attribute, v -> Truth.of(v).isFalse() ? "is false" : null,
                " does not log, so nothing reaches CloudWatch Logs: ",
                "Set " + attribute.name() + " to true; see `trailwatch explain TW005`.", report);
    }
}
