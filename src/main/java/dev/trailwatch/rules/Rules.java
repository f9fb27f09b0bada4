package dev.trailwatch.rules;

import java.util.List;

/** Every rule trailwatch runs, in one explicit list (a test checks each is documented and tested). */
public final class Rules {
    private Rules() {}

    /**
     * TW000 reports only what was not checked: it runs only with --strict. Kept until the command
     * line and FixtureTest ask {@link RuleMetadata#onlyWhenStrict()} instead; then remove it.
     */
    public static final String STRICT_ONLY = "TW000";

    public static List<Rule> all() {
        return List.of(new UnknownValueRule(), new CloudWatchLogsIntegrationRule(), new LogGroupArnRule(),
                new DeliveryRoleRule(), new NotificationRule(), new LoggingEnabledRule(), new SuppressionRule());
    }
}
