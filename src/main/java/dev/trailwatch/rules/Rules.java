package dev.trailwatch.rules;

import java.util.List;

/** Every rule trailwatch runs, in one explicit list (a test checks each is documented and tested). */
public final class Rules {
    private Rules() {}

    public static List<Rule> all() {
        return List.of(new UnknownValueRule(), new CloudWatchLogsIntegrationRule(), new LogGroupArnRule(),
                new DeliveryRoleRule(), new NotificationRule(), new LoggingEnabledRule(), new SuppressionRule());
    }
}
